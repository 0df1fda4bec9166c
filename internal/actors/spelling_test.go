package actors

import "testing"

func TestMisspelt(t *testing.T) {
	kb := loadKB(t)
	tests := []struct {
		word string
		want string // country code; "" for no match
	}{
		{"Ethopia", "ETH"},      // a letter dropped
		{"Philipines", "PHL"},   // a letter dropped
		{"Quatar", "QAT"},       // a letter added
		{"Ukriane", "UKR"},      // two letters swapped
		{"Quatar's", "QAT"},     // possessive
		{"Ethiopia", ""},        // the right spelling is no misspelling
		{"Iraqi", ""},           // a demonym
		{"Olivia", ""},          // the first letter never changes (Bolivia)
		{"Romani", ""},          // nor the last (Romania)
		{"Chiles", ""},          // nor is one added at the end (Chile)
		{"ETHOPIA", ""},         // capitals: an acronym or a headline
		{"ethopia", ""},         // not capitalised
		{"Irak", ""},            // too short to tell
		{"Ethopia Ethopia", ""}, // one word only
		{"", ""},
	}
	for _, tc := range tests {
		m, ok := kb.Misspelt(tc.word)
		got := ""
		if ok {
			got = m.Code
		}
		if got != tc.want {
			t.Errorf("Misspelt(%q) = %q, want %q", tc.word, got, tc.want)
		}
		if ok && m.Kind != KindCountry {
			t.Errorf("Misspelt(%q) kind = %q, want country", tc.word, m.Kind)
		}
	}
}

func FuzzMisspelt(f *testing.F) {
	kb := loadKB(f)
	for _, s := range []string{"Ethopia", "Quatar", "Ukriane", "", "\xff", "Ab", "Éthopia"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		m, ok := kb.Misspelt(word)
		if ok && (m.Kind != KindCountry || !validCode(m.Code)) {
			t.Errorf("Misspelt(%q) = %+v", word, m)
		}
		if !ok && m != (Match{}) {
			t.Errorf("Misspelt(%q) = %+v with ok false", word, m)
		}
	})
}
