package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOCRSharedScans extracts every file of the shared test PDFs that has
// no text layer with OCR on, in a worker process as ivp runs it: each
// comes out with text, or refused with a Dutch reason (a file the PDF
// library cannot read stays "interne fout bij het lezen"); none runs past
// the time or memory limit. The real scans (nl/) are read whole, which takes a
// while: they run with IVP_OCR_BENCH=1 only; the small files of robust/
// always.
func TestOCRSharedScans(t *testing.T) {
	e := ocrEngine(t)
	rows := readManifest(t)
	o := DefaultOptions()
	o.OCR.Pdftoppm, o.OCR.Tesseract = e.Pdftoppm, e.Tesseract
	x := isolatedExtractor(t, modeWorker, o)
	n := 0
	for _, row := range rows {
		if !strings.Contains(row.flags, "NO-TEXT-LAYER") {
			continue
		}
		if strings.HasPrefix(row.file, "nl/") && os.Getenv(ocrBenchEnv) == "" {
			t.Logf("%s: a real scan of %d pages, read with %s=1 only", row.file, row.pages, ocrBenchEnv)
			continue
		}
		n++
		data, err := os.ReadFile(filepath.Join(sharedPDFs, row.file))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Extract(context.Background(), row.file, data)
		checkSharedScan(t, row, ex, err)
	}
	if n == 0 {
		t.Skip("no file without a text layer in the shared test PDFs")
	}
}

// checkSharedScan checks one outcome: text (for a real scan, most of its
// pages read by OCR), or a refusal with a reason that is not a crash.
func checkSharedScan(t *testing.T, row manifestRow, ex *Extracted, err error) {
	t.Helper()
	var e *Error
	switch {
	case err == nil:
		read := ex.Document.OCRPageNumbers()
		t.Logf("%s: %d pages, %d read by OCR, %d passages, %d words", row.file, ex.Document.Pages, len(read),
			len(ex.Passages), len(passageWords(ex)))
		if strings.HasPrefix(row.file, "nl/") && len(read) < row.pages/2 {
			t.Errorf("%s: %d of %d pages read by OCR", row.file, len(read), row.pages)
		}
	case !errors.As(err, &e):
		t.Errorf("%s: error without a reason: %v", row.file, err)
	case errors.Is(err, ErrTimeout) || errors.Is(err, ErrMemory):
		t.Errorf("%s: OCR ran past the limits: %s: %v", row.file, e.Reason, err)
	case strings.HasPrefix(row.file, "nl/"):
		t.Errorf("%s: a real scan refused: %s", row.file, e.Reason)
	default:
		t.Logf("%s: refused: %s", row.file, e.Reason)
	}
}
