package indexer_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// checkFixture is a store of published plans, indexed by a rebuild.
type checkFixture struct {
	store *corpus.Store
	ix    *indexer.Indexer
	ids   []int64
}

func newCheckFixture(t *testing.T, n int) *checkFixture {
	t.Helper()
	ctx := context.Background()
	f := &checkFixture{store: openStore(t, 0)}
	for i := range n {
		f.ids = append(f.ids, addPlan(t, f.store, i))
	}
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Rebuild(ctx, f.store); err != nil {
		t.Fatal(err)
	}
	f.ix = ix
	return f
}

// add stores a plan with status st and returns it with its passages.
func (f *checkFixture) add(t *testing.T, i int, st corpus.Status) (corpus.Document, []corpus.Passage) {
	t.Helper()
	ctx := context.Background()
	g, _ := f.store.Gemeenten().ByCode("GM0202")
	d := corpus.Document{Title: fmt.Sprintf("Plan %d", i), Type: corpus.TypeIVP, PeriodStart: 2024, Source: "y.pdf",
		MediaType: "application/pdf", Status: st, Gemeenten: []corpus.Gemeente{g}}
	ps := []corpus.Passage{{PageFrom: 1, PageTo: 1, Text: "Cameratoezicht bij het station."}}
	id, _, err := f.store.Add(ctx, d, ps, fmt.Appendf(nil, "other file %d", i))
	if err != nil {
		t.Fatal(err)
	}
	if d, err = f.store.Document(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ps, err = f.store.Passages(ctx, id); err != nil {
		t.Fatal(err)
	}
	return d, ps
}

// stored reads a document and its passages back from the store.
func (f *checkFixture) stored(t *testing.T, id int64) (corpus.Document, []corpus.Passage) {
	t.Helper()
	d, err := f.store.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.store.Passages(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d, ps
}

// deleteKeys deletes index documents by key, as a crash between two
// batches leaves them: plan keys from the plan index, passage keys
// ("7/1") from the passage index.
func (f *checkFixture) deleteKeys(t *testing.T, plans, passages []string) {
	t.Helper()
	err := f.ix.View(func(s indexer.Snapshot) error {
		for _, k := range plans {
			if err := s.Plans.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range passages {
			if err := s.Passages.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (f *checkFixture) check(t *testing.T) indexer.Report {
	t.Helper()
	r, err := f.ix.Check(context.Background(), f.store)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCheckOfAConsistentIndexFindsNothing(t *testing.T) {
	f := newCheckFixture(t, 5)
	f.add(t, 10, corpus.StatusPending) // stored, rightly not indexed
	r := f.check(t)
	if !r.Consistent() || r.Published != 5 || r.Plans != 5 || r.Passages != 10 {
		t.Errorf("consistent index: %+v, want nothing missing or extra, 5 plans and 10 passages", r)
	}
}

// TestCheckAndRepairAfterCrashes makes, through the index alone, each
// state a process killed between the store and the index (or between the
// index's two batches) leaves behind, and expects Check to name exactly
// those documents and Repair to make searches agree with the store.
func TestCheckAndRepairAfterCrashes(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t, 8)
	key := func(i int) string { return strconv.FormatInt(f.ids[i], 10) }
	f.deleteKeys(t, nil, []string{key(0) + "/0", key(0) + "/1"}) // plan without passages
	f.deleteKeys(t, []string{key(1)}, nil)                       // passages without plan
	f.deleteKeys(t, nil, []string{key(2) + "/1"})                // one passage lost
	if err := f.ix.Remove(ctx, f.ids[3]); err != nil {           // approved, never indexed
		t.Fatal(err)
	}
	d, ps := f.stored(t, f.ids[4]) // metadata edited, index not told
	d.Title = "Oude titel"
	if err := f.ix.Add(ctx, d, ps); err != nil {
		t.Fatal(err)
	}
	w, wps := f.add(t, 20, corpus.StatusWithdrawn) // withdrawn, still indexed
	w.Status = corpus.StatusPublished
	if err := f.ix.Add(ctx, w, wps); err != nil {
		t.Fatal(err)
	}
	if err := f.store.Delete(ctx, f.ids[5]); err != nil { // deleted from the store, still indexed
		t.Fatal(err)
	}
	err := f.ix.View(func(s indexer.Snapshot) error { // set aside by an update, never deleted
		return s.Passages.Index(key(6)+"/7", map[string]any{indexer.FieldDocID: "-", indexer.FieldText: "cameratoezicht"})
	})
	if err != nil {
		t.Fatal(err)
	}

	r := f.check(t)
	wantMissing := []int64{f.ids[0], f.ids[1], f.ids[2], f.ids[3], f.ids[4]}
	wantExtra := []int64{f.ids[5], w.ID}
	slices.Sort(wantExtra)
	if !slices.Equal(r.Missing, wantMissing) || !slices.Equal(r.Extra, wantExtra) || r.Published != 7 ||
		!slices.Equal(r.Stray, []string{"-"}) {
		t.Fatalf("check: missing %v, extra %v, stray %q, published %d; want missing %v, extra %v, stray [-], published 7",
			r.Missing, r.Extra, r.Stray, r.Published, wantMissing, wantExtra)
	}
	if err := f.ix.Repair(ctx, f.store, r); err != nil {
		t.Fatal(err)
	}
	if r := f.check(t); !r.Consistent() || r.Plans != 7 || r.Passages != 14 {
		t.Errorf("after repair: %+v, want consistent with 7 plans and 14 passages", r)
	}
	if plans, passages := count(t, f.ix, "cameratoezicht"); plans != 7 || passages != 7 {
		t.Errorf("search after repair finds %d plans and %d passages, want the 7 published plans and one passage each", plans, passages)
	}
	if plans, _ := count(t, f.ix, "station"); plans != 0 {
		t.Errorf("the withdrawn plan is still found: %d plans", plans)
	}
}

func TestHoldsTellsAWholeDocumentFromAPartOne(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t, 3)
	holds := func(i int) bool {
		t.Helper()
		d, ps := f.stored(t, f.ids[i])
		ok, err := f.ix.Holds(ctx, d, len(ps))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	f.deleteKeys(t, nil, []string{strconv.FormatInt(f.ids[1], 10) + "/1"})
	if err := f.ix.Remove(ctx, f.ids[2]); err != nil {
		t.Fatal(err)
	}
	if !holds(0) || holds(1) || holds(2) {
		t.Errorf("holds: whole %v, one passage lost %v, removed %v; want true, false, false", holds(0), holds(1), holds(2))
	}
}
