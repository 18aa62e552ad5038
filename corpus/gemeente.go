package corpus

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
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
}

// LoadGemeenten parses the embedded register of the 342 municipalities of 2025.
func LoadGemeenten() (*Gemeenten, error) {
	g := &Gemeenten{byCode: map[string]Gemeente{}}
	err := tsvRows("gemeenten.tsv", gemeentenTSV, func(f []string) error {
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
	return g, nil
}

// All returns every municipality, sorted by name.
func (g *Gemeenten) All() []Gemeente { return g.all }

// ByCode looks a municipality up by its CBS code.
func (g *Gemeenten) ByCode(code string) (Gemeente, bool) {
	gm, ok := g.byCode[strings.ToUpper(code)]
	return gm, ok
}
