package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// ocrScan writes a PDF whose one page is an image of page n of the plan
// at plan: a scan. It skips the test when the OCR programs are absent.
func ocrScan(t *testing.T, plan string, n int, path string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("OCR is slow: skipped under -short")
	}
	if _, err := findOCR(); err != nil {
		t.Skipf("OCR programs absent: %v", err)
	}
	root := filepath.Join(t.TempDir(), "page")
	num := strconv.Itoa(n)
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", num, "-l", num, plan, root).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f := fpdf.New("P", "pt", "A4", "")
	f.AddPage()
	f.ImageOptions(root+".png", 0, 0, 595.28, 841.89, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	if err := f.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestIngestScanWithOCR ingests a scanned page: with OCR (auto, the
// programs installed) it is stored with the page read by OCR and a line
// per page on the way; with --ocr off it is refused as before, saying
// that OCR is off; 'ivp config' says either.
func TestIngestScanWithOCR(t *testing.T) {
	sample := generate(t, 1, 3)
	plan := filepath.Join(sample, readTruth(t, sample)[0].File)
	scan := ocrScan(t, plan, 4, filepath.Join(t.TempDir(), "scan.pdf"))
	code, out, errs := ivp(t, "ingest", "--data", t.TempDir(), scan)
	for _, want := range []string{"ocr  " + scan + ": 1 page without a text layer, reading it by OCR",
		"ocr  " + scan + ": page 1 read (1 of 1)", "ok   " + scan + ": document 1, 1 pages (1 read by OCR)"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("exit %d, output %q (%s); want %q", code, out, errs, want)
		}
	}
	code, out, _ = ivp(t, "ingest", "--ocr", "off", "--data", t.TempDir(), scan)
	if want := "FAIL " + scan + ": geen tekstlaag (gescand?); OCR staat uit (--ocr off) (1 page)"; code != 1 || !strings.Contains(out, want) {
		t.Errorf("--ocr off: exit %d, output %q; want %q", code, out, want)
	}
	for flag, want := range map[string]string{"auto": "ocr (effective)     on: ", "off": "ocr (effective)     off: OCR staat uit (--ocr off)"} {
		if _, out, _ := ivp(t, "config", "--ocr", flag); !strings.Contains(out, want) {
			t.Errorf("ivp config --ocr %s: %q, want %q", flag, out, want)
		}
	}
}
