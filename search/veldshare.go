package search

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// Without words, the veld facet would count the plans with a passage of
// each veld: nearly every plan has passages of every veld, so each veld
// showed every plan. What tells plans apart there is how much of their
// text each veld takes: the facet then also gives, per veld, the share of
// the passages of the matching plans.

// numVelden is the number of velden, 0 to 5.
const numVelden = len(indexer.VeldTextFields)

// veldCounts holds per plan doc number its passages per veld.
type veldCounts [][numVelden]uint32

// planVeldCounts reads the passages per veld of every plan: the veld
// postings of the passage index mapped to plans, then to the doc numbers
// of the plan index behind planR. It is made once per plan snapshot.
func (s *Searcher) planVeldCounts(ctx context.Context, snap indexer.Snapshot, planR index.IndexReader) (veldCounts, error) {
	return s.veldCounts.get(planR, func(planR index.IndexReader) (veldCounts, error) {
		var out veldCounts
		err := indexer.WithReader(snap.Passages, func(r index.IndexReader) error {
			pp, err := s.passagePlans.get(r, readPassagePlans)
			if err != nil {
				return err
			}
			perPlan, err := passagesPerVeld(ctx, r, pp)
			if err != nil {
				return err
			}
			out, err = byPlanDoc(planR, pp.ids, perPlan)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("read passages per veld: %w", err)
		}
		return out, nil
	})
}

// passagesPerVeld counts the passages of each veld per plan of pp.
func passagesPerVeld(ctx context.Context, r index.IndexReader, pp *passagePlans) ([][numVelden]uint32, error) {
	out := make([][numVelden]uint32, len(pp.ids))
	for v := range numVelden {
		tfr, err := r.TermFieldReader(ctx, []byte(strconv.Itoa(v)), indexer.FieldVeld, false, false, false)
		if err != nil {
			return nil, err
		}
		var tfd *index.TermFieldDoc
		for tfd, err = tfr.Next(nil); tfd != nil; tfd, err = tfr.Next(tfd) {
			if d := int(tfd.ID.Value()); d < len(pp.plan) && pp.plan[d] >= 0 {
				out[pp.plan[d]][v]++
			}
		}
		if cerr := tfr.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// byPlanDoc re-indexes counts of the plans ids by their doc numbers in r.
func byPlanDoc(r index.IndexReader, ids []string, counts [][numVelden]uint32) (veldCounts, error) {
	nums, err := docNums(r, ids)
	if err != nil {
		return nil, err
	}
	var out veldCounts
	for i, n := range nums {
		if n < 0 {
			continue
		}
		for int(n) >= len(out) {
			out = append(out, [numVelden]uint32{})
		}
		out[n] = counts[i]
	}
	return out, nil
}

// shares returns per veld its percentage of the passages of plans, rounded;
// all zero when they have no passages.
func (vc veldCounts) shares(plans *roaring.Bitmap) [numVelden]int {
	var sum [numVelden]uint64
	var all uint64
	for it := plans.Iterator(); it.HasNext(); {
		d := int(it.Next())
		if d >= len(vc) {
			continue
		}
		for v, n := range vc[d] {
			sum[v] += uint64(n)
			all += uint64(n)
		}
	}
	var out [numVelden]int
	if all == 0 {
		return out
	}
	for v, n := range sum {
		out[v] = int(math.Round(100 * float64(n) / float64(all)))
	}
	return out
}

// withShares adds to the veld facet the share of the passages of plans
// per veld.
func withShares(f *Facet, vc veldCounts, plans *roaring.Bitmap) {
	sh := vc.shares(plans)
	f.Shares = true
	for i, v := range f.Values {
		if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 && n < numVelden {
			f.Values[i].PassageShare = sh[n]
		}
	}
}
