package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestRereadPage has a curator read a scanned page of a published plan
// again: the plan keeps its text and stays indexed, the audit log records
// the page with its confidence before and after, and a page that was not
// read by OCR, or a user who is no curator, is refused.
func TestRereadPage(t *testing.T) {
	e := ocrEngine(t)
	ctx := context.Background()
	plan := generatedPlan(t, 11)
	pages := bodyPages(t, e, plan, 1, 150)
	store, ix := openStoreAndIndex(t)
	p := NewPipeline(store, ocrExtractor(t, e, Options{}), ix)
	out := p.Ingest(ctx, "scan.pdf", scanOf(t, e, plan, 200, pages, []pageEffect{noisySkewed(-1.5)}))
	if out.Err != nil || out.OCRPages != 1 {
		t.Fatalf("ingest: %+v", out)
	}
	cur, err := NewCurator(p, CuratorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u := corpus.User{ID: 1, Email: "curator@ccv.nl", Role: corpus.RoleCurator}
	if err := cur.RereadPage(ctx, u, out.ID, 1); err != nil {
		t.Fatalf("RereadPage: %v", err)
	}
	audit, err := store.AuditLog(ctx, corpus.AuditFilter{DocumentID: out.ID, Action: corpus.ActionRereadPage})
	if err != nil || len(audit) != 1 || !strings.Contains(string(audit[0].After), `"confidence"`) {
		t.Fatalf("audit: %v %+v", err, audit)
	}
	ps, _ := store.Passages(ctx, out.ID)
	if whole, err := ix.Holds(ctx, mustDocument(t, store, out.ID), len(ps)); err != nil || !whole || len(ps) == 0 {
		t.Errorf("after the reread the index holds the plan whole: %v (%v), %d passages", whole, err, len(ps))
	}
	err = cur.RereadPage(ctx, u, out.ID, 2)
	if fe := corpus.FieldErrorsOf(err); len(fe) != 1 || fe[0].Msg != "Pagina 2 is niet met OCR gelezen." {
		t.Errorf("page 2: %v", err)
	}
	if err := cur.RereadPage(ctx, corpus.User{ID: 9}, out.ID, 1); !errors.Is(err, corpus.ErrForbidden) {
		t.Errorf("no curator: %v, want ErrForbidden", err)
	}
}

func mustDocument(t *testing.T, store *corpus.Store, id int64) corpus.Document {
	t.Helper()
	d, err := store.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
