package indexer_test

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
)

// BenchmarkSearchDuringRebuild rebuilds 200 generated plans while two
// clients search and a curator re-indexes plans one after another (what
// approvals and edits do, far faster than curators work), and reports the longest search and the 99th percentile
// during the rebuild: the swap and the catch-up on the changes must not
// stall searches.
func BenchmarkSearchDuringRebuild(b *testing.B) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	seq, err := gen.Texts(ctx, 200, 1, store.Gemeenten())
	if err != nil {
		b.Fatal(err)
	}
	var docs []corpus.Document
	for pt, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		id, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File)
		if err != nil {
			b.Fatal(err)
		}
		d, err := store.Document(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	ix, err := indexer.Open(ctx, b.TempDir(), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Rebuild(ctx, store); err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	edits := 0
	b.ResetTimer()
	for b.Loop() {
		t, n := searchDuringRebuild(b, ix, store, docs)
		took, edits = append(took, t...), edits+n
	}
	slices.Sort(took)
	if len(took) > 0 {
		b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
		b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	}
	b.ReportMetric(float64(len(took))/float64(b.N), "searches/op")
	b.ReportMetric(float64(edits)/float64(b.N), "edits/op")
}

// searchDuringRebuild runs one rebuild with two searching clients and one
// re-indexing plans, and returns how long each search took and how many
// plans were re-indexed.
func searchDuringRebuild(b *testing.B, ix *indexer.Indexer, store *corpus.Store, docs []corpus.Document) ([]time.Duration, int) {
	ctx := context.Background()
	key := strconv.FormatInt(docs[0].ID, 10)
	done := make(chan struct{})
	var mu sync.Mutex
	var took []time.Duration
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				start := time.Now()
				searchPlan(b, ix, key, 0)
				mu.Lock()
				took = append(took, time.Since(start))
				mu.Unlock()
			}
		})
	}
	edits := 0
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			d := docs[i%len(docs)]
			ps, err := store.Passages(ctx, d.ID)
			if err == nil {
				err = ix.Add(ctx, d, ps)
			}
			if err != nil {
				b.Error(err)
				return
			}
			edits++
		}
	})
	if _, err := ix.Rebuild(ctx, store); err != nil {
		b.Error(err)
	}
	close(done)
	wg.Wait()
	return took, edits
}
