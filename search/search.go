package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// Options tune a Searcher.
type Options struct {
	// CacheEntries is how many results are kept per index generation for
	// requests asked again. Default 512; negative turns the cache off.
	CacheEntries int
}

// Searcher answers Requests from the serving index. It is safe for
// concurrent use.
type Searcher struct {
	ix        *indexer.Indexer
	gemeenten *corpus.Gemeenten
	taxonomy  *corpus.Taxonomy
	cache     *resultCache
	now       func() time.Time
}

// New returns a Searcher over ix with default options.
func New(ix *indexer.Indexer) *Searcher { return NewWithOptions(ix, Options{}) }

// NewWithOptions returns a Searcher over ix.
func NewWithOptions(ix *indexer.Indexer, o Options) *Searcher {
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		// The register is embedded in the binary; failing to parse it is
		// a build defect, not a run-time condition.
		panic(err)
	}
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		panic(err) // embedded, as the register above
	}
	if o.CacheEntries == 0 {
		o.CacheEntries = 512
	}
	return &Searcher{ix: ix, gemeenten: gm, taxonomy: tax, cache: newResultCache(o.CacheEntries), now: time.Now}
}

// Search runs a request: plans ranked by relevance (or newest first for an
// empty query or on request), facet counts in numbers of plans, and per
// plan on the page its best passages with highlighted snippets.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	start := time.Now()
	var res *Result
	err := s.ix.View(func(snap indexer.Snapshot) error {
		key := r.cacheKey()
		if res = s.cache.get(snap.Generation, key); res != nil {
			return nil
		}
		var err error
		if res, err = s.search(ctx, snap, r); err == nil {
			s.cache.put(snap.Generation, key, res)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := *res // the cached value is shared: only the copy's timing changes
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return &out, nil
}

func (s *Searcher) search(ctx context.Context, snap indexer.Snapshot, r Request) (*Result, error) {
	p, err := s.prepare(ctx, snap, r)
	if err != nil {
		return nil, err
	}
	main, err := s.plans(ctx, snap, p)
	if err != nil {
		return nil, err
	}
	if main.Total == 0 && p.relaxable() {
		p.strict = false
		if main, err = s.plans(ctx, snap, p); err != nil {
			return nil, err
		}
	}
	bonus, err := s.phraseBonus(ctx, snap, p, main.Hits)
	if err != nil {
		return nil, err
	}
	hits := s.page(p, main.Hits, bonus)
	res := &Result{Total: main.Total, Page: r.Page, Size: r.Size, Sort: p.sort, Documents: make([]Document, len(hits))}
	for i, h := range hits {
		if res.Documents[i], err = documentOf(h); err != nil {
			return nil, err
		}
	}
	err = parallel(
		func() (err error) { res.Facets, err = s.facets(ctx, snap, p, main); return err },
		func() error { return s.passages(ctx, snap, p, res.Documents) },
	)
	return res, err
}

// recencyWindow is how many top plans are re-ranked with the recency
// bonus; later pages keep the engine's order.
const recencyWindow = 50

// plans runs the plan query: the hits up to the end of the requested page
// (at least the recency window), and the facets that are not filtered.
func (s *Searcher) plans(ctx context.Context, snap indexer.Snapshot, p *prepared) (*bleve.SearchResult, error) {
	q := p.planQuery("", nil)
	size, from := p.r.Size, (p.r.Page-1)*p.r.Size
	if p.sort == SortRelevance {
		size, from = max(from+size, recencyWindow), 0
	}
	req := bleve.NewSearchRequestOptions(q, size, from, false)
	req.Fields = []string{indexer.FieldMeta}
	if p.sort == SortDate {
		req.SortBy([]string{"-" + indexer.FieldYear, "-" + indexer.FieldAdded, "_id"})
	}
	for _, name := range facetOrder {
		if len(p.filters[name]) == 0 && !(name == facetVeld && p.veldByText()) {
			addFacet(req, name)
		}
	}
	return snap.Plans.SearchInContext(ctx, req)
}

// phraseFactor multiplies the score of a plan that has the user's words
// as a phrase in a passage, so it ranks above plans that merely contain
// them.
const phraseFactor = 2.0

// phraseBonus returns the plans among the ranked window that have the
// user's words (two or more) as a phrase. Looking only inside the window
// keeps the cost to its plans' passages, whatever the index size.
func (s *Searcher) phraseBonus(ctx context.Context, snap indexer.Snapshot, p *prepared, hits bsearch.DocumentMatchCollection) (map[string]bool, error) {
	words := p.text.words()
	if p.sort != SortRelevance || len(words) < 2 || len(hits) == 0 {
		return nil, nil
	}
	within := make([]string, len(hits))
	for i, h := range hits {
		within[i] = h.ID
	}
	ids, err := phrasePlanIDs(ctx, snap, strings.Join(words, " "), within...)
	out := make(map[string]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}

// page re-ranks relevance hits with the phrase and recency bonuses and
// cuts out the requested page.
func (s *Searcher) page(p *prepared, hits bsearch.DocumentMatchCollection, phrase map[string]bool) bsearch.DocumentMatchCollection {
	if p.sort != SortRelevance {
		return hits
	}
	year := s.now().Year()
	for _, h := range hits {
		h.Score *= 1 + recency(h, year)
		if phrase[h.ID] {
			h.Score *= phraseFactor
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	from := (p.r.Page - 1) * p.r.Size
	if from >= len(hits) {
		return nil
	}
	return hits[from:min(from+p.r.Size, len(hits))]
}

// recency is the bonus of a plan in force this year (0.1) or recently
// ended (0.05): "recent plans slightly higher".
func recency(h *bsearch.DocumentMatch, year int) float64 {
	m, err := metaOf(h)
	if err != nil {
		return 0
	}
	end := max(m.PeriodEnd, m.PeriodStart)
	switch {
	case end >= year:
		return 0.1
	case end >= year-3:
		return 0.05
	}
	return 0
}
