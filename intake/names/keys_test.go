package names

import (
	"fmt"
	"strings"
	"testing"
)

// matches is the search rule: every word of the query, split with Words,
// has a QueryKeys alternative that is a prefix of some IndexKeys key of the
// name.
func matches(query, name string) bool {
	keys := IndexKeys(name)
	words := Words(query)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !anyPrefix(QueryKeys(w), keys) {
			return false
		}
	}
	return true
}

func anyPrefix(alts, keys []string) bool {
	for _, a := range alts {
		for _, k := range keys {
			if strings.HasPrefix(k, a) {
				return true
			}
		}
	}
	return false
}

// variantGroups are spellings of one name that must find each other, in
// both directions, across scripts.
var variantGroups = [][]string{
	{"Mohammed", "Muhammad", "Mohamad", "Mohamed", "Muhammed", "Mouhamed", "مُحَمَّد", "محمد"},
	{"Oleksandr", "Aleksandr", "Alexander", "Olexandr", "Oleksander", "Олександр", "Александр"},
	{"Youssef", "Yusuf", "Yousef", "Yossef", "Jussuf", "Youcef", "يوسف"},
	{"Ahmad", "Ahmed", "Ahamed", "أحمد"},
	{"Hussein", "Husayn", "Hossein", "Husain", "حسين"},
	{"Abdulrahman", "Abd al-Rahman", "Abdel Rahman", "Abdurrahman", "Abdelrahman", "Abdirahman", "عبد الرحمن", "عبدالرحمن"},
	{"Abdullah", "Abdallah", "Abd Allah", "Abdellah", "عبدالله", "عبد الله"},
	{"Fatima", "Fatma", "Fatemeh", "Fatime", "فاطمة", "فاطمه"},
	{"Mykola", "Nikolai", "Nikolay", "Nikolaj", "Микола", "Николай"},
	{"Serhii", "Sergey", "Sergei", "Serhiy", "Sergej", "Сергій", "Сергей"},
	{"Dmytro", "Dmitry", "Dmitri", "Dmitrij", "Дмитро", "Дмитрий"},
	{"Yevhen", "Evgeny", "Evgenii", "Jewgeni", "Євген", "Евгений"},
	{"Tsehaye", "Tsehay", "ፀሃየ"},
	{"Selam", "Salam", "ሰላም"},
	{"Zeinab", "Zainab", "Zaynab", "زينب", "زینب"},
	{"Aisha", "Aicha", "Ayesha", "عائشة"},
	{"Rashid", "Rachid", "Rasheed", "رشيد"},
	{"Khaled", "Khalid", "Chaled", "خالد"},
	{"Olha", "Olga", "Ольга"},
	{"Yurii", "Yuri", "Iurii", "Jurij", "Юрій", "Юрий"},
	{"Giorgi", "Giorgi", "გიორგი", "ᲒᲘᲝᲠᲒᲘ"},
	{"Murugan", "முருகன்"},
	{"Omar", "Umar", "عمر"},
	{"Amir", "Ameer", "أمير"},
}

func TestVariantGroupsMatch(t *testing.T) {
	for _, g := range variantGroups {
		t.Run(g[0], func(t *testing.T) {
			for _, q := range g {
				for _, n := range g {
					if !matches(q, n) {
						t.Errorf("query %q does not find %q\n query keys %q\n index keys %q",
							q, n, queryKeysOf(q), IndexKeys(n))
					}
				}
			}
		})
	}
}

func queryKeysOf(q string) [][]string {
	var out [][]string
	for _, w := range Words(q) {
		out = append(out, QueryKeys(w))
	}
	return out
}

func TestSearchFullNames(t *testing.T) {
	tests := []struct {
		query, name string
		want        bool
	}{
		{"Muhammad Ali", "Mohammed Aly", true},
		{"ali mohammed", "Mohammed Aly", true},
		{"moh", "Mohammed Aly", true},
		{"Abd al-Rahman", "Abdulrahman Omar", true},
		{"abdulrahman", "Abd al-Rahman Omar", true},
		{"abdulr", "Abd al-Rahman Omar", true},
		{"abdel rah", "Abdulrahman Omar", true},
		{"Alsayed", "Ahmed al-Sayed", true},
		{"al-Sayed", "Ahmed Alsayed", true},
		{"oneil", "Mary O'Neil", true},
		{"neil", "Mary O'Neil", true},
		{"jafar", "Ja'far Hassan", true},
		{"Олександр", "Aleksandr Kovalenko", true},
		{"oleksandr kovalenko", "Олександр Коваленко", true},
		{"Коваленко", "Kovalenko Olena", true},
		{"ሰላም", "Salam Tesfay", true},
		{"selam tesfay", "ሰላም ተስፋይ", true},
		{"Fatemeh", "فاطمة الزهراء", true},
		{"zahra", "فاطمة الزهراء", true},
		{"мар'яна", "Mariana Bondar", true},
		{"Mariana", "Мар'яна Бондар", true},
		{"Maryana", "Мар'яна Бондар", true},
		{"Søren", "Soren Larsen", true},
		{"Soren", "Søren Larsen", true},
		{"ismail", "İsmail Aşık", true},
		// Different names stay apart.
		{"Omar", "Amir Khaled", false},
		{"Amir", "Omar Khaled", false},
		{"Mahmoud", "Mohammed Ali", false},
		{"Mohammed", "Mahmoud Ali", false},
		{"Hassan", "Hussein Ali", false},
		{"Mona", "Mina Tesfay", false},
		{"Ali", "Abd al-Rahman Omar", false},
		{"Olena", "Olha Kovalenko", false},
		{"Mohammed Omar", "Mohammed Ali", false},
		{"al", "Ahmed Hassan", false},
		{"Abdoulaye", "Abdullah Hassan", false},
		{"", "Ahmed Hassan", false},
	}
	for _, tt := range tests {
		t.Run(tt.query+"→"+tt.name, func(t *testing.T) {
			if got := matches(tt.query, tt.name); got != tt.want {
				t.Errorf("matches(%q, %q) = %v, want %v\n query keys %q\n index keys %q",
					tt.query, tt.name, got, tt.want, queryKeysOf(tt.query), IndexKeys(tt.name))
			}
		})
	}
}

// distinctNames are common names that belong to different people. Their
// full-word skeleton keys should rarely find each other.
var distinctNames = []string{
	"Mohammed", "Ahmed", "Ali", "Omar", "Amir", "Hassan", "Hussein", "Youssef",
	"Ibrahim", "Khaled", "Mahmoud", "Mustafa", "Karim", "Said", "Tariq",
	"Bilal", "Samir", "Jamal", "Ghassan", "Hamid", "Hamed", "Mehdi", "Reza",
	"Fatima", "Aisha", "Maryam", "Zainab", "Amina", "Leila", "Sara", "Nour",
	"Mona", "Mina", "Dina", "Dana", "Rami", "Rima", "Zahra", "Narges", "Parisa",
	"Olena", "Iryna", "Oksana", "Tetiana", "Natalia", "Andrii", "Serhii",
	"Dmytro", "Oleksandr", "Mykola", "Yurii", "Ivan", "Viktor", "Selam",
	"Tesfay", "Habtom", "Yonas", "Senait", "Berhane", "Tsegay", "Tsehaye",
	"Murugan", "Kumar", "Giorgi", "Nino", "Gul", "Wali",
}

// TestFalsePositiveRate measures how often the skeleton key of one name, as
// typed in full, is a prefix of a skeleton key of another. Literal keys are
// left out: they only match real prefixes, which are wanted.
func TestFalsePositiveRate(t *testing.T) {
	pairs, hits := 0, 0
	var hit []string
	for _, a := range distinctNames {
		for _, b := range distinctNames {
			if a == b {
				continue
			}
			pairs++
			if skeletonMatches(a, b) {
				hits++
				hit = append(hit, a+"→"+b)
			}
		}
	}
	rate := float64(hits) / float64(pairs)
	t.Logf("skeleton false positives: %d of %d ordered pairs (%.2f%%): %s",
		hits, pairs, 100*rate, strings.Join(hit, ", "))
	if rate > 0.01 {
		t.Errorf("false-positive rate %.2f%% above 1%%", 100*rate)
	}
}

func skeletonMatches(query, name string) bool {
	var alts []string
	for _, k := range QueryKeys(query) {
		if strings.HasPrefix(k, SkeletonPrefix) {
			alts = append(alts, k)
		}
	}
	return anyPrefix(alts, IndexKeys(name))
}

func TestIndexKeys(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"latin", "Mohammed Ali", []string{"mohammed", "~muhmd", "~mhmd", "ali", "~Ali", "~Al"}},
		{"no class", "Ahmed", []string{"ahmed", "~Ahamd", "~Ahimd", "~Ahumd", "~Ahmd"}},
		{"arabic", "محمد", []string{"محمد", "mhmd", "~mahmd", "~mihmd", "~muhmd", "~mhmd"}},
		{"cyrillic two readings", "Дмитро", []string{"дмитро", "dmytro", "~damtr", "~dimtr", "~dumtr", "~dmtr", "dmitro"}},
		{"apostrophe joined", "O'Neil", []string{"o", "~A", "neil", "~nal", "~nl", "oneil", "~Anal", "~Anl"}},
		{"ethiopic", "ሰላም", []string{"ሰላም", "selam", "~salm", "~slm"}},
		{"empty", "", nil},
		{"punctuation only", "--", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IndexKeys(tt.in); !equalStrings(got, tt.want) {
				t.Errorf("IndexKeys(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIndexKeysUniqueAndStable(t *testing.T) {
	for _, name := range []string{"Abd al-Rahman Mohammed Mohammed", "Олександр Олександр", "Ja'far O'Neil al-Sayed"} {
		t.Run(name, func(t *testing.T) {
			first := IndexKeys(name)
			seen := map[string]bool{}
			for _, k := range first {
				if seen[k] {
					t.Errorf("duplicate key %q", k)
				}
				seen[k] = true
				if strings.ContainsRune(k, ' ') {
					t.Errorf("key %q contains a space", k)
				}
			}
			for range 5 {
				if again := IndexKeys(name); !equalStrings(again, first) {
					t.Fatalf("order changed: %q then %q", first, again)
				}
			}
		})
	}
}

func TestQueryKeys(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"classed", "Mohammed", []string{"mohammed", "~muhmd"}},
		{"no class", "Ahmed", []string{"ahmed", "~Ahmd"}},
		{"two letters stay literal", "Mo", []string{"mo"}},
		{"three letters, final h dropped", "Moh", []string{"moh", "~mu"}},
		{"arabic has no class", "يوسف", []string{"يوسف", "yusf", "~jsf"}},
		{"arabic short", "عل", []string{"عل", "al"}},
		{"cyrillic", "Сергій", []string{"сергіи", "serhii", "~sarh"}},
		{"cyrillic two readings", "Николай", []string{"николаи", "nikolay", "~nikl", "nykolai"}},
		{"joined", "O'Neil", []string{"oneil", "~Anal"}},
		{"vowels only have no skeleton", "Aya", []string{"aya"}},
		{"german ch read both ways", "Chaled", []string{"chaled", "~Sald", "~hald"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QueryKeys(tt.in); !equalStrings(got, tt.want) {
				t.Errorf("QueryKeys(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func ExampleIndexKeys() {
	fmt.Println(IndexKeys("Mohammed Ali"))
	fmt.Println(QueryKeys("Muhammad"))
	// Output:
	// [mohammed ~muhmd ~mhmd ali ~Ali ~Al]
	// [muhammad ~muhmd]
}
