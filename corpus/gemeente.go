package corpus

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Gemeente is a Dutch municipality, identified by its CBS code: one of
// the 342 of 2025, or a former gemeente that a herindeling since 2012
// dissolved (Voormalig set).
type Gemeente struct {
	Code      string `json:"code"` // CBS code, e.g. GM0363; voormalig-<name> for a former gemeente whose code no source states
	Naam      string `json:"naam"`
	Provincie string `json:"provincie"` // of a former gemeente: the province its area is in now
	// Voormalig says how a former gemeente ended; nil for a gemeente of
	// 2025.
	Voormalig *Herindeling `json:"voormalig,omitempty"`
}

// Herindeling is how a former gemeente ended: the day of the herindeling
// and the gemeenten of 2025 its area went into (data/herindelingen.tsv).
type Herindeling struct {
	Ontstaan   string   `json:"ontstaan,omitempty"` // YYYY-MM-DD, for a gemeente itself formed after 2011
	Opgeheven  string   `json:"opgeheven"`          // YYYY-MM-DD, the first day it no longer existed
	OpgegaanIn string   `json:"opgegaan_in"`        // what it went into that day, in words
	Opvolgers  []string `json:"opvolgers"`          // CBS codes of the 2025 gemeenten, the main successor first
	Bronnen    []string `json:"bronnen"`            // public pages that state the herindeling
}

// Former says g is a former gemeente, not one of 2025.
func (g Gemeente) Former() bool { return g.Voormalig != nil }

//go:embed data/gemeenten.tsv
var gemeentenTSV []byte

// Gemeenten is the register of municipalities, read from the embedded data
// files: the 342 of 2025 and the former gemeenten that went into them. It
// is immutable after LoadGemeenten.
type Gemeenten struct {
	all    []Gemeente // of 2025
	former []Gemeente
	preds  map[string][]Gemeente // code of 2025 → the former gemeenten in its area
	byCode map[string]Gemeente   // upper-cased code of every gemeente, former ones too
	byKey  map[string]Gemeente   // lookupKey of every name and code
}

// LoadGemeenten parses the embedded register of the 342 municipalities of
// 2025 and of the former gemeenten in their areas.
func LoadGemeenten() (*Gemeenten, error) {
	g := &Gemeenten{byCode: map[string]Gemeente{}, byKey: map[string]Gemeente{}, preds: map[string][]Gemeente{}}
	err := TSVRows("gemeenten.tsv", gemeentenTSV, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want code, naam, provincie; got %q", f)
		}
		gm := Gemeente{Code: f[0], Naam: f[1], Provincie: f[2]}
		g.all = append(g.all, gm)
		g.byCode[gm.Code] = gm
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := g.loadFormer(); err != nil {
		return nil, err
	}
	sort.Slice(g.all, func(i, j int) bool { return g.all[i].Naam < g.all[j].Naam })
	sort.Slice(g.former, func(i, j int) bool { return g.former[i].Naam < g.former[j].Naam })
	for _, gm := range g.Every() {
		for _, k := range []string{lookupKey(gm.Naam), lookupKey(gm.Code)} {
			if other, dup := g.byKey[k]; dup {
				return nil, fmt.Errorf("gemeenten: %s and %s have the same name or code", other.Code, gm.Code)
			}
			g.byKey[k] = gm
		}
	}
	return g, nil
}

// All returns every municipality of 2025, sorted by name.
func (g *Gemeenten) All() []Gemeente { return g.all }

// Former returns every former gemeente, sorted by name.
func (g *Gemeenten) Former() []Gemeente { return g.former }

// Every returns the municipalities of 2025 and then the former ones.
func (g *Gemeenten) Every() []Gemeente {
	return append(append(make([]Gemeente, 0, len(g.all)+len(g.former)), g.all...), g.former...)
}

// Predecessors returns the former gemeenten whose area is now (in part)
// in the gemeente of 2025 with code, by the day they ended and then by
// name.
func (g *Gemeenten) Predecessors(code string) []Gemeente {
	return g.preds[strings.ToUpper(code)]
}

// ByCode looks a municipality up by its code: a CBS code of 2025 or of a
// former gemeente, or the voormalig-<name> key of a former gemeente
// without one.
func (g *Gemeenten) ByCode(code string) (Gemeente, bool) {
	gm, ok := g.byCode[strings.ToUpper(code)]
	return gm, ok
}

// Lookup finds a municipality, of 2025 or former, by its name or code,
// ignoring case:
// "Utrecht", "UTRECHT", "gm0344" and "GM0344" all find Utrecht. The input
// is not trimmed. It matches whatever equals a name or code after
// strings.ToLower (how the web forms matched) or under strings.EqualFold
// (how ingest matched); the two differ only for a few letters outside the
// Dutch alphabet such as ſ and İ, and Lookup accepts both.
func (g *Gemeenten) Lookup(nameOrCode string) (Gemeente, bool) {
	gm, ok := g.byKey[lookupKey(nameOrCode)]
	return gm, ok
}

// lookupKey maps s to one key for all its spellings that Lookup treats as
// equal: each rune is lower-cased and then replaced by the smallest rune of
// its case-folding orbit (unicode.SimpleFold). strings.ToLower keeps every
// rune that has other cases within its orbit, so strings equal under
// strings.ToLower or strings.EqualFold get the same key.
func lookupKey(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}
