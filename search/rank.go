package search

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/indexer"
)

// Ranking with words works in two steps. The plan index finds the plans
// that match any of the words (and counts the facets); its best
// rankCandidates become candidates. Their passages are then scored against
// the query in the passage index, and a plan's score combines
//   - its best passage, plus a saturating bonus for the next ones
//     (passageBonus): a short text entirely about the subject can rank
//     first, and a long one cannot win by mentioning the words often;
//   - its plan-index score (the words anywhere in the plan);
//   - the share of the query it matches (coverage), weighted by the
//     words' idf: a plan with every word goes first unless the plans
//     missing a common word are much better on the rest.
// Each of the first two is divided by its best value among the
// candidates, so they weigh alike whatever the query. The same passage
// search picks the passages shown. The real dev half figures in the
// comments here and in coverage.go, words.go and query.go were measured
// when each choice was made (six veld fields in the plan query, 50
// candidates, corpus/nl before its OpenTaal compound splitter); the code
// as it is gives 0.780 nDCG@10.

// rankCandidates is how many plans, best first by their plan-index score,
// are re-ranked by their passages. (Real dev half: 0.775 nDCG@10 with 20,
// 30 and 50 alike; the passages of 30 plans cost less to score.)
const rankCandidates = 30

// scoredPassages is how many of a plan's best passages count, and
// passageBonus the weight of each next one against the one before: a
// plan's passage score is best + 0.5 second + 0.25 third. (Real dev
// half: 0.779 nDCG@10; the plain sum of three 0.778, the best alone
// 0.776.)
const (
	scoredPassages = 3
	passageBonus   = 0.5
)

// planScoreWeight weighs the plan-index score against the passage score,
// both divided by their best among the candidates (dev 0.779; 0.5 gave
// 0.775, 2 gave 0.777, leaving either out 0.74 or less).
const planScoreWeight = 1.0

// coverageExponent is the power of the idf-weighted share of the query's
// groups a plan matches that multiplies its score (dev 0.779; 2 gave
// 0.767, 4 0.767, 0 about 0.66).
const coverageExponent = 3

// ranked is a candidate plan with its score and best passages.
type ranked struct {
	id       string
	score    float64
	passages []passageRef // its best passages, best first
	scores   []float64    // their scores, up to scoredPassages
}

// rank re-ranks the candidate plan hits by their passages.
func (s *Searcher) rank(ctx context.Context, snap indexer.Snapshot, p *prepared, hits bsearch.DocumentMatchCollection) ([]ranked, error) {
	ids := make([]string, len(hits))
	out := make([]ranked, len(hits))
	at := make(map[string]int, len(hits))
	for i, h := range hits {
		ids[i], at[h.ID] = h.ID, i
		out[i] = ranked{id: h.ID}
	}
	res, err := s.matchingPassages(ctx, snap, p, ids)
	if err != nil {
		return nil, err
	}
	for _, h := range res.Hits {
		r := &out[at[indexer.PlanOfPassage(h.ID)]]
		if len(r.scores) < scoredPassages {
			r.scores = append(r.scores, h.Score)
		}
		if len(r.passages) < PassagesPerDocument {
			r.passages = append(r.passages, passageRef{h.ID, h.Score})
		}
	}
	cov, err := s.coverage(ctx, snap, p, ids)
	if err != nil {
		return nil, err
	}
	combine(out, hits, cov)
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out, nil
}

// combine sets each candidate's score from its passage scores, its
// plan-index score and its coverage (nil: every plan matches all).
func combine(out []ranked, hits bsearch.DocumentMatchCollection, cov map[string]float64) {
	pass := make([]float64, len(out))
	var maxPass, maxPlan float64
	for i, r := range out {
		w := 1.0
		for _, sc := range r.scores {
			pass[i] += w * sc
			w *= passageBonus
		}
		maxPass = max(maxPass, pass[i])
		maxPlan = max(maxPlan, hits[i].Score)
	}
	for i := range out {
		out[i].score = share(pass[i], maxPass) + planScoreWeight*share(hits[i].Score, maxPlan)
		if cov != nil {
			out[i].score *= math.Pow(cov[out[i].id], coverageExponent)
		}
	}
}

// share is x / best, 0 when best is 0.
func share(x, best float64) float64 {
	if best <= 0 {
		return 0
	}
	return x / best
}

// maxRankedPassages bounds the passages scored for re-ranking: the
// candidates' passages that match, all of them in practice.
const maxRankedPassages = 20000

// matchingPassages scores the matching passages of the given plans, those
// with the filtered veld or thema; when none of them matches, any.
func (s *Searcher) matchingPassages(ctx context.Context, snap indexer.Snapshot, p *prepared, plans []string) (*bleve.SearchResult, error) {
	res, err := s.candidatePassages(ctx, snap, p, plans, true)
	if err == nil && res.Total == 0 && p.tagFiltered() {
		res, err = s.candidatePassages(ctx, snap, p, plans, false)
	}
	return res, err
}

// candidatePassages scores the matching passages of the given plans,
// restricted to the filtered velden and themes when tagged.
func (s *Searcher) candidatePassages(ctx context.Context, snap indexer.Snapshot, p *prepared, plans []string, tagged bool) (*bleve.SearchResult, error) {
	must := []query.Query{anyTerm(indexer.FieldDocID, plans), p.passageText()}
	if tagged {
		must = append(must, p.tagFilters()...)
	}
	req := bleve.NewSearchRequestOptions(cachedQuery{conj(must...), &s.passagePostings, passageTextFields}, maxRankedPassages, 0, false)
	return snap.Passages.SearchInContext(ctx, req)
}

// tagFilters are the veld and thema filters as passage-index queries.
func (p *prepared) tagFilters() []query.Query {
	var out []query.Query
	for _, name := range []string{facetVeld, facetThema} {
		if len(p.filters[name]) > 0 {
			out = append(out, anyTerm(facetFields[name], p.filters[name]))
		}
	}
	return out
}

func (p *prepared) tagFiltered() bool {
	return len(p.filters[facetVeld]) > 0 || len(p.filters[facetThema]) > 0
}

// recencyWindow is how many of the best re-ranked plans get the recency
// bonus before the page is cut; later pages keep their order.
const recencyWindow = 30

// rankedPage loads the metadata of the best re-ranked plans, applies the
// recency bonus and returns the documents of the requested page with the
// keys of their best passages.
func (s *Searcher) rankedPage(ctx context.Context, snap indexer.Snapshot, p *prepared, rs []ranked) ([]Document, map[string][]passageRef, error) {
	from := (p.r.Page - 1) * p.r.Size
	window := rs[:min(len(rs), max(from+p.r.Size, recencyWindow))]
	ids := make([]string, len(window))
	for i, r := range window {
		ids[i] = r.id
	}
	metas, err := planHits(ctx, snap, ids)
	if err != nil {
		return nil, nil, err
	}
	phrase, err := phraseInWindow(ctx, snap, p, window)
	if err != nil {
		return nil, nil, err
	}
	year := s.now().Year()
	scored := make([]ranked, 0, len(window))
	for _, r := range window {
		if h := metas[r.id]; h != nil {
			r.score *= 1 + recency(h, year)
			if phrase[r.id] {
				r.score *= phraseFactor
			}
			scored = append(scored, r)
		}
	}
	if from < recencyWindow {
		sort.SliceStable(scored, func(i, j int) bool { return scored[i].score > scored[j].score })
	}
	if from >= len(scored) {
		return []Document{}, nil, nil
	}
	docs := []Document{}
	best := map[string][]passageRef{}
	for _, r := range scored[from:min(from+p.r.Size, len(scored))] {
		d, err := documentOf(metas[r.id])
		if err != nil {
			return nil, nil, err
		}
		d.Score = r.score
		docs = append(docs, d)
		best[r.id] = r.passages
	}
	return docs, best, nil
}

// phraseFactor multiplies the score of a plan that has the user's words
// as a phrase in a passage, so it ranks above plans that merely contain
// them.
const phraseFactor = 2.0

// phraseInWindow returns the plans of the window that have the user's
// words (two or more) as a phrase in one of their best passages. Looking
// only at those passages (by key) keeps it cheap; restricting by plan
// still walked the phrase through the whole index.
func phraseInWindow(ctx context.Context, snap indexer.Snapshot, p *prepared, window []ranked) (map[string]bool, error) {
	words := p.text.words()
	var keys []string
	for _, r := range window {
		for _, ps := range r.passages {
			keys = append(keys, ps.key)
		}
	}
	if len(words) < 2 || len(keys) == 0 {
		return nil, nil
	}
	q := conj(bleve.NewDocIDQuery(keys), phraseQuery(strings.Join(words, " "), 1))
	res, err := snap.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, len(keys), 0, false))
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		out[indexer.PlanOfPassage(h.ID)] = true
	}
	return out, nil
}

// planHits loads the stored metadata of the given plans, by id.
func planHits(ctx context.Context, snap indexer.Snapshot, ids []string) (map[string]*bsearch.DocumentMatch, error) {
	req := bleve.NewSearchRequestOptions(idsQuery(ids), len(ids), 0, false)
	req.Fields = []string{indexer.FieldMeta}
	res, err := snap.Plans.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}
