package ui

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// paramRegio filters the overview pages on a veiligheidsregio (VR13).
const paramRegio = "regio"

// beeldFilter narrows the speerpunten, velden and kwaliteitstoets of the
// overview pages to gemeenten of one provincie, veiligheidsregio and
// inwonersklasse; empty fields do not filter.
type beeldFilter struct {
	Provincie string `json:"provincie,omitempty"`
	Regio     string `json:"regio,omitempty"`  // code, VR01-VR25
	Klasse    string `json:"klasse,omitempty"` // CBS class code, 1-8
}

// parseBeeldFilter reads the filter from the query; an unknown value is a
// 400 that says what is allowed.
func (h *handler) parseBeeldFilter(q url.Values) (beeldFilter, error) {
	f := beeldFilter{Provincie: strings.TrimSpace(q.Get(paramProvincie)),
		Regio: strings.ToUpper(strings.TrimSpace(q.Get(paramRegio))), Klasse: strings.TrimSpace(q.Get(paramKlasse))}
	if f.Provincie != "" {
		name, ok := h.resolvers.Provincie(f.Provincie) // any case, with or without accents
		if !ok {
			return f, badFilter(fmt.Sprintf("onbekende provincie ‘%s’: kies een provincie uit de lijst", f.Provincie))
		}
		f.Provincie = name
	}
	if _, ok := h.overview.regios.ByCode(f.Regio); f.Regio != "" && !ok {
		return f, badFilter(fmt.Sprintf("onbekende veiligheidsregio ‘%s’: gebruik een code van VR01 tot en met VR25", f.Regio))
	}
	if _, ok := corpus.KlasseByCode(f.Klasse); f.Klasse != "" && !ok {
		return f, badFilter(fmt.Sprintf("onbekende inwonersklasse ‘%s’: gebruik 1 tot en met 8", f.Klasse))
	}
	return f, nil
}

// badFilter is a 400 about a filter of an overview page.
func badFilter(msg string) *httpError {
	e := badRequest(msg)
	e.title = "Ongeldig filter"
	return e
}

// Empty says the filter lets every gemeente through.
func (f beeldFilter) Empty() bool { return f == beeldFilter{} }

// matches says the gemeente passes the filter.
func (f beeldFilter) matches(gf *gemeenteFacts) bool {
	return (f.Provincie == "" || gf.Provincie == f.Provincie) &&
		(f.Regio == "" || gf.regio.Code == f.Regio) &&
		(f.Klasse == "" || gf.klasseOK && gf.klasse.Key() == f.Klasse)
}

// values are the filter as query parameters, for links that keep it.
func (f beeldFilter) values() url.Values {
	q := url.Values{}
	for k, v := range map[string]string{paramProvincie: f.Provincie, paramRegio: f.Regio, paramKlasse: f.Klasse} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// describe says in Dutch which gemeenten the filter keeps.
func (h *handler) describeFilter(f beeldFilter) string {
	var parts []string
	if f.Provincie != "" {
		parts = append(parts, "provincie "+f.Provincie)
	}
	if r, ok := h.overview.regios.ByCode(f.Regio); ok {
		parts = append(parts, "veiligheidsregio "+r.Naam)
	}
	if k, ok := corpus.KlasseByCode(f.Klasse); ok {
		parts = append(parts, k.Label)
	}
	if len(parts) == 0 {
		return "gemeenten"
	}
	return "gemeenten in " + strings.Join(parts, ", ")
}

// filterOption is one choice of a filter's select box.
type filterOption struct {
	Value, Label string
	Selected     bool
}

// filterOptions are the choices of the three select boxes.
func (h *handler) filterOptions(f beeldFilter) (prov, regio, klasse []filterOption) {
	seen := map[string]bool{}
	for _, g := range h.gemeenten.All() {
		seen[g.Provincie] = true
	}
	for _, p := range sortedSet(seen) {
		prov = append(prov, filterOption{p, p, p == f.Provincie})
	}
	for _, r := range h.overview.regios.All() {
		regio = append(regio, filterOption{r.Code, r.Naam, r.Code == f.Regio})
	}
	for _, k := range corpus.Klassen {
		klasse = append(klasse, filterOption{k.Key(), k.Label, k.Key() == f.Klasse})
	}
	return prov, regio, klasse
}

// sortedSet returns the keys of set in order.
func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
