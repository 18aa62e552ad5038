package ui

import (
	"context"
	"sort"

	"github.com/ccv/ivp/corpus"
)

// maxChain is how many predecessors or successors a timeline shows.
const maxChain = 4

// lifecycleStep is one plan on the timeline of a plan's life cycle.
type lifecycleStep struct {
	ID        int64          `json:"id"`
	Title     string         `json:"title"`
	Type      corpus.DocType `json:"type"`
	TypeLabel string         `json:"type_label"`
	Periode   string         `json:"periode"`
	// Relation says what the plan is to the document shown: voorganger,
	// hoofdplan (the IVP it follows up), dit (the document itself),
	// uitwerking (a follow-up of the IVP) or opvolger.
	Relation      string `json:"relation"`
	RelationLabel string `json:"relation_label"`
	// Confirmed says a curator confirmed the link that puts it here.
	Confirmed bool   `json:"confirmed"`
	URL       string `json:"url"`
}

// relationLabels are the Dutch names of the relations.
var relationLabels = map[string]string{
	"voorganger": "Vorig plan",
	"hoofdplan":  "Plan waar dit document op volgt",
	"dit":        "Dit document",
	"uitwerking": "Uitwerking of evaluatie",
	"opvolger":   "Volgend plan",
}

// lifecycleOf is the timeline of plan id: the IVP it belongs to (itself,
// the one it follows up, or the one it evaluates) with the IVPs before
// and after it and the plans that follow it up, oldest first. Empty when
// the plan is not published or has no links.
func (b *beeld) lifecycleOf(id int64) []lifecycleStep {
	p := b.byID[id]
	if p == nil {
		return []lifecycleStep{}
	}
	anchor := p
	if p.doc.Type != corpus.TypeIVP {
		anchor = p.links.follows
		if anchor == nil {
			anchor = p.links.evaluates
		}
	}
	if anchor == nil {
		return []lifecycleStep{}
	}
	var out []lifecycleStep
	for _, pr := range chain(anchor, func(x *planFacts) *planFacts { return x.links.prev }) {
		out = append([]lifecycleStep{b.step(pr, p, "voorganger", pr.links.next)}, out...)
	}
	out = append(out, b.step(anchor, p, "hoofdplan", p))
	for _, f := range sortedFollowUps(anchor) {
		out = append(out, b.step(f, p, "uitwerking", anchor))
	}
	for _, nx := range chain(anchor, func(x *planFacts) *planFacts { return x.links.next }) {
		out = append(out, b.step(nx, p, "opvolger", nx.links.prev))
	}
	if len(out) == 1 {
		return []lifecycleStep{}
	}
	return out
}

// chain follows a link from p at most maxChain times, stopping at a loop.
func chain(p *planFacts, link func(*planFacts) *planFacts) []*planFacts {
	var out []*planFacts
	seen := map[*planFacts]bool{p: true}
	for x := link(p); x != nil && !seen[x] && len(out) < maxChain; x = link(x) {
		seen[x] = true
		out = append(out, x)
	}
	return out
}

// sortedFollowUps are the follow-ups of an IVP by year.
func sortedFollowUps(p *planFacts) []*planFacts {
	out := append([]*planFacts(nil), p.links.followUps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := period(out[i].doc)
		c, _ := period(out[j].doc)
		return a < c
	})
	return out
}

// step is plan x on the timeline of cur, placed there by the link between
// x and other.
func (b *beeld) step(x, cur *planFacts, relation string, other *planFacts) lifecycleStep {
	if x == cur {
		relation = "dit"
	}
	s := lifecycleStep{ID: x.doc.ID, Title: x.doc.Title, Type: x.doc.Type, TypeLabel: x.doc.Type.Label(),
		Periode: periode(x.doc.Periode()), Relation: relation, RelationLabel: relationLabels[relation],
		URL: documentURL(x.doc.ID)}
	if other != nil {
		s.Confirmed = b.confirmed[[2]int64{x.doc.ID, other.doc.ID}] || b.confirmed[[2]int64{other.doc.ID, x.doc.ID}]
	}
	return s
}

// lifecycle is the timeline of plan id in the current beeld; a beeld that
// cannot be built leaves it out (logged), the page still shows the plan.
func (h *handler) lifecycle(ctx context.Context, id int64) []lifecycleStep {
	b, err := h.currentBeeld(ctx)
	if err != nil {
		h.log.Warn("plan lifecycle", "document", id, "err", err)
		return []lifecycleStep{}
	}
	return b.lifecycleOf(id)
}
