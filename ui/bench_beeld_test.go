package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// beeldBenchPlans is the size of the overview benchmark's corpus.
const beeldBenchPlans = 20_000

// BenchmarkOverview20k serves the overview pages (landelijk beeld with and
// without filters, its JSON, a gemeente page, the speerpunten matrix) from a store of 20,000
// generated plans (gen.Texts, kept in IVP_BENCH_DIR, default
// /tmp/ivp-bench, for the next run). The beeld is built once per index
// generation: the first request builds it (reported as cold-ms), the
// timed ones read it. The index is empty: the pages read the store, and
// the index only names the generation. It runs only with
// IVP_BENCH_LARGE=1 (make bench).
func BenchmarkOverview20k(b *testing.B) {
	if os.Getenv("IVP_BENCH_LARGE") != "1" {
		b.Skip("set IVP_BENCH_LARGE=1 to run the 20,000-plan overview benchmark")
	}
	ctx := context.Background()
	store := beeldBenchStore(b, ctx)
	ix, err := indexer.Open(ctx, b.TempDir(), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	h, err := ui.New(ui.Options{Version: "bench"}, search.New(ix), store, ix)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if code, _ := serve(h, "/landelijk-beeld"); code != http.StatusOK {
		b.Fatalf("status %d", code)
	}
	cold := time.Since(start)
	for _, path := range []string{"/landelijk-beeld", "/landelijk-beeld?provincie=Gelderland&klasse=4",
		"/api/v1/landelijk-beeld", "/gemeenten/GM0363", "/speerpunten", "/speerpunten?sort=5.2&provincie=Utrecht"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				code, n := serve(h, path)
				if code != http.StatusOK {
					b.Fatalf("%s: status %d", path, code)
				}
				size = n
			}
			b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
			b.ReportMetric(float64(size), "page-bytes")
			b.ReportMetric(float64(gzipSize(h, path)), "gzip-bytes")
		})
	}
}

// serve answers one GET and returns the status and the size of the body.
func serve(h http.Handler, path string) (int, int) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.Len()
}

// beeldBenchStore opens the cached store of beeldBenchPlans plans,
// generating it first when it is missing or incomplete.
func beeldBenchStore(b *testing.B, ctx context.Context) *corpus.Store {
	dir := filepath.Join(envOr("IVP_BENCH_DIR", "/tmp/ivp-bench"), fmt.Sprintf("plans-%d-seed1", beeldBenchPlans))
	done := filepath.Join(dir, "COMPLETE")
	if _, err := os.Stat(done); err != nil {
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := fillPlans(ctx, dir, beeldBenchPlans); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(done, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d plans in %s", beeldBenchPlans, time.Since(start).Round(time.Second))
	}
	store, err := corpus.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	return store
}

// fillPlans stores n generated plans in a new store in dir.
func fillPlans(ctx context.Context, dir string, n int) error {
	store, err := corpus.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer store.Close()
	seq, err := gen.Texts(ctx, n, 1, store.Gemeenten())
	if err != nil {
		return err
	}
	for pt, err := range seq {
		if err != nil {
			return err
		}
		if _, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil {
			return err
		}
	}
	return nil
}

// gzipSize is the size of the answer to a client that accepts gzip.
func gzipSize(h http.Handler, path string) int {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Body.Len()
}
