package indexer_test

import (
	"context"
	"testing"

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
