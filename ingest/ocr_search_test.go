package ingest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
)

// TestOCRScanIsFoundBySearch ingests a scanned page of a generated plan
// beside the text PDF of another plan, through the pipeline into a real
// store and index, and finds every truth passage of the page by a phrase
// of it: the scan, on its page, with the OCR mark stored.
func TestOCRScanIsFoundBySearch(t *testing.T) {
	e := ocrEngine(t)
	ctx := context.Background()
	plan, other := generatedPlan(t, 11), generatedPlan(t, 12)
	pages := bodyPages(t, e, plan, 1, 150)
	store, ix := openStoreAndIndex(t)
	p := NewPipeline(store, ocrExtractor(t, e, Options{}), ix)
	scan := p.Ingest(ctx, "scan.pdf", scanOf(t, e, plan, 300, pages, []pageEffect{noisySkewed(1)}))
	if scan.Err != nil || scan.OCRPages != 1 {
		t.Fatalf("ingest scan: %+v", scan)
	}
	if out := p.Ingest(ctx, "text.pdf", readFile(t, other.path)); out.Err != nil || out.OCRPages != 0 {
		t.Fatalf("ingest text plan: %+v", out)
	}
	checkStoredMarks(t, store, scan.ID)
	s := search.New(ix)
	for _, tp := range plan.truth.Passages {
		if tp.Page != pages[0] {
			continue
		}
		ws := words(tp.Text)
		phrase := `"` + strings.Join(ws[2:min(len(ws), 7)], " ") + `"`
		res, err := s.Search(ctx, search.Request{Query: phrase})
		if err != nil {
			t.Fatal(err)
		}
		if !foundOnPage(res, scan.ID, 1) {
			t.Errorf("%s: the scan is not found on page 1 (%d results)", phrase, res.Total)
		}
	}
}

// foundOnPage reports whether document id is among the results with a
// passage on page.
func foundOnPage(res *search.Result, id int64, page int) bool {
	for _, d := range res.Documents {
		for _, ps := range d.Passages {
			if d.ID == id && ps.Page == page {
				return true
			}
		}
	}
	return false
}

// checkStoredMarks checks that the store holds the scan's OCR page and
// the mark on all of its passages.
func checkStoredMarks(t *testing.T, store *corpus.Store, id int64) {
	t.Helper()
	d, err := store.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := store.Passages(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for _, p := range ps {
		if p.OCR {
			marked++
		}
	}
	if fmt.Sprint(d.OCRPageNumbers()) != "[1]" || marked != len(ps) || marked == 0 {
		t.Errorf("stored: OCR pages %+v, %d of %d passages marked", d.OCR, marked, len(ps))
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// openStoreAndIndex opens a store and an index in temporary directories,
// closed when the test ends.
func openStoreAndIndex(t *testing.T) (*corpus.Store, *indexer.Indexer) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return store, ix
}
