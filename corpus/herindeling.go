package corpus

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus/nl"
)

//go:embed data/herindelingen.tsv
var herindelingenTSV []byte

// FormerPrefix starts the code of a former gemeente whose CBS code no
// source states: "voormalig-haarlemmerliede-en-spaarnwoude".
const FormerPrefix = "voormalig-"

// cbsCode is the form of a CBS gemeente code.
var cbsCode = regexp.MustCompile(`^GM\d{4}$`)

// loadFormer reads data/herindelingen.tsv into g, after the gemeenten of
// 2025: every successor must be one of them.
func (g *Gemeenten) loadFormer() error {
	err := TSVRows("herindelingen.tsv", herindelingenTSV, func(f []string) error {
		gm, err := g.formerOf(f)
		if err != nil {
			return err
		}
		if _, dup := g.byCode[strings.ToUpper(gm.Code)]; dup {
			return fmt.Errorf("%s: code %s twice", gm.Naam, gm.Code)
		}
		g.former = append(g.former, gm)
		g.byCode[strings.ToUpper(gm.Code)] = gm
		for _, s := range gm.Voormalig.Opvolgers {
			g.preds[s] = append(g.preds[s], gm)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, ps := range g.preds {
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i].Voormalig.Opgeheven, ps[j].Voormalig.Opgeheven
			return a < b || a == b && ps[i].Naam < ps[j].Naam
		})
	}
	return nil
}

// formerOf parses one row: naam, code, ontstaan, opgeheven, opgegaan_in,
// gemeenten_2025, bronnen.
func (g *Gemeenten) formerOf(f []string) (Gemeente, error) {
	if len(f) != 7 {
		return Gemeente{}, fmt.Errorf("want naam, code, ontstaan, opgeheven, opgegaan_in, gemeenten_2025, bronnen; got %q", f)
	}
	h := &Herindeling{Ontstaan: f[2], Opgeheven: f[3], OpgegaanIn: f[4], Opvolgers: strings.Split(f[5], ","), Bronnen: strings.Fields(f[6])}
	gm := Gemeente{Code: f[1], Naam: f[0], Voormalig: h}
	if gm.Code == "" {
		gm.Code = FormerPrefix + slug(gm.Naam)
	} else if !cbsCode.MatchString(gm.Code) {
		return gm, fmt.Errorf("%s: code %q is no CBS code", gm.Naam, gm.Code)
	}
	if !isDate(h.Opgeheven) || h.Ontstaan != "" && !isDate(h.Ontstaan) {
		return gm, fmt.Errorf("%s: dates %q and %q: want YYYY-MM-DD", gm.Naam, h.Ontstaan, h.Opgeheven)
	}
	for i, code := range h.Opvolgers {
		s, ok := g.byCode[code]
		if !ok || s.Former() {
			return gm, fmt.Errorf("%s: successor %q is no gemeente of 2025", gm.Naam, code)
		}
		if i == 0 {
			gm.Provincie = s.Provincie
		}
	}
	if len(h.Bronnen) == 0 || slices.ContainsFunc(h.Bronnen, func(u string) bool { return !strings.HasPrefix(u, "http") }) {
		return gm, fmt.Errorf("%s: want one or more source URLs, got %q", gm.Naam, f[6])
	}
	return gm, nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// slug is s in lower case without diacritics, words joined by hyphens:
// "Súdwest-Fryslân" is "sudwest-fryslan".
func slug(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(nl.Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// Successor returns the main gemeente of 2025 that a former gemeente went
// into; false for a gemeente of 2025.
func (g *Gemeenten) Successor(gm Gemeente) (Gemeente, bool) {
	if !gm.Former() {
		return Gemeente{}, false
	}
	return g.ByCode(gm.Voormalig.Opvolgers[0])
}
