package indexer_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// TestUpdatesAreSeenWhole: searches running while one plan is updated
// over and over (its title, and its passages shrinking and growing back),
// or withdrawn and approved again, never find the plan without its
// passages, and during updates always find it. Each search reads as the
// search package does: the plans that match, then their matching
// passages, then those passages by key.
func TestUpdatesAreSeenWhole(t *testing.T) {
	const full, short = 30, 12
	cases := []struct {
		name   string
		always bool // the plan is published throughout
		step   func(ix *indexer.Indexer, d corpus.Document, i int) error
	}{
		{"update", true, func(ix *indexer.Indexer, d corpus.Document, i int) error {
			d.Title = fmt.Sprintf("Veiligheidsplan versie %d", i)
			return ix.Add(context.Background(), d, passagesOf(full-(full-short)*(i%2)))
		}},
		{"withdraw and approve", false, func(ix *indexer.Indexer, d corpus.Document, i int) error {
			if i%2 == 0 {
				return ix.Remove(context.Background(), d.ID)
			}
			return ix.Add(context.Background(), d, passagesOf(full))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := indexer.Open(t.Context(), t.TempDir(), indexer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			g := corpus.Gemeente{Code: "GM0202", Naam: "Arnhem", Provincie: "Gelderland"}
			d := corpus.Document{ID: 7, Title: "Veiligheidsplan", Type: corpus.TypeIVP, PeriodStart: 2024,
				Status: corpus.StatusPublished, Gemeenten: []corpus.Gemeente{g}}
			if err := ix.Add(t.Context(), d, passagesOf(full)); err != nil {
				t.Fatal(err)
			}
			var searches, missed, partial atomic.Int64
			done := make(chan struct{})
			var wg sync.WaitGroup
			for range 3 {
				wg.Go(func() {
					for {
						select {
						case <-done:
							return
						default:
						}
						found, whole := searchPlan(t, ix, "7", short)
						searches.Add(1)
						if !found && tc.always {
							missed.Add(1)
						}
						if found && !whole {
							partial.Add(1)
						}
					}
				})
			}
			for i := range 40 {
				if err := tc.step(ix, d, i); err != nil {
					t.Error(err)
				}
			}
			close(done)
			wg.Wait()
			if missed.Load() > 0 || partial.Load() > 0 || searches.Load() == 0 {
				t.Errorf("of %d searches during updates, %d missed the plan and %d found it without all its passages",
					searches.Load(), missed.Load(), partial.Load())
			}
		})
	}
}

// passagesOf returns n passages that all contain "cameratoezicht".
func passagesOf(n int) []corpus.Passage {
	ps := make([]corpus.Passage, n)
	for i := range ps {
		ps[i] = corpus.Passage{Ordinal: i, PageFrom: 1 + i/3, PageTo: 1 + i/3,
			Text: fmt.Sprintf("Maatregel %d: cameratoezicht in het uitgaansgebied.", i)}
	}
	return ps
}

// searchPlan searches "cameratoezicht" as the search package does and
// reports whether plan key was found and, if so, whether at least want of
// its passages matched and every matching passage could be read by key.
func searchPlan(t testing.TB, ix *indexer.Indexer, key string, want int) (found, whole bool) {
	t.Helper()
	match := func(field string) query.Query {
		q := bleve.NewMatchQuery("cameratoezicht")
		q.SetField(field)
		return q
	}
	err := ix.View(func(s indexer.Snapshot) error {
		plans, err := s.Plans.Search(bleve.NewSearchRequest(match(indexer.FieldBody)))
		if err != nil {
			return err
		}
		for _, h := range plans.Hits {
			found = found || h.ID == key
		}
		if !found {
			return nil
		}
		doc := bleve.NewTermQuery(key)
		doc.SetField(indexer.FieldDocID)
		hits, err := s.Passages.Search(bleve.NewSearchRequestOptions(
			bleve.NewConjunctionQuery(doc, match(indexer.FieldText)), 1000, 0, false))
		if err != nil {
			return err
		}
		var keys []string
		for _, h := range hits.Hits {
			keys = append(keys, h.ID)
		}
		if len(keys) < want {
			return nil
		}
		byKey, err := s.Passages.Search(bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(keys), len(keys), 0, false))
		if err != nil {
			return err
		}
		whole = int(byKey.Total) == len(keys)
		return nil
	})
	if err != nil {
		t.Error(err)
	}
	return found, whole
}
