package indexer

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/corpus"
)

// A withdrawal or an approval made while a rebuild runs must survive the
// swap: the new generation was filled from the store before the change.
func TestChangesDuringRebuildSurviveTheSwap(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	g, _ := store.Gemeenten().ByCode("GM0202")
	add := func(i int, status corpus.Status) int64 {
		d := corpus.Document{Title: fmt.Sprintf("Plan %d", i), Type: corpus.TypeIVP, PeriodStart: 2024, Source: "x.pdf",
			MediaType: "application/pdf", Status: status, Gemeenten: []corpus.Gemeente{g}}
		id, _, err := store.Add(ctx, d, []corpus.Passage{{PageFrom: 1, PageTo: 1, Text: "Cameratoezicht."}}, []byte(fmt.Sprint("f", i)))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	gone, kept := add(1, corpus.StatusPublished), add(2, corpus.StatusPublished)
	ix, err := Open(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.afterFill = func() {
		// What a withdrawal does: the store changes, then the serving index.
		if err := store.Delete(ctx, gone); err != nil {
			t.Error(err)
		}
		if err := ix.Remove(ctx, gone); err != nil {
			t.Error(err)
		}
	}
	if _, err := ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
	ids := planIDs(t, ix)
	if ids[fmt.Sprint(gone)] || !ids[fmt.Sprint(kept)] || len(ids) != 1 {
		t.Errorf("after the swap the index holds plans %v; want only %d (plan %d was withdrawn during the rebuild)", ids, kept, gone)
	}
}

func planIDs(t *testing.T, ix *Indexer) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := ix.View(func(s Snapshot) error {
		res, err := s.Plans.Search(bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 100, 0, false))
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
