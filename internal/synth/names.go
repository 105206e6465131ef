package synth

// name is a name in its original script with the Latin transcriptions
// seen in files for it; Latin names have no original.
type name struct {
	original string
	latin    []string
}

// Given names common in the countries the office receives people from,
// with transcription variants. Given names alone identify nobody.
var (
	arabicGiven = []name{
		{"محمد", []string{"Mohammed", "Muhammad", "Mohamed", "Mohammad", "Mohamad"}},
		{"أحمد", []string{"Ahmed", "Ahmad"}},
		{"علي", []string{"Ali"}},
		{"عمر", []string{"Omar", "Umar"}},
		{"حسن", []string{"Hassan", "Hasan"}},
		{"يوسف", []string{"Youssef", "Yusuf", "Yousef"}},
		{"خالد", []string{"Khaled", "Khalid"}},
		{"إبراهيم", []string{"Ibrahim", "Ebrahim"}},
		{"فاطمة", []string{"Fatima", "Fatma"}},
		{"عائشة", []string{"Aisha", "Aicha", "Aysha"}},
		{"مريم", []string{"Mariam", "Maryam"}},
		{"زينب", []string{"Zainab", "Zeinab"}},
		{"ليلى", []string{"Layla", "Leila"}},
		{"نور", []string{"Nour", "Noor"}},
		{"أمينة", []string{"Amina", "Amineh"}},
	}
	persianGiven = []name{
		{"محمد", []string{"Mohammad", "Mohammed"}},
		{"احمد", []string{"Ahmad", "Ahmed"}},
		{"رضا", []string{"Reza", "Resa"}},
		{"زهرا", []string{"Zahra"}},
		{"فاطمه", []string{"Fatemeh", "Fatima"}},
		{"مریم", []string{"Maryam", "Mariam"}},
		{"حسین", []string{"Hossein", "Hussein", "Husain"}},
		{"نرگس", []string{"Narges"}},
	}
	cyrillicGiven = []name{
		{"Олександр", []string{"Oleksandr", "Aleksandr", "Olexandr"}},
		{"Андрій", []string{"Andrii", "Andriy", "Andrey"}},
		{"Сергій", []string{"Serhii", "Sergiy", "Serhiy"}},
		{"Дмитро", []string{"Dmytro", "Dmitro"}},
		{"Микола", []string{"Mykola", "Nikolai"}},
		{"Олена", []string{"Olena", "Elena"}},
		{"Ірина", []string{"Iryna", "Irina"}},
		{"Наталія", []string{"Nataliia", "Natalia", "Nataliya"}},
		{"Юлія", []string{"Yuliia", "Yulia", "Iuliia"}},
		{"Оксана", []string{"Oksana"}},
		{"Тетяна", []string{"Tetiana", "Tatiana", "Tetyana"}},
	}
	ethiopicGiven = []name{
		{"ዮናስ", []string{"Yonas", "Yonass"}},
		{"ዳዊት", []string{"Dawit", "Dawitt"}},
		{"ተስፋይ", []string{"Tesfay", "Tesfai", "Tesfaye"}},
		{"ክብሮም", []string{"Kibrom", "Kbrom"}},
		{"ሚካኤል", []string{"Mikael", "Michael"}},
		{"ሰናይት", []string{"Senait", "Senayt"}},
		{"ሃበን", []string{"Haben"}},
		{"ሉዋም", []string{"Luwam", "Luam"}},
		{"ሳባ", []string{"Saba"}},
		{"ፍረወይኒ", []string{"Freweini", "Frewoini"}},
	}
	latinGiven = map[string][]string{
		"TR": {"Mehmet", "Mustafa", "Hüseyin", "Emine", "Ayşe", "Zeynep"},
		"SO": {"Abdi", "Abdirahman", "Liban", "Hodan", "Faadumo", "Hawa"},
		"GE": {"Giorgi", "Levan", "Davit", "Nino", "Tamar", "Mariam"},
		"LK": {"Tharshan", "Sivakumar", "Kavitha", "Nirosha", "Prakash"},
	}
)

// syllable is a piece of an invented surname in an original script and
// its Latin transcriptions.
type syllable struct {
	original string
	latin    []string
}

// Invented surnames are built from these syllables, so that no list of
// real families is needed and the results look made up.
var (
	arabicSyllables = []syllable{
		{"زا", []string{"za"}}, {"را", []string{"ra"}}, {"ني", []string{"ni", "nee"}},
		{"با", []string{"ba"}}, {"لو", []string{"lu", "lou"}}, {"كي", []string{"ki", "ky"}},
		{"ما", []string{"ma"}}, {"دي", []string{"di", "dee"}}, {"سو", []string{"su", "sou"}},
		{"تا", []string{"ta"}}, {"ري", []string{"ri"}}, {"وا", []string{"wa", "oua"}},
		{"فا", []string{"fa"}}, {"نو", []string{"nu", "nou"}}, {"قا", []string{"qa", "ka", "ga"}},
	}
	arabicEndings = []syllable{
		{"وي", []string{"wi", "oui", "wy"}}, {"اني", []string{"ani"}}, {"ري", []string{"ri"}},
		{"ون", []string{"un", "oun"}}, {"دي", []string{"di"}},
	}
	cyrillicStems = []syllable{
		{"Зал", []string{"Zal"}}, {"Тим", []string{"Tym", "Tim"}}, {"Лів", []string{"Liv"}},
		{"Дор", []string{"Dor"}}, {"Пеш", []string{"Pesh"}}, {"Грин", []string{"Hryn", "Gryn"}},
		{"Вел", []string{"Vel"}}, {"Жур", []string{"Zhur", "Jur"}}, {"Кул", []string{"Kul"}},
	}
	cyrillicEndings = []syllable{
		{"енко", []string{"enko"}}, {"чук", []string{"chuk", "tchuk"}}, {"ович", []string{"ovych", "ovich"}},
		{"як", []string{"iak", "yak"}}, {"ець", []string{"ets"}},
	}
	ethiopicSyllables = []syllable{
		{"ገ", []string{"ge", "ga"}}, {"ተ", []string{"te", "ta"}}, {"ከ", []string{"ke", "ka"}},
		{"ለ", []string{"le", "la"}}, {"መ", []string{"me", "ma"}}, {"ሰ", []string{"se", "sa"}},
		{"ወ", []string{"we", "wa"}}, {"ዘ", []string{"ze", "za"}}, {"ራ", []string{"ra"}},
		{"ሳ", []string{"sa"}}, {"ማ", []string{"ma"}}, {"ሉ", []string{"lu"}}, {"ሮ", []string{"ro"}},
	}
	ethiopicEndings = []syllable{
		{"ም", []string{"m"}}, {"ን", []string{"n"}}, {"ት", []string{"t"}},
		{"ስ", []string{"s"}}, {"ር", []string{"r"}},
	}
	latinStems   = []string{"Bel", "Kar", "Dun", "Ves", "Mor", "Tal", "Rin", "Sol", "Gav", "Pem", "Zor"}
	latinEndings = map[string][]string{
		"TR": {"oğlu", "dere", "kaya"},
		"SO": {"ane", "ow", "eey"},
		"GE": {"ashvili", "adze", "ava"},
		"LK": {"arajah", "ingam", "athan"},
	}
)
