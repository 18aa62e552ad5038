package indexer_test

import (
	"context"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
)

// BenchmarkRebuild measures a full rebuild of 200 small plans; passages/s
// is the figure to compare between runs.
func BenchmarkRebuild(b *testing.B) {
	ctx := context.Background()
	store := openStoreB(b, 200)
	ix, err := indexer.Open(ctx, b.TempDir(), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ix.Rebuild(ctx, store); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(400*b.N)/b.Elapsed().Seconds(), "passages/s")
}

// BenchmarkRebuildGenerated rebuilds 400 generated plans (about 21,000
// passages of realistic length and vocabulary): the figure behind the
// rebuild-throughput goal.
func BenchmarkRebuildGenerated(b *testing.B) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	seq, err := gen.Texts(ctx, 400, 1, store.Gemeenten())
	if err != nil {
		b.Fatal(err)
	}
	passages := 0
	for pt, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil {
			b.Fatal(err)
		}
		passages += len(pt.Passages)
	}
	ix, err := indexer.Open(ctx, b.TempDir(), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	b.ResetTimer()
	for b.Loop() {
		if _, err := ix.Rebuild(ctx, store); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(passages*b.N)/b.Elapsed().Seconds(), "passages/s")
}
