package ingest

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// TestPipelineRecordsScanPages ingests a scan through a worker process and
// finds it refused as having no text layer, with its page count, in the
// outcome and in the store's rejections.
func TestPipelineRecordsScanPages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := corpus.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p := NewPipeline(store, isolatedExtractor(t, modeWorker, DefaultOptions()), nil)
	out := p.Ingest(ctx, "scan.pdf", pdftest.Drawings(t, 5))
	if out.Reason != "geen tekstlaag (gescand?)" || out.Pages != 5 || out.ID != 0 {
		t.Fatalf("outcome %+v, want refused without text layer, 5 pages", out)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "ivp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var reason string
	var pages int
	if err := db.QueryRow(`SELECT reason, pages FROM rejections WHERE source = 'scan.pdf'`).Scan(&reason, &pages); err != nil {
		t.Fatal(err)
	}
	if reason != out.Reason || pages != 5 {
		t.Errorf("rejection stored as %q, %d pages; want %q, 5", reason, pages, out.Reason)
	}
	if c, _ := store.Counts(ctx); c.Documents != 0 {
		t.Errorf("%d documents stored, want none", c.Documents)
	}
}
