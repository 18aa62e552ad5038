package ui

import (
	"strings"

	"github.com/ccv/ivp/corpus"
)

// voorgangerView is a former gemeente in the area of a gemeente of 2025,
// with the period it existed and its plans.
type voorgangerView struct {
	Code       string             `json:"code"`
	Naam       string             `json:"naam"`
	Ontstaan   string             `json:"ontstaan,omitempty"` // YYYY-MM-DD, for one formed after 2011
	Opgeheven  string             `json:"opgeheven"`          // YYYY-MM-DD
	OpgegaanIn string             `json:"opgegaan_in"`
	Bestond    string             `json:"bestond"` // the period in words: "tot de herindeling van 1 januari 2019"
	Plans      []gemeentePlanView `json:"plans"`   // newest first
	URL        string             `json:"-"`
}

// voormaligPage is the page of a former gemeente: when and into what it
// went, with links to the gemeenten of today, and its plans.
type voormaligPage struct {
	Layout     layoutData         `json:"-"`
	Code       string             `json:"code"`
	Naam       string             `json:"naam"`
	Voormalig  bool               `json:"voormalig"` // always true: tells this answer from a gemeente of 2025
	Provincie  string             `json:"provincie"`
	Ontstaan   string             `json:"ontstaan,omitempty"`
	Opgeheven  string             `json:"opgeheven"`
	OpgegaanIn string             `json:"opgegaan_in"`
	Bestond    string             `json:"bestond"`
	Opvolgers  []gemeenteLink     `json:"opvolgers"` // the gemeenten of 2025 its area is in, the main successor first
	Plans      []gemeentePlanView `json:"plans"`
	Bronnen    []string           `json:"bronnen"`
}

// bestond says in words when a former gemeente existed.
func bestond(h *corpus.Herindeling) string {
	if h.Ontstaan != "" {
		return "van " + isoDatum(h.Ontstaan) + " tot de herindeling van " + isoDatum(h.Opgeheven)
	}
	return "tot de herindeling van " + isoDatum(h.Opgeheven)
}

// voorgangers lists the former gemeenten in the area of gf with their
// plans.
func (h *handler) voorgangers(b *beeld, code string) []voorgangerView {
	var out []voorgangerView
	for _, p := range h.gemeenten.Predecessors(code) {
		v := p.Voormalig
		out = append(out, voorgangerView{Code: p.Code, Naam: p.Naam, Ontstaan: v.Ontstaan, Opgeheven: v.Opgeheven,
			OpgegaanIn: v.OpgegaanIn, Bestond: bestond(v), Plans: newestFirst(b.former[p.Code]), URL: gemeenteURL(p.Code)})
	}
	return out
}

// newestFirst are the views of plans, which are sorted by year, newest
// first; never nil.
func newestFirst(plans []*planFacts) []gemeentePlanView {
	sorted := append([]*planFacts(nil), plans...)
	sortByYear(sorted)
	out := []gemeentePlanView{}
	for i := len(sorted) - 1; i >= 0; i-- {
		out = append(out, planView(sorted[i]))
	}
	return out
}

// newVoormaligPage builds the page of the former gemeente gm.
func (h *handler) newVoormaligPage(b *beeld, gm corpus.Gemeente) voormaligPage {
	v := gm.Voormalig
	p := voormaligPage{Layout: h.overviewLayout(gm.Naam + " (voormalige gemeente)"), Code: gm.Code, Naam: gm.Naam,
		Voormalig: true, Provincie: gm.Provincie, Ontstaan: v.Ontstaan, Opgeheven: v.Opgeheven, OpgegaanIn: v.OpgegaanIn,
		Bestond: bestond(v), Plans: newestFirst(b.former[gm.Code]), Bronnen: v.Bronnen}
	for _, code := range v.Opvolgers {
		if s, ok := h.gemeenten.ByCode(code); ok {
			p.Opvolgers = append(p.Opvolgers, gemeenteLink{Code: s.Code, Naam: s.Naam, URL: gemeenteURL(s.Code)})
		}
	}
	return p
}

// gemeenteLabel names a document's gemeente with its province, and a
// former one with what it is part of now: "Winsum (voormalige gemeente,
// sinds 2019 deel van Het Hogeland en Westerkwartier)".
func (h *handler) gemeenteLabel(g corpus.Gemeente) string {
	if !g.Former() {
		return g.Naam + " (" + g.Provincie + ")"
	}
	var names []string
	for _, code := range g.Voormalig.Opvolgers {
		if s, ok := h.gemeenten.ByCode(code); ok {
			names = append(names, s.Naam)
		}
	}
	return g.Naam + " (voormalige gemeente, sinds " + g.Voormalig.Opgeheven[:4] + " deel van " + enList(names) + ")"
}

// enList joins words the Dutch way: "a, b en c".
func enList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " en " + words[len(words)-1]
}
