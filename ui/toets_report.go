package ui

import (
	"context"
	"html/template"
	"net/url"
	"sort"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// maxExamples is how many examples from published plans the report shows
// per weak or missing element; maxEvidence how many passages of the plan
// itself it shows per present element.
const (
	maxExamples = 3
	maxEvidence = 3
	// examplePlans bounds the published plans read for the examples of one
	// element, the most comparable and recent first.
	examplePlans = 40
)

// toetsReport is the report of the kwaliteitstoets on one draft, the page
// and its JSON twin.
type toetsReport struct {
	Layout       layoutData     `json:"-"`
	Token        string         `json:"-"`
	Status       string         `json:"status"` // "klaar"
	Title        string         `json:"title"`
	FileName     string         `json:"file_name"`
	Gemeenten    []string       `json:"gemeenten"` // names extraction found
	Expires      time.Time      `json:"expires"`
	ExpiresLabel string         `json:"-"` // "6 januari 2027"
	Submitted    bool           `json:"submitted"`
	Counts       map[string]int `json:"counts"` // verdict → elements
	Elements     []toetsElement `json:"elements"`
	Comparison   string         `json:"comparison"` // the group the priorities are compared with
	Priorities   []prioRow      `json:"priorities"`
	FormatURL    template.URL   `json:"-"` // the format uitvoeringsplan with the plan's priorities
}

// toetsElement is one checklist element in the report.
type toetsElement struct {
	corpus.Assessment
	Evidence []toetsPassage `json:"evidence"` // the plan's own passages that show it
	Examples []toetsExample `json:"examples"` // from published plans, when weak or missing
}

// toetsPassage is a passage of the uploaded plan.
type toetsPassage struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

// toetsExample is a passage of a published plan that shows an element.
type toetsExample struct {
	DocumentID int64  `json:"document_id"`
	Ordinal    int    `json:"ordinal"`
	Title      string `json:"title"`
	Gemeente   string `json:"gemeente"`
	Page       int    `json:"page"`
	Text       string `json:"text"`
	URL        string `json:"url"`
}

// toetsReport judges a draft and finds its examples and comparison.
func (h *handler) toetsReport(c *gin.Context, d corpus.Draft) (*toetsReport, error) {
	ctx := c.Request.Context()
	r := &toetsReport{Layout: h.layout("Rapport kwaliteitstoets", true), Token: d.Token, Status: string(corpus.DraftReady), Title: d.Title,
		FileName: d.FileName, Gemeenten: []string{}, Expires: d.Expires, ExpiresLabel: datum(d.Expires.Local()),
		Submitted: d.Submission != "", Counts: map[string]int{}}
	for _, code := range d.Gemeenten {
		if g, ok := h.gemeenten.ByCode(code); ok {
			r.Gemeenten = append(r.Gemeenten, g.Naam)
		}
	}
	b, err := h.currentBeeld(ctx)
	if err != nil {
		return nil, err
	}
	cmp, own := h.draftComparison(b, d)
	r.Comparison = cmp.How
	r.Priorities = prioRows(h.taxonomy, own, cmp)
	for i := range r.Priorities {
		r.Priorities[i].OwnURL = ""
	}
	r.FormatURL = formatLink(r)
	plans := examplePlansFor(b, cmp)
	ex := exampleFinder{h: h, ctx: ctx, passages: map[int64][]corpus.Passage{}}
	for _, a := range corpus.AssessPlan(d.Passages) {
		e := toetsElement{Assessment: a, Evidence: evidence(d.Passages, a), Examples: []toetsExample{}}
		if a.Verdict != corpus.VerdictPresent {
			if e.Examples, err = ex.find(plans, a.Number); err != nil {
				return nil, err
			}
		}
		r.Counts[string(a.Verdict)]++
		r.Elements = append(r.Elements, e)
	}
	return r, nil
}

// formatLink is the questionnaire of the format uitvoeringsplan filled
// in with the draft's gemeente and priorities.
func formatLink(r *toetsReport) template.URL {
	q := url.Values{}
	if len(r.Gemeenten) > 0 {
		q.Set(upGemeente, r.Gemeenten[0])
	}
	for _, pr := range r.Priorities {
		if pr.Own {
			q.Add(upPrio, pr.Thema)
		}
	}
	return template.URL("/uitvoeringsplan?" + q.Encode()) //nolint:gosec // url.Values.Encode escapes every value
}

// draftComparison is the group of gemeenten the draft is compared with
// (that of its first gemeente; all gemeenten with a plan in force when
// extraction found none) and the draft as the facts of that gemeente
// with the draft's priorities.
func (h *handler) draftComparison(b *beeld, d corpus.Draft) (comparison, *gemeenteFacts) {
	sum := summarize(h.taxonomy, d.Passages)
	own := &gemeenteFacts{}
	if len(d.Gemeenten) > 0 {
		if gf, ok := b.byCode[d.Gemeenten[0]]; ok {
			c := *gf
			own = &c
		}
	}
	own.prios = map[string]passageRef{}
	for t, o := range sum.prios {
		own.prios[t] = passageRef{ordinal: o}
	}
	if own.Code == "" {
		cmp := comparison{How: "alle gemeenten met een geldend plan"}
		for _, o := range b.gemeenten {
			if o.status == statusGeldend {
				cmp.Gemeenten = append(cmp.Gemeenten, o)
			}
		}
		return cmp, own
	}
	cmp := b.comparableTo(b.byCode[own.Code])
	return cmp, own
}

// examplePlansFor lists the published plans in force to take examples
// from: those of the comparable gemeenten first, then the rest, each
// group the most recent first.
func examplePlansFor(b *beeld, cmp comparison) []*planFacts {
	near := map[string]bool{}
	for _, g := range cmp.Gemeenten {
		near[g.Code] = true
	}
	isNear := func(p *planFacts) bool {
		for _, g := range p.doc.Gemeenten {
			if near[g.Code] {
				return true
			}
		}
		return false
	}
	plans := append([]*planFacts(nil), b.inForce...)
	sort.SliceStable(plans, func(i, j int) bool {
		a, c := plans[i], plans[j]
		if isNear(a) != isNear(c) {
			return isNear(a)
		}
		if a.doc.PeriodStart != c.doc.PeriodStart {
			return a.doc.PeriodStart > c.doc.PeriodStart
		}
		return a.doc.ID < c.doc.ID
	})
	return plans
}

// evidence is up to maxEvidence passages of the plan that show a.
func evidence(ps []corpus.Passage, a corpus.Assessment) []toetsPassage {
	out := []toetsPassage{}
	for _, o := range a.Passages {
		if len(out) == maxEvidence {
			break
		}
		for _, p := range ps {
			if p.Ordinal == o {
				out = append(out, toetsPassage{Page: p.PageFrom, Text: shorten(p.Text, 400)})
			}
		}
	}
	return out
}

// exampleFinder finds examples in published plans, reading each plan's
// passages once per report.
type exampleFinder struct {
	h        *handler
	ctx      context.Context
	passages map[int64][]corpus.Passage
}

// find returns up to maxExamples passages of plans (at most one per
// gemeente) that show element number well.
func (f *exampleFinder) find(plans []*planFacts, number int) ([]toetsExample, error) {
	out := []toetsExample{}
	seen := map[string]bool{}
	for i, pf := range plans {
		if len(out) == maxExamples || i == examplePlans {
			break
		}
		chk := pf.sum.checks[number-1]
		if !chk.Present || len(pf.doc.Gemeenten) == 0 || seen[pf.doc.Gemeenten[0].Code] {
			continue
		}
		p, ok, err := f.best(pf.doc.ID, number, chk.Passages)
		if err != nil {
			return nil, err
		}
		if ok {
			seen[pf.doc.Gemeenten[0].Code] = true
			out = append(out, toetsExample{DocumentID: pf.doc.ID, Ordinal: p.Ordinal, Title: pf.doc.Title,
				Gemeente: pf.doc.Gemeenten[0].Naam, Page: p.PageFrom, Text: shorten(p.Text, 500),
				URL: passageURL(passageRef{doc: pf.doc.ID, ordinal: p.Ordinal})})
		}
	}
	return out, nil
}

// best is the first of a plan's passages (by ordinal) that shows element
// number well by itself.
func (f *exampleFinder) best(id int64, number int, ordinals []int) (corpus.Passage, bool, error) {
	ps, ok := f.passages[id]
	if !ok {
		var err error
		if ps, err = f.h.docs.Passages(f.ctx, id); err != nil {
			return corpus.Passage{}, false, err
		}
		f.passages[id] = ps
	}
	for _, o := range ordinals {
		for _, p := range ps {
			if p.Ordinal == o && corpus.ShowsWell(number, p) {
				return p, true, nil
			}
		}
	}
	return corpus.Passage{}, false, nil
}
