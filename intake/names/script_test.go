package names

import "testing"

func TestScript(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"latin", "Mohammed Ali", "Latin"},
		{"latin accents", "Zoë Ñúñez", "Latin"},
		{"arabic", "محمد علي", "Arabic"},
		{"persian", "فاطمه زهرا", "Arabic"},
		{"pashto", "ښکلا ځدران", "Arabic"},
		{"cyrillic", "Олександр", "Cyrillic"},
		{"ethiopic", "ሰላም ተስፋይ", "Ethiopic"},
		{"tamil", "முருகன்", "Tamil"},
		{"georgian", "გიორგი", "Georgian"},
		{"georgian mtavruli", "ᲒᲘᲝᲠᲒᲘ", "Georgian"},
		{"armenian", "Գևորգ", "Armenian"},
		{"greek", "Νικόλαος", "Greek"},
		{"hebrew", "שלום", "Hebrew"},
		{"han", "李小龙", "Han"},
		{"devanagari", "प्रिया", "Devanagari"},
		{"majority wins", "Ali علي محمد", "Arabic"},
		{"tie goes to first", "Ali علي", "Latin"},
		{"digits and punctuation", "12-34.", ""},
		{"empty", "", ""},
		{"invalid utf-8", "\xff\xfeAli", "Latin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Script(tt.in); got != tt.want {
				t.Errorf("Script(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
