package search

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	hlhtml "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// Searcher answers Requests from the serving index. It is safe for
// concurrent use.
type Searcher struct {
	ix        *indexer.Indexer
	gemeenten *corpus.Gemeenten
	taxonomy  *corpus.Taxonomy
}

// New returns a Searcher over ix.
func New(ix *indexer.Indexer) *Searcher {
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
	return &Searcher{ix: ix, gemeenten: gm, taxonomy: tax}
}

// Search runs a request: plans ranked by relevance (or newest first for an
// empty query), facet counts in numbers of plans, and per plan on the page
// its best passages with highlighted snippets.
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	start := time.Now()
	var res *Result
	err := s.ix.View(func(snap indexer.Snapshot) error {
		var err error
		res, err = s.search(ctx, snap, r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	res.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

func (s *Searcher) search(ctx context.Context, snap indexer.Snapshot, r Request) (*Result, error) {
	main, err := s.plans(ctx, snap, r, true)
	if err != nil {
		return nil, err
	}
	if main.Total == 0 && r.Query != "" && len(strings.Fields(r.Query)) > 1 {
		if main, err = s.plans(ctx, snap, r, false); err != nil {
			return nil, err
		}
	}
	res := &Result{Total: main.Total, Page: r.Page, Size: r.Size, Documents: []Document{}}
	for _, h := range main.Hits {
		d, err := s.document(ctx, snap, h, r)
		if err != nil {
			return nil, err
		}
		res.Documents = append(res.Documents, d)
	}
	res.Facets, err = s.facets(ctx, snap, r, main)
	return res, err
}

// plans runs the plan query for one page, with facets for every facet
// that is not filtered.
func (s *Searcher) plans(ctx context.Context, snap indexer.Snapshot, r Request, and bool) (*bleve.SearchResult, error) {
	ids, err := s.taggedPlans(ctx, snap, r, and, "")
	if err != nil {
		return nil, err
	}
	phrase, err := s.phrasePlans(ctx, snap, r.Query)
	if err != nil {
		return nil, err
	}
	q := phraseBoost(planQuery(r, and, "", ids), phrase)
	req := bleve.NewSearchRequestOptions(q, r.Size, (r.Page-1)*r.Size, false)
	req.Fields = []string{indexer.FieldMeta}
	if r.Query == "" {
		req.SortBy([]string{"-" + indexer.FieldYear, "-" + indexer.FieldAdded, "_id"})
	}
	filters := facetFilters(r)
	for _, name := range facetOrder {
		if len(filters[name]) == 0 {
			addFacet(req, name)
		}
	}
	return snap.Plans.SearchInContext(ctx, req)
}

// maxPhrasePassages bounds the passages read to find plans with a phrase.
const maxPhrasePassages = 1000

// phrasePlans returns the plans with a passage that contains q as a
// phrase; none for a one-word query.
func (s *Searcher) phrasePlans(ctx context.Context, snap indexer.Snapshot, q string) ([]string, error) {
	if len(strings.Fields(q)) < 2 {
		return nil, nil
	}
	p := bleve.NewMatchPhraseQuery(q)
	p.SetField(indexer.FieldText)
	res, err := snap.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(p, maxPhrasePassages, 0, false))
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if id := indexer.PlanOfPassage(h.ID); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// facets returns every facet; a filtered facet is counted with its own
// filter left out, so its other values show how many plans they would add.
func (s *Searcher) facets(ctx context.Context, snap indexer.Snapshot, r Request, main *bleve.SearchResult) ([]Facet, error) {
	filters := facetFilters(r)
	and := main.Total > 0 || r.Query == "" || len(strings.Fields(r.Query)) < 2
	var allowed map[string]bool // plans matching the query and plan facets, for the tag facets
	if r.Query != "" {
		var err error
		if allowed, err = s.planIDs(ctx, snap, r, and); err != nil {
			return nil, err
		}
	}
	var out []Facet
	for _, name := range facetOrder {
		if r.Query != "" && (name == facetVeld || name == facetThema) {
			f, err := s.tagFacet(ctx, snap, r, and, name, allowed)
			if err != nil {
				return nil, err
			}
			out = append(out, f)
			continue
		}
		fr := main.Facets[name]
		if len(filters[name]) > 0 {
			ids, err := s.taggedPlans(ctx, snap, r, and, name)
			if err != nil {
				return nil, err
			}
			req := bleve.NewSearchRequestOptions(planQuery(r, and, name, ids), 0, 0, false)
			addFacet(req, name)
			res, err := snap.Plans.SearchInContext(ctx, req)
			if err != nil {
				return nil, err
			}
			fr = res.Facets[name]
		}
		out = append(out, s.buildFacet(name, fr, filters[name]))
	}
	return out, nil
}

// document turns a plan hit into a result with its best passages.
func (s *Searcher) document(ctx context.Context, snap indexer.Snapshot, h *bsearch.DocumentMatch, r Request) (Document, error) {
	var meta indexer.PlanMeta
	if raw, ok := h.Fields[indexer.FieldMeta].(string); ok {
		if err := json.Unmarshal([]byte(raw), &meta); err != nil {
			return Document{}, fmt.Errorf("plan %s: bad stored metadata: %w", h.ID, err)
		}
	}
	id, _ := strconv.ParseInt(h.ID, 10, 64)
	d := Document{
		ID: id, Title: meta.Title, Type: meta.Type, TypeLabel: meta.Type.Label(),
		PeriodStart: meta.PeriodStart, PeriodEnd: meta.PeriodEnd, Vastgesteld: meta.Vastgesteld,
		Gemeenten: meta.Gemeenten, Pages: meta.Pages, Score: h.Score, Passages: []Passage{},
	}
	d.Periode = corpus.Document{PeriodStart: meta.PeriodStart, PeriodEnd: meta.PeriodEnd}.Periode()
	if d.Gemeenten == nil {
		d.Gemeenten = []corpus.Gemeente{}
	}
	if r.Query == "" {
		return d, nil
	}
	var err error
	d.Passages, err = s.passages(ctx, snap, h.ID, r)
	return d, err
}

func (s *Searcher) passages(ctx context.Context, snap indexer.Snapshot, docID string, r Request) ([]Passage, error) {
	req := bleve.NewSearchRequestOptions(passageQuery(docID, r.Query, r), PassagesPerDocument, 0, false)
	req.Fields = []string{indexer.FieldOrdinal, indexer.FieldPageFrom, indexer.FieldPageTo, indexer.FieldHeadings, indexer.FieldText, indexer.FieldTags}
	req.Highlight = bleve.NewHighlightWithStyle(hlhtml.Name)
	req.Highlight.AddField(indexer.FieldText)
	res, err := snap.Passages.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := []Passage{}
	for _, h := range res.Hits {
		out = append(out, s.withTags(passageOf(h), h))
	}
	return out, nil
}

func passageOf(h *bsearch.DocumentMatch) Passage {
	num := func(f string) int {
		v, _ := h.Fields[f].(float64)
		return int(v)
	}
	p := Passage{Ordinal: num(indexer.FieldOrdinal), Page: num(indexer.FieldPageFrom), PageTo: num(indexer.FieldPageTo), Score: h.Score}
	if hs, ok := h.Fields[indexer.FieldHeadings].(string); ok && hs != "" {
		p.Headings = strings.Split(hs, "\n")
	}
	if frags := h.Fragments[indexer.FieldText]; len(frags) > 0 {
		p.Snippet = frags[0]
	} else if t, ok := h.Fields[indexer.FieldText].(string); ok {
		p.Snippet = html.EscapeString(truncate(t, 240))
	}
	return p
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}
