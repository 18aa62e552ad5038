package nl

import (
	"slices"
	"testing"
)

// TestIndexTerms is what the stemmed index holds for a word: its stem and
// the stems of its compound parts.
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
		{"fietsendiefstal", []string{"fietsendiefstal", "fiet", "diefstal"}},  // linking -en-
		{"rampenbestrijding", []string{"rampenbestrijd", "ramp", "bestrijd"}}, // linking -en-
		{"kindermishandeling", []string{"kindermishandel", "kind", "mishandel"}},
		{"verkeersveiligheid", []string{"verkeersveil", "verker", "veilig"}}, // the head stemmed as a word of its own
		{"flitspeiling", []string{"flitspeil", "flit", "peiling"}},           // peiling, as "peiling" is indexed
		{"parkeeroverlast", []string{"parkeeroverlast", "parker", "overlast"}},
		{"aanwijzingsbesluit", []string{"aanwijzingsbesluit", "aanwijz", "besluit"}},
		{"gevangenisstraf", []string{"gevangenisstraf", "gevangenis", "straf"}}, // no -s- after an s
		{"doelstelling", []string{"doelstel", "doel", "stelling"}},              // not doel-s-telling
		{"bestuurslid", []string{"bestuurslid", "bestur", "lid"}},               // a short head after -s-
		{"groepsbehandeling", []string{"groepsbehandel", "groep", "behandel"}},
		{"politiemeldkamer", []string{"politiemeldkamer", "politie", "meldkamer", "meld", "kamer"}},
		{"zelfredzaamheid", []string{"zelfredzam", "redzam"}},                // zelf is a stop word
		{"damoclesbeleid", []string{"damoclesbeleid", "damocles", "beleid"}}, // unknown modifier, domain head
		{"verkeerssmileys", []string{"verkeerssmiley", "verker", "smiley"}},  // domain modifier, unknown head
		{"woninginbraakpreventie", []string{"woninginbraakpreventie", "woning", "inbrak", "preventie"}},
		{"Camera's", []string{"camera"}},
		{"camera’s", []string{"camera"}},
		{"BOA's", []string{"boa"}},
		{"geïntegreerde", []string{"geintegreerd"}},
		{"één", nil}, // folded to the stop word "een"
		{"de", nil},
		{"wethouder", []string{"wethouder"}},      // no "wet": parts have 4+ letters
		{"voorraad", []string{"voorrad"}},         // voor- is a prefix, not a modifier
		{"daarnaast", []string{"daarnaast"}},      // nor daar-
		{"waterschappen", []string{"waterschap"}}, // -schap is a suffix
		{"belangrijk", []string{"belangrijk"}},    // -rijk ends no compound
		{"minister", []string{"minister"}},        // nor -ster
		{"combinatie", []string{"combinatie"}},    // combi and natie are rarer parts than combinatie
		{"transport", []string{"transport"}},
		{"geregeld", []string{"geregeld"}},
		{"brandweer", []string{"brandwer"}},    // a domain part is a unit
		{"coffeeshop", []string{"coffeeshop"}}, // and so is a word that is one
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
			if len(tt.want) > 0 && !slices.Equal(Parts(w.Form), tt.want[1:]) {
				t.Errorf("Parts(%q) = %q, want %q", w.Form, Parts(w.Form), tt.want[1:])
			}
		})
	}
}

func TestDomainParts(t *testing.T) {
	words, err := parseDomainParts(compoundPartsTxt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"inbraak", "overlast", "woning", "jeugd", "ondermijning", "criminaliteit", "geweld", "camera", "toezicht"} {
		if !slices.Contains(words, w) || dict().keys[w].flags&fromDomain == 0 {
			t.Errorf("%q is missing from compound_parts.txt", w)
		}
	}
	for _, bad := range []string{"wet\n", "Woning\n", "geïntegreerd\n", "twee woorden\n"} {
		if _, err := parseDomainParts([]byte(bad)); err == nil {
			t.Errorf("parseDomainParts(%q) accepted a bad line", bad)
		}
	}
}

// TestCompoundsFind checks the matcher the tagger uses: a known word as
// the head of a compound, else as a modifier, among the parts the index
// splits it into.
func TestCompoundsFind(t *testing.T) {
	c := NewCompounds()
	ids := map[string]int32{}
	for _, w := range []string{"inbraak", "overlast", "ondermijning", "handel", "raad", "drugs", "veiligheid", "woning", "preventie", "beeld"} {
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
		{"ondermijningsbeeld", "beeld", AsHead},
		{"ondermijningsaanpak", "ondermijning", AsModifier},
		{"drugsbeleid", "drugs", AsModifier},
		{"woninginbraakpreventie", "preventie", AsHead},
		{"raadsvoorstel", "raad", AsModifier},
		{"voorraad", "", NoPart},          // voor- is a prefix
		{"groepsbehandeling", "", NoPart}, // be-handel is no handel
		{"inbraak", "", NoPart},           // the word itself is no compound
		{"mensenhandelaar", "", NoPart},   // a handelaar is no handel
		{"woningcorporatie", "woning", AsModifier},
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

// TestFindAgreesWithParts checks that the tagger and the index agree: for
// every word of the gold set, what a Compounds of the domain parts finds
// is a part of the word's split that Parts indexes, and a head only if it
// ends the word.
func TestFindAgreesWithParts(t *testing.T) {
	c := NewCompounds()
	words, err := parseDomainParts(compoundPartsTxt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		c.Add(w)
	}
	found := 0
	for _, g := range readGold(t) {
		w := Analyze(g.word)
		id, pos := c.Find(w.Stem)
		if pos == NoPart {
			continue
		}
		found++
		if !findAgrees(c, w, id, pos) {
			t.Errorf("%s: Find gives part %d (%v), which is no part of %q", g.word, id, pos, w.Terms[1:])
		}
	}
	if found < 50 {
		t.Errorf("Find found a domain part in %d gold words, want 50 or more", found)
	}
}

// findAgrees reports whether part id at pos is a node of w's split whose
// stem Parts gives.
func findAgrees(c *Compounds, w *Word, id int32, pos Position) bool {
	for _, nd := range splitOf(w.Stem) {
		k, ok := c.keys[w.Stem[nd.start:nd.end]]
		head := int(nd.end) == len(w.Stem)
		if ok && k == id && head == (pos == AsHead) && slices.Contains(w.Terms[1:], Stem(partWord(w.Form, w.Stem, nd))) {
			return true
		}
	}
	return false
}

// BenchmarkSplit measures the splitter on words it has not seen (the memo
// is not asked).
func BenchmarkSplit(b *testing.B) {
	var stems []string
	for _, w := range []string{"woninginbraakpreventie", "veiligheidsbeleidsplan", "jeugdreclasseringsmaatregel", "samenwerkingsafspraken", "gemeenschappelijke", "overeenstemming", "burgemeester", "cameratoezichtruimte"} {
		stems = append(stems, Stem(w))
	}
	dict()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range stems {
			split(s)
		}
	}
}
