package corpus

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Gemeente is a Dutch municipality, identified by its CBS code.
type Gemeente struct {
	Code      string `json:"code"` // CBS code, e.g. GM0363
	Naam      string `json:"naam"`
	Provincie string `json:"provincie"`
}

//go:embed data/gemeenten.tsv
var gemeentenTSV []byte

// Gemeenten is the register of municipalities, read from the embedded data
// file. It is immutable after LoadGemeenten.
type Gemeenten struct {
	all    []Gemeente
	byCode map[string]Gemeente
	byKey  map[string]Gemeente // lookupKey of every name and code
}

// LoadGemeenten parses the embedded register of the 342 municipalities of 2025.
func LoadGemeenten() (*Gemeenten, error) {
	g := &Gemeenten{byCode: map[string]Gemeente{}, byKey: map[string]Gemeente{}}
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
	sort.Slice(g.all, func(i, j int) bool { return g.all[i].Naam < g.all[j].Naam })
	for _, gm := range g.all {
		for _, k := range []string{lookupKey(gm.Naam), lookupKey(gm.Code)} {
			if other, dup := g.byKey[k]; dup {
				return nil, fmt.Errorf("gemeenten.tsv: %s and %s have the same name or code", other.Code, gm.Code)
			}
			g.byKey[k] = gm
		}
	}
	return g, nil
}

// All returns every municipality, sorted by name.
func (g *Gemeenten) All() []Gemeente { return g.all }

// ByCode looks a municipality up by its CBS code.
func (g *Gemeenten) ByCode(code string) (Gemeente, bool) {
	gm, ok := g.byCode[strings.ToUpper(code)]
	return gm, ok
}

// Lookup finds a municipality by its name or CBS code, ignoring case:
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
