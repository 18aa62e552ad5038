package search

import (
	"context"
	"fmt"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// A phrase selects plans by the passages that contain it. Asking Bleve for
// a term facet over the doc_id of every matching passage read and
// decompressed the doc values of each of them: two thirds of a phrase
// query at a million passages. Here the plan of every passage is an array
// indexed by passage doc number, made once per snapshot of the passage
// index; a phrase's passages are collected unscored into a bitmap and
// mapped through it.

// passagePlans maps passage doc numbers to plan ids.
type passagePlans struct {
	plan []int32  // doc number -> index into ids; -1 for none
	ids  []string // plan ids (document IDs as decimal strings)
}

// readPassagePlans reads the postings of every doc_id term.
func readPassagePlans(r index.IndexReader) (*passagePlans, error) {
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("read passage plans: %w", err)
	}
	dict, err := r.FieldDict(indexer.FieldDocID)
	if err != nil {
		return nil, fmt.Errorf("read passage plans: %w", err)
	}
	defer dict.Close()
	pp := &passagePlans{plan: make([]int32, 0, n+n/8)}
	for de, err := dict.Next(); de != nil || err != nil; de, err = dict.Next() {
		if err != nil {
			return nil, fmt.Errorf("read passage plans: %w", err)
		}
		if err := pp.addPlan(r, de.Term); err != nil {
			return nil, fmt.Errorf("read passage plans: %w", err)
		}
	}
	return pp, nil
}

// addPlan records plan as the plan of each of its passages.
func (pp *passagePlans) addPlan(r index.IndexReader, plan string) error {
	tfr, err := r.TermFieldReader(context.Background(), []byte(plan), indexer.FieldDocID, false, false, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	at := int32(len(pp.ids))
	pp.ids = append(pp.ids, plan)
	var tfd *index.TermFieldDoc
	for tfd, err = tfr.Next(nil); tfd != nil; tfd, err = tfr.Next(tfd) {
		doc := int(tfd.ID.Value())
		for doc >= len(pp.plan) {
			pp.plan = append(pp.plan, -1)
		}
		pp.plan[doc] = at
	}
	return err
}

// plansOf returns the plans of the passages in docs, each once.
func (pp *passagePlans) plansOf(docs *roaring.Bitmap) []string {
	seen := make([]bool, len(pp.ids))
	out := []string{}
	for it := docs.Iterator(); it.HasNext(); {
		d := it.Next()
		if int(d) >= len(pp.plan) {
			continue
		}
		if p := pp.plan[d]; p >= 0 && !seen[p] {
			seen[p] = true
			out = append(out, pp.ids[p])
		}
	}
	return out
}

// phrasePlanIDs returns the plans with a passage containing phrase.
func (s *Searcher) phrasePlanIDs(ctx context.Context, snap indexer.Snapshot, phrase string) ([]string, error) {
	var ids []string
	err := indexer.WithReader(snap.Passages, func(r index.IndexReader) error {
		pp, err := s.passagePlans.get(r, readPassagePlans)
		if err != nil {
			return err
		}
		docs, err := matchBits(ctx, r, snap.Passages.Mapping(), phraseQuery(phrase, 1))
		if err != nil {
			return err
		}
		ids = pp.plansOf(docs)
		return nil
	})
	return ids, err
}
