package search

import (
	"context"
	"fmt"
	"sync"
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
	// NoThesaurus searches the user's words only, without the thesaurus's
	// alternatives (the relevance suites compare both).
	NoThesaurus bool
}

// Searcher answers Requests from the serving index. It is safe for
// concurrent use.
type Searcher struct {
	ix        *indexer.Indexer
	gemeenten *corpus.Gemeenten
	taxonomy  *corpus.Taxonomy
	resolvers *Resolvers
	thesaurus *Thesaurus
	cache     *resultCache
	phrases   *genCache[[]string] // plans per exact phrase
	bits      snapCache[valueBits]
	terms     snapCache[*termSets] // postings bitmaps of query words
	// the text postings of query words in the passage and the plan index
	passagePostings, planPostings snapCache[*postingSets]
	// passagePlans maps passage doc numbers to plans, for phrases
	passagePlans snapCache[*passagePlans]
	// veldCounts are the passages per veld of each plan, for the veld
	// facet without words
	veldCounts snapCache[veldCounts]
	now        func() time.Time
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
	th, err := LoadThesaurus()
	if err != nil {
		panic(err) // embedded, as the register above
	}
	if o.NoThesaurus {
		th = &Thesaurus{byKey: map[string][]int{}}
	}
	if o.CacheEntries == 0 {
		o.CacheEntries = 512
	}
	return &Searcher{ix: ix, gemeenten: gm, taxonomy: tax, resolvers: NewResolvers(gm, tax), thesaurus: th,
		cache: newResultCache(o.CacheEntries), phrases: newGenCache[[]string](o.CacheEntries), now: time.Now}
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
	res, best, err := s.run(ctx, snap, p)
	if err != nil {
		return nil, err
	}
	if err := s.loadPassages(ctx, snap, p, res.Documents, best); err != nil {
		return nil, err
	}
	return res, s.suggest(ctx, snap, p, res)
}

// run counts the facets while it finds and ranks the plans of the page.
func (s *Searcher) run(ctx context.Context, snap indexer.Snapshot, p *prepared) (*Result, map[string][]passageRef, error) {
	res := &Result{Page: p.r.Page, Size: p.r.Size, Sort: p.sort, Notices: p.notices, LikeTitle: p.likeTitle,
		QueryFilters: p.typed, QueryWithoutFilters: p.withoutTyped}
	var best map[string][]passageRef
	err := parallel(
		func() (err error) { res.Facets, res.AllWords, err = s.facets(ctx, snap, p); return err },
		func() error {
			main, err := s.plans(ctx, snap, p)
			if err != nil {
				return err
			}
			res.Total = main.Total
			res.Documents, best, err = s.documents(ctx, snap, p, main.Hits)
			return err
		},
	)
	return res, best, err
}

// documents returns the plans of the requested page with the keys of
// their best passages: re-ranked by passages when ranking by relevance,
// else in the plan index's order.
func (s *Searcher) documents(ctx context.Context, snap indexer.Snapshot, p *prepared, hits bsearch.DocumentMatchCollection) ([]Document, map[string][]passageRef, error) {
	if p.sort == SortRelevance {
		rs, err := s.rank(ctx, snap, p, hits)
		if err != nil {
			return nil, nil, err
		}
		return s.rankedPage(ctx, snap, p, rs)
	}
	docs := make([]Document, len(hits))
	ids := make([]string, len(hits))
	for i, h := range hits {
		d, err := documentOf(h)
		if err != nil {
			return nil, nil, err
		}
		docs[i], ids[i] = d, h.ID
	}
	if p.text.empty() || len(ids) == 0 {
		return docs, nil, nil
	}
	best, err := s.bestPassages(ctx, snap, p, ids)
	return docs, best, err
}

// plans runs the plan query (facets are counted apart). When ranking by
// relevance it returns the candidates for re-ranking (without
// stored fields); by date, the requested page with metadata.
func (s *Searcher) plans(ctx context.Context, snap indexer.Snapshot, p *prepared) (*bleve.SearchResult, error) {
	q := cachedQuery{p.planQuery(), &s.planPostings, planTextFields}
	req := bleve.NewSearchRequestOptions(q, p.r.Size, (p.r.Page-1)*p.r.Size, false)
	if p.sort == SortRelevance {
		req.Size, req.From = max(rankCandidates, 2*p.r.Page*p.r.Size), 0
	} else {
		req.Fields = []string{indexer.FieldMeta}
		req.SortBy(sortFields[p.sort])
	}
	return snap.Plans.SearchInContext(ctx, req)
}

// sortFields are the orders of the plan index for the sorts other than
// relevance: newest period first, or last added first.
var sortFields = map[string][]string{
	SortDate:  {"-" + indexer.FieldYear, "-" + indexer.FieldAdded, "_id"},
	SortAdded: {"-" + indexer.FieldAdded, "-_id"},
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

// parallel runs fns at once and returns the first error.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Generation names the state of the serving index: it changes with every
// rebuild and every plan added or removed, so views derived from the
// published plans can be cached until it does.
func (s *Searcher) Generation() (string, error) {
	var gen string
	err := s.ix.View(func(snap indexer.Snapshot) error {
		gen = snap.Generation
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("index generation: %w", err)
	}
	return gen, nil
}
