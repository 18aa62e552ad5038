package ingest_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
)

// indexedPassages is how many passages of document id the passage index holds.
func (d *desk) indexedPassages(t *testing.T, id int64) int {
	t.Helper()
	var n uint64
	err := d.ix.View(func(s indexer.Snapshot) error {
		q := bleve.NewTermQuery(strconv.FormatInt(id, 10))
		q.SetField(indexer.FieldDocID)
		res, err := s.Passages.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if res != nil {
			n = res.Total
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// TestIngestAgainReindexesWhatTheIndexLacks: 'ivp ingest' killed between
// storing a plan and indexing its passages leaves a plan that is found
// but shows no passages. Ingesting the same file again used to answer
// "already stored" and change nothing; now it indexes the plan again. A
// whole plan, and a withdrawn one, are left as they are.
func TestIngestAgainReindexesWhatTheIndexLacks(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	x, err := ingest.NewExtractor(ingest.Options{}, d.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	p := ingest.NewPipeline(d.store, x, d.ix)
	first := p.Ingest(ctx, "a.pdf", d.plans[0])
	if first.Err != nil || first.Passages == 0 {
		t.Fatalf("first ingest: %+v", first)
	}
	id := first.ID
	err = d.ix.View(func(s indexer.Snapshot) error { // the passage batch never came
		b := s.Passages.NewBatch()
		for i := range first.Passages {
			b.Delete(strconv.FormatInt(id, 10) + "/" + strconv.Itoa(i))
		}
		return s.Passages.Batch(b)
	})
	if err != nil || !d.indexed(t, id) || d.indexedPassages(t, id) != 0 {
		t.Fatalf("crash state not made: %v, plan indexed %v, %d passages", err, d.indexed(t, id), d.indexedPassages(t, id))
	}

	again := p.Ingest(ctx, "a.pdf", d.plans[0])
	if again.Err != nil || !again.Existed || !again.Reindexed || again.ID != id {
		t.Errorf("second ingest: %+v, want existed and re-indexed as document %d", again, id)
	}
	if n := d.indexedPassages(t, id); n != first.Passages {
		t.Errorf("after ingesting again the index holds %d passages of the plan, want %d", n, first.Passages)
	}
	if third := p.Ingest(ctx, "a.pdf", d.plans[0]); !third.Existed || third.Reindexed || third.Err != nil {
		t.Errorf("third ingest of a whole plan: %+v, want existed, not re-indexed", third)
	}

	if err := d.cur.Withdraw(ctx, curator, id, "verouderd"); err != nil {
		t.Fatal(err)
	}
	if w := p.Ingest(ctx, "a.pdf", d.plans[0]); !w.Existed || w.Reindexed || d.indexed(t, id) {
		t.Errorf("ingest of a withdrawn plan: %+v, indexed %v; want it left withdrawn", w, d.indexed(t, id))
	}
}
