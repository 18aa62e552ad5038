package gen

import (
	"bufio"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/go-pdf/fpdf"
)

// testComposer returns a composer for a joint plan, so that every slot has
// a value.
func testComposer(seed uint64) *composer {
	spec := &planSpec{
		index: 1, typ: corpus.TypeIVP, start: 2023, end: 2026, ivpStart: 2023, ivpEnd: 2026,
		vastgesteld: time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC),
		gemeenten: []corpus.Gemeente{
			{Code: "GM0796", Naam: "'s-Hertogenbosch", Provincie: "Noord-Brabant"},
			{Code: "GM1900", Naam: "Súdwest-Fryslân", Provincie: "Friesland"},
		},
	}
	c := newComposer(rand.New(rand.NewPCG(seed, 1)), spec)
	c.prio = "ondermijnende criminaliteit en zorg en veiligheid"
	return c
}

// allTemplates lists every template with the bank it is expanded with.
func allTemplates() map[string]*bank {
	out := map[string]*bank{}
	generic := &bank{subject: "ondermijning", measure: "woninginbraken"}
	for _, set := range [][]string{doelTemplates, evalTemplates, analyseTemplates} {
		for _, tpl := range set {
			out[tpl] = generic
		}
	}
	for i := range allBanks {
		b := &allBanks[i]
		for _, tpl := range append(append(append([]string(nil), b.text...), b.actions...), b.labels...) {
			out[tpl] = b
		}
	}
	for _, hs := range headings {
		for _, h := range hs {
			out[h] = nil
		}
	}
	for _, tpl := range append(append([]string(nil), taglines...), leesSlot...) {
		out[tpl] = nil
	}
	return out
}

// TestTemplatesExpand expands every template under many seeds, with both
// apostrophe styles, and checks the result is clean cp1252 text.
func TestTemplatesExpand(t *testing.T) {
	tr := fpdf.New("P", "mm", "A4", "").UnicodeTranslatorFromDescriptor("")
	for tpl, b := range allTemplates() {
		for seed := range uint64(12) {
			c := testComposer(seed)
			c.typo = seed%2 == 0
			s := c.expand(tpl, b)
			if strings.ContainsAny(s, "[]{}|") || strings.Contains(s, "  ") || s != strings.TrimSpace(s) {
				t.Fatalf("template %q expands to %q", tpl, s)
			}
			if bad := notCP1252(tr, s); bad != "" {
				t.Fatalf("template %q: %q has no cp1252 code", tpl, bad)
			}
		}
	}
}

// notCP1252 returns the first rune of s that fpdf cannot encode.
func notCP1252(tr func(string) string, s string) string {
	for _, r := range s {
		if r >= 0x80 && tr(string(r)) == "." {
			return string(r)
		}
	}
	return ""
}

func TestBanks(t *testing.T) {
	ids := map[string]bool{}
	for _, b := range allBanks {
		t.Run(b.id, func(t *testing.T) {
			if ids[b.id] {
				t.Fatalf("duplicate bank id")
			}
			ids[b.id] = true
			if len(b.themes) == 0 || b.subject == "" {
				t.Errorf("bank lacks themes or subject")
			}
			if (b.kind == kindTheme) != (len(b.labels) > 0) {
				t.Errorf("theme banks, and only they, need heading labels")
			}
			if b.prio > 0 && len(b.actions) < 3 {
				t.Errorf("a priority needs at least 3 actions, has %d", len(b.actions))
			}
			if n := len(strings.Join(b.text, " ")); n < 1000 {
				t.Errorf("only %d characters of text: too little for varied paragraphs", n)
			}
		})
	}
}

// TestThemeIDsInTaxonomy checks the banks against the shared taxonomy.
func TestThemeIDsInTaxonomy(t *testing.T) {
	f, err := os.Open("../../../shared/domain/taxonomy_terms.tsv")
	if err != nil {
		t.Skipf("shared taxonomy not available: %v", err)
	}
	defer f.Close()
	known := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Split(sc.Text(), "\t"); len(fields) == 3 {
			known[fields[0]] = fields[1]
		}
	}
	for _, b := range allBanks {
		for _, th := range b.themes {
			if _, ok := known[th]; !ok {
				t.Errorf("bank %s: theme %q is not in the taxonomy", b.id, th)
			}
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Súdwest-Fryslân ivp 2023-2026", "sudwest-fryslan-ivp-2023-2026"},
		{"'s-Hertogenbosch evaluatie 2019-2022", "s-hertogenbosch-evaluatie-2019-2022"},
		{"Bergen (NH.) uitvoeringsplan 2024", "bergen-nh-uitvoeringsplan-2024"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slugify(tt.in); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
