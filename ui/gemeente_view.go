package ui

import (
	"context"
)

// gemeentePage is one gemeente: its plans over time, its priorities next
// to those of comparable gemeenten and its kwaliteitstoets.
type gemeentePage struct {
	Layout     layoutData
	Year       int
	Code       string
	Naam       string
	Provincie  string
	Regio      string
	RegioCode  string
	Inwoners   string // "12.345", "" when unknown
	Klasse     string
	Status     string
	StatusText string
	Plans      []gemeentePlanView
	Timeline   *timelineView
	Compare    comparison
	Peers      []gemeenteLink
	Prios      []prioRow
	Toets      *checklistView
	ToetsPlan  *gemeentePlanView
	Indienen   bool
	// Voorgangers are the former gemeenten in its area, with their plans.
	Voorgangers []voorgangerView
}

// gemeentePlanView is one plan in the gemeente's history, with its place
// in the life cycle.
type gemeentePlanView struct {
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Type    string `json:"type"`
	Label   string `json:"type_label"`
	Periode string `json:"periode"`
	InForce bool   `json:"in_force"`
	URL     string `json:"-"`
	// Links: the IVP it follows up, the IVP it evaluates, and for an IVP
	// its predecessor and successor.
	Follows   *planRef   `json:"follows,omitempty"`
	Evaluates *planRef   `json:"evaluates,omitempty"`
	Previous  *planRef   `json:"previous,omitempty"`
	Next      *planRef   `json:"next,omitempty"`
	FollowUps []*planRef `json:"follow_ups,omitempty"`
}

// planRef names and links another plan.
type planRef struct {
	ID      int64  `json:"id"`
	Type    string `json:"type"`
	Periode string `json:"periode"`
	URL     string `json:"-"`
}

func refOf(p *planFacts) *planRef {
	if p == nil {
		return nil
	}
	return &planRef{ID: p.doc.ID, Type: string(p.doc.Type), Periode: periode(p.doc.Periode()), URL: documentURL(p.doc.ID)}
}

func planView(p *planFacts) gemeentePlanView {
	v := gemeentePlanView{ID: p.doc.ID, Title: p.doc.Title, Type: string(p.doc.Type), Label: p.doc.Type.Label(),
		Periode: periode(p.doc.Periode()), InForce: p.sum != nil, URL: documentURL(p.doc.ID),
		Follows: refOf(p.links.follows), Evaluates: refOf(p.links.evaluates),
		Previous: refOf(p.links.prev), Next: refOf(p.links.next)}
	for _, f := range p.links.followUps {
		v.FollowUps = append(v.FollowUps, refOf(f))
	}
	return v
}

// gemeenteLink links to a gemeente page.
type gemeenteLink struct {
	Code string `json:"code"`
	Naam string `json:"naam"`
	URL  string `json:"-"`
}

func (h *handler) newGemeentePage(ctx context.Context, b *beeld, gf *gemeenteFacts) (gemeentePage, error) {
	p := gemeentePage{Layout: h.overviewLayout(gf.Naam), Year: b.year, Code: gf.Code, Naam: gf.Naam,
		Provincie: gf.Provincie, Regio: gf.regio.Naam, RegioCode: gf.regio.Code, Status: gf.status, StatusText: statusText(gf),
		Compare: b.comparableTo(gf), Indienen: h.subs != nil}
	if n, ok := h.overview.inwoners.Aantal(gf.Code); ok {
		p.Inwoners, p.Klasse = getal(n), gf.klasse.Label
	}
	var periods [][2]int
	for i := len(gf.plans) - 1; i >= 0; i-- {
		p.Plans = append(p.Plans, planView(gf.plans[i]))
		s, e := period(gf.plans[i].doc)
		periods = append(periods, [2]int{s, e})
	}
	p.Timeline = timelineOf(p.Plans, periods, b.year)
	for _, o := range p.Compare.Gemeenten {
		p.Peers = append(p.Peers, gemeenteLink{Code: o.Code, Naam: o.Naam, URL: gemeenteURL(o.Code)})
	}
	p.Prios = prioRows(h.taxonomy, gf, p.Compare)
	p.Voorgangers = h.voorgangers(b, gf.Code)
	if tp := toetsPlan(gf); tp != nil {
		rs, err := h.toetsOf(ctx, tp)
		if err != nil {
			return p, err
		}
		v := checklistViewOf(tp.doc.ID, rs)
		for i := range v.Elements {
			for j := range v.Elements[i].Links {
				v.Elements[i].Links[j].URL = documentURL(tp.doc.ID) + v.Elements[i].Links[j].URL
			}
		}
		pv := planView(tp)
		p.Toets, p.ToetsPlan = &v, &pv
	}
	return p, nil
}

// gemeenteJSON is the gemeente page as JSON.
type gemeenteJSON struct {
	Year       int                  `json:"year"`
	Code       string               `json:"code"`
	Naam       string               `json:"naam"`
	Provincie  string               `json:"provincie"`
	Regio      string               `json:"veiligheidsregio"`
	Klasse     string               `json:"inwonersklasse,omitempty"`
	Status     string               `json:"status"`
	StatusText string               `json:"status_text"`
	Plans      []gemeentePlanView   `json:"plans"`
	Comparable string               `json:"comparable_how"`
	Peers      []gemeenteLink       `json:"comparable_gemeenten"`
	Priorities []prioRow            `json:"priorities"`
	ToetsPlan  *gemeentePlanView    `json:"kwaliteitstoets_plan"`
	Checklist  []corpusCheckSummary `json:"kwaliteitstoets"`
	// Voorgangers are the former gemeenten in its area (empty for one no
	// herindeling since 2012 formed or enlarged), with their plans.
	Voorgangers []voorgangerView `json:"voorgangers"`
}

// corpusCheckSummary is one element of the kwaliteitstoets in JSON.
type corpusCheckSummary struct {
	Number  int    `json:"number"`
	Name    string `json:"name"`
	Present bool   `json:"present"`
}

func gemeenteJSONOf(p gemeentePage) gemeenteJSON {
	out := gemeenteJSON{Year: p.Year, Code: p.Code, Naam: p.Naam, Provincie: p.Provincie, Regio: p.Regio,
		Klasse: p.Klasse, Status: p.Status, StatusText: p.StatusText, Plans: orEmpty(p.Plans),
		Comparable: p.Compare.How, Peers: orEmpty(p.Peers), Priorities: orEmpty(p.Prios), ToetsPlan: p.ToetsPlan,
		Checklist: []corpusCheckSummary{}, Voorgangers: orEmpty(p.Voorgangers)}
	if p.Toets != nil {
		for _, e := range p.Toets.Elements {
			out.Checklist = append(out.Checklist, corpusCheckSummary{Number: e.Number, Name: e.Name, Present: e.Present})
		}
	}
	return out
}
