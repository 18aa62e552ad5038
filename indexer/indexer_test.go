package indexer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

func openStore(t *testing.T, n int) *corpus.Store { return openStoreB(t, n) }

func openStoreB(t testing.TB, n int) *corpus.Store {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for i := 0; i < n; i++ {
		addPlan(t, store, i)
	}
	return store
}

func addPlan(t testing.TB, store *corpus.Store, i int) int64 {
	t.Helper()
	g, _ := store.Gemeenten().ByCode("GM0202")
	d := corpus.Document{Title: fmt.Sprintf("Plan %d", i), Type: corpus.TypeIVP, PeriodStart: 2023, Source: "x.pdf",
		MediaType: "application/pdf", Status: corpus.StatusPublished, Gemeenten: []corpus.Gemeente{g}}
	ps := []corpus.Passage{
		{PageFrom: 1, PageTo: 1, Text: "Cameratoezicht in het uitgaansgebied."},
		{PageFrom: 2, PageTo: 2, Text: "Woninginbraak en inbraakpreventie."},
	}
	id, _, err := store.Add(context.Background(), d, ps, []byte(fmt.Sprintf("file %d", i)))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func count(t *testing.T, ix *indexer.Indexer, q string) (plans, passages uint64) {
	t.Helper()
	err := ix.View(func(s indexer.Snapshot) error {
		match := func(field string) query.Query {
			mq := bleve.NewMatchQuery(q)
			mq.SetField(field)
			return mq
		}
		var planText []query.Query
		for _, f := range indexer.VeldTextFields {
			planText = append(planText, match(f))
		}
		for _, x := range []struct {
			idx bleve.Index
			q   query.Query
			n   *uint64
		}{{s.Plans, bleve.NewDisjunctionQuery(planText...), &plans}, {s.Passages, match(indexer.FieldText), &passages}} {
			res, err := x.idx.Search(bleve.NewSearchRequest(x.q))
			if err != nil {
				return err
			}
			*x.n = res.Total
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return plans, passages
}

func TestRebuildPersistsAcrossReopen(t *testing.T) {
	ctx := context.Background()
	store := openStore(t, 450) // more than two batches
	dir := t.TempDir()
	ix, err := indexer.Open(ctx, dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := ix.Rebuild(ctx, store)
	if err != nil || n != 450 {
		t.Fatalf("rebuild: %d, %v", n, err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = indexer.Open(ctx, dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	plans, passages := count(t, ix, "cameratoezicht")
	if plans != 450 || passages != 450 {
		t.Errorf("after reopen: %d plans, %d passages, want 450 each", plans, passages)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
	if len(gens) != 1 {
		t.Errorf("generations on disk: %v, want only the serving one", gens)
	}
}

func TestAddAndRemove(t *testing.T) {
	ctx := context.Background()
	store := openStore(t, 0)
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	id := addPlan(t, store, 1)
	d, _ := store.Document(ctx, id)
	ps, _ := store.Passages(ctx, id)
	for i := 0; i < 2; i++ { // adding twice must not duplicate
		if err := ix.Add(ctx, d, ps); err != nil {
			t.Fatal(err)
		}
	}
	if p, q := count(t, ix, "woninginbraak"); p != 1 || q != 1 {
		t.Errorf("after add: %d plans, %d passages, want 1 and 1", p, q)
	}
	if err := ix.Remove(ctx, id); err != nil {
		t.Fatal(err)
	}
	if p, q := count(t, ix, "woninginbraak"); p != 0 || q != 0 {
		t.Errorf("after remove: %d plans, %d passages, want none", p, q)
	}
}

func TestRebuildWhileQuerying(t *testing.T) {
	ctx := context.Background()
	store := openStore(t, 100)
	dir := t.TempDir()
	ix, err := indexer.Open(ctx, dir, indexer.Options{BatchSize: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
	var queries, failures atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				plans, _ := count(t, ix, "cameratoezicht")
				queries.Add(1)
				if plans < 100 {
					failures.Add(1)
				}
			}
		}()
	}
	for i := 0; i < 3; i++ {
		if _, err := ix.Rebuild(ctx, store); err != nil {
			t.Error(err)
		}
	}
	close(stop)
	wg.Wait()
	if failures.Load() > 0 || queries.Load() == 0 {
		t.Errorf("%d of %d queries came back short during rebuilds", failures.Load(), queries.Load())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 { // CURRENT and one generation
		t.Errorf("index dir holds %d entries after rebuilds, want 2", len(entries))
	}
}

func TestSecondRebuildIsRefused(t *testing.T) {
	ctx := context.Background()
	store := openStore(t, 300)
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	errs := make(chan error, 2)
	for i := 0; i < 2; i++ {
		go func() { _, err := ix.Rebuild(ctx, store); errs <- err }()
	}
	var refused int
	for i := 0; i < 2; i++ {
		if err := <-errs; err == indexer.ErrRebuildRunning {
			refused++
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if refused != 1 {
		t.Errorf("%d of two concurrent rebuilds refused, want 1", refused)
	}
}

func TestStaleMappingIsReported(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix, err := indexer.Open(ctx, dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Stale() {
		t.Error("a fresh index is stale")
	}
	ix.Close()
	cur, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
	mapping := filepath.Join(dir, strings.TrimSpace(string(cur)), "MAPPING")
	if err := os.WriteFile(mapping, []byte("0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err = indexer.Open(ctx, dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.Stale() {
		t.Error("an index built with another mapping is not reported stale")
	}
	if _, err := ix.Rebuild(ctx, openStore(t, 1)); err != nil || ix.Stale() {
		t.Errorf("after a rebuild: err %v, stale %v", err, ix.Stale())
	}
}

// TestCancelledRebuildKeepsServing: a rebuild stopped part-way (here by
// its context, with batches of one plan written by three workers) reports
// the error, leaves the serving index as it was and removes what it built.
func TestCancelledRebuildKeepsServing(t *testing.T) {
	ctx := context.Background()
	store := openStore(t, 40)
	dir := t.TempDir()
	ix, err := indexer.Open(ctx, dir, indexer.Options{BatchSize: 1, RebuildWorkers: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
	for i := 40; i < 400; i++ {
		addPlan(t, store, i)
	}
	cctx, cancel := context.WithCancel(ctx)
	var once sync.Once
	go func() {
		// cancel once the new generation exists
		for {
			if gens, _ := filepath.Glob(filepath.Join(dir, "gen-*")); len(gens) > 1 {
				once.Do(cancel)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	if _, err := ix.Rebuild(cctx, store); err == nil {
		t.Fatal("a cancelled rebuild reported success")
	}
	once.Do(cancel)
	if plans, passages := count(t, ix, "cameratoezicht"); plans != 40 || passages != 40 {
		t.Errorf("after the cancelled rebuild: %d plans, %d passages, want the 40 served before", plans, passages)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
	if len(gens) != 1 {
		t.Errorf("generations on disk: %v, want only the serving one", gens)
	}
}
