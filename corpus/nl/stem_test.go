package nl

import (
	"testing"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"woninginbraken", "woninginbrak"},
		{"veiligheid", "veilig"},
		{"integrale", "integral"},
		{"taak", "tak"},
		{"de", "de"},
		{"2023", "2023"},
		{"3,5", "3,5"},
		{"24uurs", "24ur"},          // numbers with letters are stemmed like words
		{"diefstallen", "diefstal"}, // Snowball leaves diefstall: undoubled
		{"diefstal", "diefstal"},
		{"plannen", "plan"},
		{"vergunningen", "vergun"},
		{"vergunning", "vergun"},
		{"grill", "grill"}, // no suffix removed: the double consonant is the word's own
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStemShortcutIsSnowball checks the documented rule: the words Stem
// returns unchanged without asking Snowball are words Snowball leaves
// unchanged.
func TestStemShortcutIsSnowball(t *testing.T) {
	letters := "abcdefghijklmnopqrstuvwxyzè"
	var words []string
	for _, a := range letters {
		for _, b := range letters {
			words = append(words, string(a), string(a)+string(b))
			for _, c := range "aeiouyjsnt" {
				words = append(words, string(a)+string(b)+string(c))
			}
		}
	}
	words = append(words, "0", "12", "2023", "1.000", "3,5", "112", "1_000")
	for _, w := range words {
		env := snowballstem.NewEnv(w)
		dutch.Stem(env)
		if got := env.Current(); got != w && (len(w) <= 3 || !hasLetter(w)) {
			t.Errorf("Snowball stems %q to %q, but Stem keeps it", w, got)
		}
	}
}

func TestIsStop(t *testing.T) {
	for w, want := range map[string]bool{"de": true, "het": true, "een": true, "niet": true, "veiligheid": false, "één": false} {
		if got := IsStop(w); got != want {
			t.Errorf("IsStop(%q) = %v, want %v", w, got, want)
		}
	}
	if len(stopWords) < 100 {
		t.Errorf("%d stop words, want the whole Snowball list", len(stopWords))
	}
}
