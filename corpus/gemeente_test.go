package corpus

import (
	"slices"
	"strings"
	"testing"
)

// TestLookup checks that every spelling the web forms (strings.ToLower)
// or ingest (strings.EqualFold, codes upper-cased) accepted still finds
// the same gemeente, and that other text finds none.
func TestLookup(t *testing.T) {
	reg, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, in, code string // code "" = not found
	}{
		{"name as listed", "Utrecht", "GM0344"},
		{"name lower case", "utrecht", "GM0344"},
		{"name upper case", "UTRECHT", "GM0344"},
		{"code", "GM0344", "GM0344"},
		{"code lower case", "gm0344", "GM0344"},
		{"name with accents", "SÚDWEST-FRYSLÂN", "GM1900"},
		{"long s folds to s (EqualFold)", "Aſſen", "GM0106"},
		{"dotted capital I lowers to i (ToLower)", "İjsselstein", "GM0353"},
		{"surrounding space is not trimmed", " Utrecht", ""},
		{"part of a name", "Utrech", ""},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, ok := reg.Lookup(c.in)
			if ok != (c.code != "") || g.Code != c.code {
				t.Errorf("Lookup(%q) = %s %v, want %q", c.in, g.Code, ok, c.code)
			}
		})
	}
	t.Run("every name and code in three cases", func(t *testing.T) {
		for _, want := range reg.All() {
			for _, s := range []string{want.Naam, want.Code, strings.ToLower(want.Naam),
				strings.ToUpper(want.Naam), strings.ToLower(want.Code)} {
				if g, ok := reg.Lookup(s); !ok || g != want {
					t.Errorf("Lookup(%q) = %v %v, want %v", s, g, ok, want)
				}
			}
		}
	})
}

// TestFormerGemeenten checks the former gemeenten of
// data/herindelingen.tsv: each has a successor of 2025 and a source,
// is found by its name and code, and is listed among the predecessors of
// each gemeente its area went into; the gemeenten of 2025 stay 342.
func TestFormerGemeenten(t *testing.T) {
	reg, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reg.All()); n != 342 {
		t.Errorf("%d gemeenten of 2025, want 342", n)
	}
	if len(reg.Former()) < 100 {
		t.Errorf("%d former gemeenten, want the 100 or more of herindelingen.tsv", len(reg.Former()))
	}
	for _, f := range reg.Former() {
		if !f.Former() || len(f.Voormalig.Opvolgers) == 0 || len(f.Voormalig.Bronnen) == 0 || f.Provincie == "" {
			t.Errorf("%s: incomplete %+v", f.Naam, f.Voormalig)
		}
		for _, s := range f.Voormalig.Opvolgers {
			if !slices.Contains(reg.Predecessors(s), f) {
				t.Errorf("%s is not among the predecessors of %s", f.Naam, s)
			}
		}
	}
	cases := []struct {
		name, in, code, successor string
	}{
		{"former with its CBS code, by name", "Winsum", "GM0053", "GM1966"},
		{"former by its CBS code", "gm0053", "GM0053", "GM1966"},
		{"former without a sourced code gets a key", "Haarlemmerliede en Spaarnwoude", "voormalig-haarlemmerliede-en-spaarnwoude", "GM0394"},
		{"former by its key", "VOORMALIG-BEDUM", "voormalig-bedum", "GM1966"},
		{"a gemeente formed after 2011 and gone again", "Molenwaard", "voormalig-molenwaard", "GM1978"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, ok := reg.Lookup(c.in)
			if !ok || g.Code != c.code || !g.Former() {
				t.Fatalf("Lookup(%q) = %+v %v, want former %s", c.in, g, ok, c.code)
			}
			if s, ok := reg.Successor(g); !ok || s.Code != c.successor {
				t.Errorf("successor of %s = %s, want %s", g.Naam, s.Code, c.successor)
			}
		})
	}
	t.Run("Winsum went into two gemeenten", func(t *testing.T) {
		w, _ := reg.ByCode("GM0053")
		if !slices.Equal(w.Voormalig.Opvolgers, []string{"GM1966", "GM1969"}) || w.Voormalig.Opgeheven != "2019-01-01" {
			t.Errorf("Winsum: %+v", w.Voormalig)
		}
	})
	t.Run("predecessors of Land van Cuijk", func(t *testing.T) {
		var names []string
		for _, p := range reg.Predecessors("GM1982") {
			names = append(names, p.Naam)
		}
		if want := []string{"Boxmeer", "Cuijk", "Grave", "Mill en Sint Hubert", "Sint Anthonis"}; !slices.Equal(names, want) {
			t.Errorf("predecessors %q, want %q", names, want)
		}
	})
}
