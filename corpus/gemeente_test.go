package corpus

import (
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
