package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/ccv/ivp/corpus"
)

// planSummary is what the overview pages need of one plan's text: its
// priorities, the themes it treats at all and its kwaliteitstoets.
type planSummary struct {
	// prios maps each theme of the plan's priorities to the ordinal of
	// the first passage that shows it: a passage under a priorities
	// heading, tagged with a theme of veld 1-5.
	prios map[string]int
	// prioVelden says which velden those passages are tagged with.
	prioVelden [corpus.NumVelden]bool
	// treated maps every theme of veld 1-5 the plan's text has to the
	// ordinal of its first passage.
	treated map[string]int
	// checks is the kwaliteitstoets: checks[i] for corpus.Checklist[i].
	checks []corpus.CheckResult
}

// summarize reads a plan's priorities, themes and checklist from its
// tagged passages.
func summarize(tax *corpus.Taxonomy, ps []corpus.Passage) planSummary {
	s := planSummary{prios: map[string]int{}, treated: map[string]int{}, checks: corpus.CheckPlan(ps)}
	for _, p := range ps {
		under := underPriorities(p.Headings)
		for _, t := range p.Tags.Themes {
			if !safetyTheme(tax, t) {
				continue
			}
			if _, ok := s.treated[t]; !ok {
				s.treated[t] = p.Ordinal
			}
			if _, ok := s.prios[t]; !ok && under && p.Tags.Veld > 0 {
				s.prios[t] = p.Ordinal
			}
		}
		if under && p.Tags.Veld > 0 && p.Tags.Veld < corpus.NumVelden {
			s.prioVelden[p.Tags.Veld] = true
		}
	}
	return s
}

// safetyTheme says a theme id is a theme of veld 1-5 that users choose as
// a priority: not process text and not a veld's umbrella ("2.0").
func safetyTheme(tax *corpus.Taxonomy, id string) bool {
	th, ok := tax.Thema(id)
	return ok && th.Veld > 0 && !strings.HasSuffix(id, ".0")
}

// summaryCache keeps the summary of each plan for the version of it that
// was read (its Updated time), so a new index generation re-reads only
// the plans that changed.
type summaryCache struct {
	mu   sync.Mutex
	byID map[int64]cachedSummary
}

type cachedSummary struct {
	updated time.Time
	sum     planSummary
}

// get returns the summary of d, reading its passages when d is new or
// changed since it was last read.
func (c *summaryCache) get(ctx context.Context, docs Documents, tax *corpus.Taxonomy, d corpus.Document) (planSummary, error) {
	c.mu.Lock()
	cs, ok := c.byID[d.ID]
	c.mu.Unlock()
	if ok && cs.updated.Equal(d.Updated) {
		return cs.sum, nil
	}
	ps, err := docs.Passages(ctx, d.ID)
	if err != nil {
		return planSummary{}, err
	}
	sum := summarize(tax, ps)
	c.mu.Lock()
	if c.byID == nil {
		c.byID = map[int64]cachedSummary{}
	}
	c.byID[d.ID] = cachedSummary{updated: d.Updated, sum: sum}
	c.mu.Unlock()
	return sum, nil
}
