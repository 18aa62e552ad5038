package indexer

import (
	"context"
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// catchUpStore is a store with published plans and a function that adds
// one more, published or not.
func catchUpStore(t *testing.T, n int) (*corpus.Store, func(i int, status corpus.Status) corpus.Document) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	g, _ := store.Gemeenten().ByCode("GM0202")
	add := func(i int, status corpus.Status) corpus.Document {
		d := corpus.Document{Title: fmt.Sprintf("Plan %d", i), Type: corpus.TypeIVP, PeriodStart: 2024, Source: "x.pdf",
			MediaType: "application/pdf", Status: status, Gemeenten: []corpus.Gemeente{g}}
		id, _, err := store.Add(ctx, d, []corpus.Passage{{PageFrom: 1, PageTo: 1, Text: "Cameratoezicht."}}, []byte(fmt.Sprint("f", i)))
		if err != nil {
			t.Fatal(err)
		}
		d, err = store.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for i := range n {
		add(i, corpus.StatusPublished)
	}
	return store, add
}

// approve publishes d as a curator does: the store first, then the index.
func approve(t *testing.T, store *corpus.Store, ix *Indexer, d corpus.Document) {
	t.Helper()
	ctx := context.Background()
	_, err := store.SetStatus(ctx, corpus.User{ID: 1, Email: "c@ccv.nl", Role: corpus.RoleCurator}, d.ID,
		corpus.Transition{Action: corpus.ActionApprove, From: []corpus.Status{corpus.StatusPending}, To: corpus.StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	d.Status = corpus.StatusPublished
	ps, err := store.Passages(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(ctx, d, ps); err != nil {
		t.Fatal(err)
	}
}

// TestCatchUpLetsSearchesGoOn: what is approved while a rebuild fills its
// new generation is caught up on before the swap without the write lock,
// so searches keep answering meanwhile; what is approved during that
// catch-up is replayed at the swap. Both plans are in the new generation.
func TestCatchUpLetsSearchesGoOn(t *testing.T) {
	ctx := context.Background()
	store, add := catchUpStore(t, 5)
	duringFill, duringCatchUp := add(10, corpus.StatusPending), add(11, corpus.StatusPending)
	ix, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.afterFill = func() { approve(t, store, ix, duringFill) }
	rounds := 0
	ix.inCatchUp = func() {
		rounds++
		if !ix.mu.TryRLock() {
			t.Error("the catch-up runs while the write lock is held: every search waits for it")
			return
		}
		ix.mu.RUnlock()
		if ids := planIDs(t, ix); !ids[fmt.Sprint(duringFill.ID)] {
			t.Errorf("a search during the catch-up found plans %v, not the one approved during the fill", ids)
		}
		if rounds == 1 {
			approve(t, store, ix, duringCatchUp)
		}
	}
	n, err := ix.Rebuild(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	if rounds == 0 {
		t.Error("the rebuild did not catch up on the plan approved during its fill")
	}
	ids := planIDs(t, ix)
	if len(ids) != 7 || !ids[fmt.Sprint(duringFill.ID)] || !ids[fmt.Sprint(duringCatchUp.ID)] {
		t.Errorf("after the swap the index holds plans %v (rebuild counted %d); want the 5 and both approved ones", ids, n)
	}
}

// TestRebuildLeavesGCSettingsAlone: the server's GC target and memory
// limit are the operator's (GOGC, GOMEMLIMIT); a rebuild inside it does
// not change them.
func TestRebuildLeavesGCSettingsAlone(t *testing.T) {
	ctx := context.Background()
	store, _ := catchUpStore(t, 3)
	ix, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(3 << 30))
	ix.afterFill = func() {
		if gc := debug.SetGCPercent(100); gc != 100 {
			t.Errorf("during a rebuild the GC target is %d, want the process's 100", gc)
		}
		if limit := debug.SetMemoryLimit(-1); limit != 3<<30 {
			t.Errorf("during a rebuild the memory limit is %d, want the process's %d", limit, 3<<30)
		}
	}
	if _, err := ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
}

// TestOpenPurgesRetiredPassages: passages that an update stopped by a
// crash left retired (no longer a plan's, not yet deleted) are gone when
// the index is opened again, and the plan keeps its own.
func TestOpenPurgesRetiredPassages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := corpus.Document{ID: 3, Title: "Plan", Type: corpus.TypeIVP, Status: corpus.StatusPublished}
	ps := []corpus.Passage{{Ordinal: 0, Text: "Cameratoezicht."}, {Ordinal: 1, Text: "Woninginbraak."}}
	if err := ix.Add(ctx, d, ps); err != nil {
		t.Fatal(err)
	}
	left := ix.gen.passages.NewBatch()
	left.Index("3/7", passageDoc(retiredDocID, corpus.Passage{Ordinal: 7, Text: "Cameratoezicht."}))
	if err := ix.gen.passages.Batch(left); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if ix, err = Open(ctx, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	retired, err := passageKeys(ix.gen, retiredDocID)
	if err != nil {
		t.Fatal(err)
	}
	own, err := passageKeys(ix.gen, "3")
	if err != nil {
		t.Fatal(err)
	}
	if len(retired) != 0 || len(own) != 2 {
		t.Errorf("after reopening: retired passages %v, the plan's own %v; want none and two", retired, own)
	}
}
