package ingest

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/ingest/internal/pdftest"
	"github.com/ccv/ivp/ingest/ocr"
)

// Bars of issue 18 on the word F1 of scanned pages against the truth.
const (
	barOCRClean = 0.95 // 300 dpi, clean
	barOCRNoisy = 0.90 // with noise and 1-2° skew
)

// ocrEngine returns the OCR programs, or skips the test: under -short,
// and when they are not installed.
func ocrEngine(t testing.TB) ocr.Engine {
	t.Helper()
	if testing.Short() {
		t.Skip("OCR is slow: skipped under -short")
	}
	e, err := ocr.Find()
	if err == nil {
		err = e.HasLanguage(context.Background())
	}
	if err != nil {
		t.Skipf("OCR programs absent (apt-get install tesseract-ocr tesseract-ocr-nld tesseract-ocr-osd poppler-utils): %v", err)
	}
	return e
}

// ocrExtractor is an extractor with OCR on, in-process.
func ocrExtractor(t testing.TB, e ocr.Engine, o Options) *Extractor {
	t.Helper()
	o.OCR.Pdftoppm, o.OCR.Tesseract = e.Pdftoppm, e.Tesseract
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(o, gm)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// scanPlan is a generated plan to make scans of: its file and truth.
type scanPlan struct {
	path  string
	truth truthPlan
}

// generatedPlan generates one plan as a text PDF with its truth.
func generatedPlan(t testing.TB, seed int64) scanPlan {
	t.Helper()
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := gen.Generate(context.Background(), gen.Options{Out: dir, Plans: 1, Seed: seed}, gm); err != nil {
		t.Fatal(err)
	}
	p := readTruthPlans(t, filepath.Join(dir, "truth.jsonl"))[0]
	return scanPlan{path: filepath.Join(dir, p.File), truth: p}
}

// pageEffect is what happens to a page between the printer and the
// scanner.
type pageEffect func(pdftest.Scan) pdftest.Scan

func clean(s pdftest.Scan) pdftest.Scan { return s }

// noisySkewed is speckle and a skew of deg degrees.
func noisySkewed(deg float64) pageEffect {
	return func(s pdftest.Scan) pdftest.Scan { return s.Noisy(0.01, 40, 7).Skewed(deg) }
}

// scanOf renders pages of the plan at dpi, applies effects (one per page)
// and packs them as an image-only PDF.
func scanOf(t testing.TB, e ocr.Engine, plan scanPlan, dpi int, pages []int, effects []pageEffect) []byte {
	t.Helper()
	var scans []pdftest.Scan
	for i, n := range pages {
		s, err := pdftest.Render(e.Pdftoppm, plan.path, n, dpi)
		if err != nil {
			t.Fatal(err)
		}
		scans = append(scans, effects[i](s))
	}
	return pdftest.ScanPDF(scans...)
}

// truthWords are the words of the truth passages that lie on pages, and
// of their headings.
func truthWords(p truthPlan, pages []int) []string {
	var out []string
	seen := map[string]bool{}
	for _, tp := range p.Passages {
		if !slices.Contains(pages, tp.Page) || !slices.Contains(pages, max(tp.Page, tp.PageEnd)) {
			continue
		}
		for _, h := range tp.Headings {
			if !seen[h] {
				seen[h] = true
				out = append(out, words(h)...)
			}
		}
		out = append(out, words(tp.Text)...)
	}
	return out
}

// ocrF1 extracts a scan and scores the words of its passages and their
// headings against the truth words: headings count on both sides, since
// OCR gives no fonts to tell them by.
func ocrF1(t testing.TB, x *Extractor, scan []byte, ref []string) (float64, *Extracted) {
	t.Helper()
	ex, err := x.Extract(context.Background(), "scan.pdf", scan)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return pdftest.WordF1(ref, words(strings.Join(passageWords(ex), " "))), ex
}

// bodyPages returns the first n pages of the plan that hold at least
// minWords words of truth passages, make up most of the page's words
// (pdftotext's; no table, cover or contents page) and that no passage runs
// into or out of: text pages that can be scored alone.
func bodyPages(t testing.TB, e ocr.Engine, plan scanPlan, n, minWords int) []int {
	t.Helper()
	count, crossed := map[int]int{}, map[int]bool{}
	for _, tp := range plan.truth.Passages {
		if tp.PageEnd > tp.Page {
			for pg := tp.Page; pg <= tp.PageEnd; pg++ {
				crossed[pg] = true
			}
			continue
		}
		count[tp.Page] += len(words(tp.Text))
	}
	var out []int
	for pg := 1; len(out) < n && pg <= 200; pg++ {
		if count[pg] >= minWords && !crossed[pg] && float64(count[pg]) >= 0.85*float64(pageWords(t, e, plan.path, pg)) {
			out = append(out, pg)
		}
	}
	if len(out) < n {
		t.Fatalf("plan %s has %d whole text pages, want %d", plan.truth.File, len(out), n)
	}
	return out
}

// pageWords counts the words pdftotext finds on page n of the PDF at
// path (pdftotext comes with pdftoppm, in poppler-utils).
func pageWords(t testing.TB, e ocr.Engine, path string, n int) int {
	t.Helper()
	num := strconv.Itoa(n)
	out, err := exec.Command(filepath.Join(filepath.Dir(e.Pdftoppm), "pdftotext"), "-f", num, "-l", num, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s page %d: %v", path, n, err)
	}
	return len(words(string(out)))
}
