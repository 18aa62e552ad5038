package nl

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, fold, unaccent string }{
		{"Geïntegreerde", "geintegreerde", "Geintegreerde"},
		{"FINANCIËN", "financien", "FINANCIEN"},
		{"ĲSSELSTEIN", "ijsselstein", "IJSSELSTEIN"},
		{"ﬁetsendiefstal", "fietsendiefstal", "fietsendiefstal"},
		{"Súdwest-Fryslân", "sudwest-fryslan", "Sudwest-Fryslan"},
		{"e\u0301e\u0301n", "een", "een"},
		{"İstanbul", "istanbul", "Istanbul"},
		{"ΟΔΟΣ", "οδος", "ΟΔΟΣ"},
		{"plain ascii", "plain ascii", "plain ascii"},
		{"Té\xffé", "te\uFFFDe", "Te\xffe"}, // bytes.ToLower makes a bad byte U+FFFD
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.fold {
				t.Errorf("Fold = %q, want %q", got, tt.fold)
			}
			if got := string(FoldBytes([]byte(tt.in))); got != tt.fold {
				t.Errorf("FoldBytes = %q, want %q", got, tt.fold)
			}
			if got := Unaccent(tt.in); got != tt.unaccent {
				t.Errorf("Unaccent = %q, want %q", got, tt.unaccent)
			}
		})
	}
}

func TestFormOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Camera's", "camera"},
		{"camera’s", "camera"},
		{"BOA'S", "boa"},
		{"auto‘s", "auto"},
		{"zo'n", "zon"},
		{"d'r", "dr"},
		{"Geïntegreerde", "geintegreerde"},
		{"één", "een"},
	}
	for _, tt := range tests {
		if got := formOf(tt.in); got != tt.want {
			t.Errorf("formOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(StripApostrophes([]byte(tt.in))); tt.in == "zo'n" && got != "zon" {
			t.Errorf("StripApostrophes(%q) = %q", tt.in, got)
		}
	}
}
