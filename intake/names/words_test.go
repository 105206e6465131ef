package names

import "testing"

func TestWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain", "Ali Hassan", []string{"ali", "hassan"}},
		{"folds first", "  JOSÉ-Maria ", []string{"jose", "maria"}},
		{"empty", "", []string{}},
		{"abd al-", "Abd al-Rahman", []string{"abd", "rahman"}},
		{"abdel separate", "Abdel Rahman", []string{"abd", "rahman"}},
		{"abdul joined", "Abdulrahman", []string{"abd", "rahman"}},
		{"abdel joined", "Abdelrahman", []string{"abd", "rahman"}},
		{"assimilated", "Abdurrahman", []string{"abd", "rahman"}},
		{"assimilated separate", "Abd ar-Rahman", []string{"abd", "rahman"}},
		{"abdur separate", "Abdur Rahman", []string{"abd", "rahman"}},
		{"somali", "Abdirahman", []string{"abd", "rahman"}},
		{"maghrebi", "Abdelkader Benali", []string{"abd", "kader", "benali"}},
		{"abdullah", "Abdullah", []string{"abd", "allah"}},
		{"abdallah", "Abdallah", []string{"abd", "allah"}},
		{"abd allah", "Abd Allah", []string{"abd", "allah"}},
		{"abdullahi", "Abdullahi Yusuf", []string{"abd", "allah", "yusuf"}},
		{"abdi stays", "Abdi Ali", []string{"abdi", "ali"}},
		{"abdo stays", "Abdo", []string{"abdo"}},
		{"abdel alone stays", "Abdel", []string{"abdel"}},
		{"al article", "Ahmed al-Sayed", []string{"ahmed", "sayed"}},
		{"el article", "Mona El Masri", []string{"mona", "masri"}},
		{"ad-din", "Salah ad-Din", []string{"salah", "din"}},
		{"ud-din", "Nasir ud-Din", []string{"nasir", "din"}},
		{"final al kept", "Ali Al", []string{"ali", "al"}},
		{"attached article kept", "Alsayed", []string{"alsayed"}},
		{"alina kept", "Alina", []string{"alina"}},
		{"arabic abd", "عبد الرحمن", []string{"عبد", "رحمن"}},
		{"arabic abd joined", "عبدالرحمن", []string{"عبد", "رحمن"}},
		{"arabic abdullah", "عبدالله", []string{"عبد", "الله"}},
		{"arabic article", "أحمد السيد", []string{"احمد", "سيد"}},
		{"arabic allah alone", "الله", []string{"الله"}},
		{"arabic short word kept", "الي", []string{"الي"}},
		{"cyrillic", "Олена Коваленко", []string{"олена", "коваленко"}},
		{"ethiopic", "ሰላም ተስፋይ", []string{"ሰላም", "ተስፋይ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.in)
			if !equalStrings(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
