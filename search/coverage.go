package search

import (
	"context"
	"math"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// Soft conjunction: a plan needs only one of the query's words to match,
// and the share of the words it has is a signal of the ranking, not a
// tier (on the real dev half a strict "all words first" order lost to
// plain OR). The share is weighted by the words' idf, so that missing
// "aanpak" in "huiselijk geweld aanpak" costs less than missing
// "huiselijk geweld".

// coverage is, per candidate plan, the idf-weighted share of the query's
// groups it matches anywhere; nil for a query of one group, which every
// candidate matches. Which groups a plan has comes from the postings
// bitmaps the facets keep per snapshot (termbits.go), not from a search
// per group.
func (s *Searcher) coverage(ctx context.Context, snap indexer.Snapshot, p *prepared, ids []string) (map[string]float64, error) {
	if len(p.text.groups) < 2 {
		return nil, nil
	}
	ws, err := groupWeights(ctx, snap, p.text.groups)
	if err != nil {
		return nil, err
	}
	var total float64
	for _, w := range ws {
		total += w
	}
	out := make(map[string]float64, len(ids))
	err = indexer.WithReader(snap.Plans, func(r index.IndexReader) error {
		ts, err := s.terms.get(r, newTermSets)
		if err != nil {
			return err
		}
		nums, err := docNums(r, ids)
		if err != nil {
			return err
		}
		for gi, g := range p.text.groups {
			bm, err := groupBits(r, ts, planFields(nil), g)
			if err != nil {
				return err
			}
			for i, n := range nums {
				if n >= 0 && bm.Contains(uint32(n)) {
					out[ids[i]] += ws[gi] / total
				}
			}
		}
		return nil
	})
	return out, err
}

// docNums are the index doc numbers of ids in r, -1 for an id r does not
// hold.
func docNums(r index.IndexReader, ids []string) ([]int64, error) {
	out := make([]int64, len(ids))
	for i, id := range ids {
		iid, err := r.InternalID(id)
		if err != nil {
			return nil, err
		}
		out[i] = -1
		if iid != nil {
			out[i] = int64(iid.Value())
		}
	}
	return out, nil
}

// groupWeights are the weights of the groups in coverage: the sum of the
// idf in the passage index of the words of each group's first
// alternative, the user's own words ("huiselijk geweld" weighs as its two
// words). (Real dev half: 0.779 nDCG@10; the mean instead of the sum
// 0.771, unweighted groups 0.749.)
func groupWeights(ctx context.Context, snap indexer.Snapshot, gs []group) ([]float64, error) {
	out := make([]float64, len(gs))
	err := indexer.WithReader(snap.Passages, func(r index.IndexReader) error {
		n, err := r.DocCount()
		if err != nil {
			return err
		}
		for i, g := range gs {
			for _, t := range indexer.AnalyzeQuery(g[0].text) {
				df, err := docFreq(ctx, r, indexer.FieldText, t)
				if err != nil {
					return err
				}
				out[i] += math.Log(1 + float64(n)/float64(df+1))
			}
			if out[i] == 0 {
				out[i] = 1
			}
		}
		return nil
	})
	return out, err
}
