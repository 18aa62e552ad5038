package nl

import (
	"slices"
	"testing"
)

// TestIndexTerms is what the stemmed index holds for a word: its stem and
// its dictionary parts.
func TestIndexTerms(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"woninginbraak", []string{"woninginbrak", "woning", "inbrak"}},
		{"woninginbraken", []string{"woninginbrak", "woning", "inbrak"}},
		{"inbraakpreventie", []string{"inbraakpreventie", "inbrak", "preventie"}},
		{"jeugdoverlast", []string{"jeugdoverlast", "jeugd", "overlast"}},
		{"drugsoverlast", []string{"drugsoverlast", "drug", "overlast"}},
		{"drugshandel", []string{"drugshandel", "drug", "handel"}},
		{"fietsendiefstal", []string{"fietsendiefstal", "fiet", "diefstal"}},  // linking -en-
		{"rampenbestrijding", []string{"rampenbestrijd", "ramp", "bestrijd"}}, // linking -en-
		{"verkeersveiligheid", []string{"verkeersveil", "verker", "veilig"}},  // linking -s-, head stemmed further
		{"parkeeroverlast", []string{"parkeeroverlast", "overlast"}},          // unknown modifier
		{"ondermijningsbeeld", []string{"ondermijningsbeeld", "ondermijn"}},   // unknown head
		{"woninginbraakpreventie", []string{"woninginbraakpreventie", "woning", "inbrak", "preventie"}},
		{"Camera's", []string{"camera"}},
		{"camera’s", []string{"camera"}},
		{"BOA's", []string{"boa"}},
		{"auto's", []string{"auto"}},
		{"geïntegreerde", []string{"geintegreerd"}},
		{"één", nil}, // folded to the stop word "een"
		{"de", nil},
		{"wethouder", []string{"wethouder"}},              // no "wet": parts have 4+ letters
		{"raadsvoorstel", []string{"raadsvoorstel"}},      // "raad" is too short to be a modifier before an unknown head
		{"voorraad", []string{"voorrad"}},                 // voor- is a prefix, not a modifier
		{"groepsbehandeling", []string{"groepsbehandel"}}, // be-handel is no handel
		{"gebruikersinterface", []string{"gebruikersinterfac"}},
		{"autoriteit", []string{"autoriteit"}},
		{"brandweer", []string{"brandwer"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IndexTerms(tt.word); !slices.Equal(got, tt.want) {
				t.Errorf("IndexTerms(%q) = %q, want %q", tt.word, got, tt.want)
			}
			w := Analyze(tt.word)
			if !slices.Equal(w.Terms, tt.want) || w.Stop != (tt.want == nil) {
				t.Errorf("Analyze(%q) = %+v", tt.word, w)
			}
			if len(tt.want) > 0 && !slices.Equal(Parts(w.Stem), tt.want[1:]) {
				t.Errorf("Parts(%q) = %q, want %q", w.Stem, Parts(w.Stem), tt.want[1:])
			}
		})
	}
}

func TestCompoundDictionary(t *testing.T) {
	c, err := parseCompounds(compoundPartsTxt)
	if err != nil {
		t.Fatal(err)
	}
	for k := range c.keys {
		if len(k) < minPart {
			t.Errorf("key %q is shorter than %d letters", k, minPart)
		}
	}
	for _, w := range []string{"inbraak", "overlast", "woning", "jeugd", "ondermijning", "criminaliteit", "geweld", "camera", "toezicht"} {
		if _, ok := c.keys[w]; !ok {
			t.Errorf("%q is missing from compound_parts.txt", w)
		}
	}
	for _, bad := range []string{"wet\n", "Woning\n", "geïntegreerd\n", "twee woorden\n"} {
		if _, err := parseCompounds([]byte(bad)); err == nil {
			t.Errorf("parseCompounds(%q) accepted a bad line", bad)
		}
	}
}

// TestCompoundsFind checks the matcher the tagger uses: a known word as the
// head of a compound, else as its modifier, under the splitter's rules.
func TestCompoundsFind(t *testing.T) {
	c := NewCompounds()
	ids := map[string]int32{}
	for _, w := range []string{"inbraak", "overlast", "ondermijning", "handel", "raad", "drugs", "veiligheid"} {
		ids[w] = c.Add(w)
	}
	if c.Add("Woning") >= 0 || c.Add("wet") >= 0 {
		t.Error("Add accepted a word that is not 4-16 letters a-z")
	}
	tests := []struct {
		word, part string
		pos        Position
	}{
		{"woninginbraken", "inbraak", AsHead},
		{"jeugdoverlast", "overlast", AsHead},
		{"verkeersveiligheid", "veiligheid", AsHead}, // the stem in head position
		{"ondermijningsbeeld", "ondermijning", AsModifier},
		{"drugsbeleid", "", NoPart},       // "drugs" is too short to be a modifier before an unknown head
		{"voorraad", "", NoPart},          // voor- is a prefix
		{"groepsbehandeling", "", NoPart}, // be-handel
		{"inbraak", "", NoPart},           // the word itself is no compound
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			id, pos := c.Find(Analyze(tt.word).Stem)
			if pos != tt.pos || tt.part != "" && id != ids[tt.part] {
				t.Errorf("Find = %d %v, want %d (%s) %v", id, pos, ids[tt.part], tt.part, tt.pos)
			}
		})
	}
}
