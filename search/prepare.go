package search

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// prepared is a request made ready for the index: its text as groups and
// phrases, its filters per facet, and the plan sets that phrases select.
type prepared struct {
	r       Request
	parsed  ParsedQuery
	text    textQuery
	filters map[string][]string // facet name -> selected values
	years   []string            // the jaar range as years, nil without one
	sort    string

	phrasePlans   []string // plans with every must-phrase; nil without phrases
	excludedPlans []string // plans with an excluded phrase, or the "like" source

	typed        []QueryFilter // the filters typed in the query
	withoutTyped string        // the query without them, when there are some

	none      bool     // nothing can match ("meer zoals dit" without terms)
	notices   []string // how the query was read, for the user
	likeTitle string   // what a "meer zoals dit" search started from
}

func (s *Searcher) prepare(ctx context.Context, snap indexer.Snapshot, r Request) (*prepared, error) {
	pq := ParseQuery(r.Query, s.resolvers)
	typed := s.queryFilters(pq, r)
	r = withQueryFilters(r, pq.Filters)
	text, added := compile(pq, s.thesaurus)
	p := &prepared{r: r, parsed: pq, text: text, filters: facetFilters(r), sort: r.Sort, typed: typed}
	if len(typed) > 0 {
		p.withoutTyped = withoutAllTyped(pq)
	}
	p.notices = append(p.notices, pq.Warnings...)
	p.notices = append(p.notices, filterNotice(pq.Filters)...)
	if len(added) > 0 {
		p.notices = append(p.notices, "Ook gezocht op: "+strings.Join(firstDistinct(added, 6), ", ")+".")
	}
	p.years = s.yearRange(r)
	if err := s.correctUnknown(ctx, snap, p); err != nil {
		return nil, err
	}
	if r.Like != "" {
		if err := s.like(ctx, snap, p); err != nil {
			return nil, err
		}
	}
	if p.text.empty() && !p.none && p.sort == SortRelevance {
		p.sort = SortDate // relevance means nothing without words
	}
	if err := s.preparePhrases(ctx, snap, p); err != nil {
		return nil, err
	}
	if r.Like != "" && !p.none {
		return p, s.likeCutoff(ctx, snap, p)
	}
	return p, nil
}

// preparePhrases finds the plans with every phrase of the query and those
// with an excluded phrase.
func (s *Searcher) preparePhrases(ctx context.Context, snap indexer.Snapshot, p *prepared) error {
	for i, ph := range p.text.phrases {
		ids, err := s.phrasePlans(ctx, snap, ph)
		if err != nil {
			return err
		}
		if i == 0 {
			p.phrasePlans = ids
		} else {
			p.phrasePlans = intersect(p.phrasePlans, ids)
		}
	}
	for _, a := range p.text.excludes {
		if a.phrase {
			ids, err := s.phrasePlans(ctx, snap, a.text)
			if err != nil {
				return err
			}
			p.excludedPlans = append(p.excludedPlans, ids...)
		}
	}
	return nil
}

// phrasePlans is phrasePlanIDs for a whole index, remembered per index
// generation: finding a phrase in every passage was most of the time of a
// phrase query, and the same phrase comes back with other filters, other
// pages, other sort orders.
func (s *Searcher) phrasePlans(ctx context.Context, snap indexer.Snapshot, phrase string) ([]string, error) {
	if ids := s.phrases.get(snap.Generation, phrase); ids != nil {
		return ids, nil
	}
	ids, err := s.phrasePlanIDs(ctx, snap, phrase)
	if err == nil {
		s.phrases.put(snap.Generation, phrase, ids)
	}
	return ids, err
}

func intersect(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	out := []string{}
	for _, x := range a {
		if in[x] {
			out = append(out, x)
		}
	}
	return out
}

// veldByText reports whether the veld filter and facet work through the
// per-veld text fields (the words must occur in passages of that veld),
// which needs words; a phrase-only or empty query uses the plan's velden.
func (p *prepared) veldByText() bool { return len(p.text.groups) > 0 }

// textVelden are the velden whose text the words must occur in: the
// filtered velden when the query has words, else none (any text).
func (p *prepared) textVelden() []int {
	if p.veldByText() {
		return veldInts(p.filters[facetVeld])
	}
	return nil
}

// planQuery is the query over the plan index: the text (in the fields of
// the filtered velden when there are words) and the filters of every facet.
func (p *prepared) planQuery() query.Query {
	velden := p.textVelden()
	must := []query.Query{p.baseQuery(velden)}
	for _, name := range facetOrder {
		if len(p.filters[name]) == 0 || name == facetVeld && p.veldByText() {
			continue
		}
		must = append(must, anyTerm(facetFields[name], p.filters[name]))
	}
	return conj(must...)
}

// baseQuery is what a plan must match apart from the facet filters: the
// words (in the text of velden when given), the phrases, the jaar range,
// and none of the excluded words.
func (p *prepared) baseQuery(velden []int) query.Query {
	if p.none {
		return bleve.NewMatchNoneQuery()
	}
	var must []query.Query
	if len(p.text.groups) > 0 {
		must = append(must, wordsQuery(p.text, planFields(velden), p.text.minShould(), false))
	}
	if p.phrasePlans != nil {
		must = append(must, idsQuery(p.phrasePlans))
	}
	if p.years != nil {
		must = append(must, anyTerm(indexer.FieldJaar, p.years))
	}
	return p.withoutExcluded(conj(must...))
}

func (p *prepared) withoutExcluded(q query.Query) query.Query {
	var not []query.Query
	if ex := excludeQuery(p.text); ex != nil {
		not = append(not, ex)
	}
	if len(p.excludedPlans) > 0 {
		not = append(not, bleve.NewDocIDQuery(p.excludedPlans))
	}
	if len(not) == 0 {
		return q
	}
	return query.NewBooleanQuery([]query.Query{q}, nil, not)
}

// yearRange expands the request's jaar range into the years it covers;
// an open end stops ten years from now (from) or at 1990 (to).
func (s *Searcher) yearRange(r Request) []string {
	if r.JaarVan == 0 && r.JaarTot == 0 {
		return nil
	}
	from, to := r.JaarVan, r.JaarTot
	if from == 0 {
		from = 1990
	}
	if to == 0 {
		to = s.now().Year() + 10
	}
	var out []string
	for y := from; y <= to && len(out) < 100; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// words are the single-word groups' first alternatives, in order.
func (q textQuery) words() []string {
	var out []string
	for _, g := range q.groups {
		if len(g) > 0 && !g[0].phrase {
			out = append(out, g[0].text)
		}
	}
	return out
}

// withQueryFilters adds the filters typed in the query (gemeente:Ede) to
// those chosen in the facets.
func withQueryFilters(r Request, f Filters) Request {
	r.Gemeenten = appendDistinct(r.Gemeenten, f.Gemeenten...)
	r.Provincies = appendDistinct(r.Provincies, f.Provincies...)
	r.Themas = appendDistinct(r.Themas, f.Themas...)
	r.Velden = appendDistinct(r.Velden, f.Velden...)
	r.Types = appendDistinct(r.Types, f.Types...)
	if r.JaarVan == 0 && r.JaarTot == 0 {
		r.JaarVan, r.JaarTot = f.YearFrom, f.YearTo
	}
	return r
}

func appendDistinct[T comparable](s []T, vs ...T) []T {
	for _, v := range vs {
		if !slices.Contains(s, v) {
			s = append(s, v)
		}
	}
	return s
}

// filterNotice tells that filters were taken from the query.
func filterNotice(f Filters) []string {
	n := len(f.Gemeenten) + len(f.Provincies) + len(f.Themas) + len(f.Velden) + len(f.Types)
	if f.YearFrom != 0 || f.YearTo != 0 {
		n++
	}
	if n == 0 {
		return nil
	}
	return []string{"Filters uit de zoekvraag zijn toegepast; ze staan hieronder bij de actieve filters, waar u ze ook weer kunt verwijderen."}
}

func firstDistinct(s []string, n int) []string {
	var out []string
	for _, x := range s {
		if len(out) == n {
			break
		}
		out = appendDistinct(out, x)
	}
	return out
}

// termCount is the number of passages whose text has the index term t.
func termCount(ctx context.Context, snap indexer.Snapshot, t string) (uint64, error) {
	var n uint64
	err := indexer.WithReader(snap.Passages, func(r index.IndexReader) (err error) {
		n, err = docFreq(ctx, r, indexer.FieldText, t)
		return err
	})
	return n, err
}
