package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// TestOCRScans scans pages of a generated plan (at 300 and 200 dpi, clean,
// with speckle and skew, and with a page upside down or on its side),
// extracts the image-only PDFs and scores the passages against the
// generator's truth: the bars of issue 18. The pages are marked as read
// by OCR, turned pages with their rotation, and every passage carries the
// mark.
func TestOCRScans(t *testing.T) {
	e := ocrEngine(t)
	plan := generatedPlan(t, 11)
	pages := bodyPages(t, e, plan, 2, 150)
	x := ocrExtractor(t, e, Options{})
	tests := []struct {
		name     string
		dpi      int
		effects  []pageEffect
		bar      float64
		rotation []int // per page
	}{
		{"300 dpi clean", 300, []pageEffect{clean, clean}, barOCRClean, []int{0, 0}},
		{"300 dpi noise, skew, a page upside down", 300, []pageEffect{noisySkewed(1.5),
			func(s pdftest.Scan) pdftest.Scan { return noisySkewed(-2)(s).Turned(180) }}, barOCRNoisy, []int{0, 180}},
		{"200 dpi, a page on its side", 200, []pageEffect{func(s pdftest.Scan) pdftest.Scan { return s.Turned(90) }},
			barOCRNoisy, []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := pages[:len(tt.effects)]
			f1, ex := ocrF1(t, x, scanOf(t, e, plan, tt.dpi, pages, tt.effects), truthWords(plan.truth, pages))
			t.Logf("word F1 %.4f (bar %.2f), pages %+v", f1, tt.bar, ex.Document.OCR)
			if f1 < tt.bar {
				t.Errorf("word F1 %.4f, below the bar %.2f", f1, tt.bar)
			}
			checkOCRPages(t, ex, []int{1, 2}[:len(pages)], tt.rotation)
		})
	}
}

// checkOCRPages checks that the pages want, and only they, were read by
// OCR with the given rotations, and that their passages carry the mark.
func checkOCRPages(t *testing.T, ex *Extracted, want, rotation []int) {
	t.Helper()
	if got := ex.Document.OCRPageNumbers(); !slices.Equal(got, want) {
		t.Errorf("pages read by OCR %v, want %v (%+v)", got, want, ex.Document.OCR)
	}
	for i, p := range ex.Document.OCR {
		// -1: either way; Tesseract reads a page on its side as it is at times.
		if rotation != nil && i < len(rotation) && rotation[i] >= 0 && p.Rotation != rotation[i] {
			t.Errorf("page %d turned %d°, want %d°", p.Page, p.Rotation, rotation[i])
		}
	}
	for _, ps := range ex.Passages {
		if ps.OCR != slices.Contains(want, ps.PageFrom) {
			t.Errorf("passage on page %d: OCR mark %v", ps.PageFrom, ps.OCR)
		}
	}
	if !strings.HasSuffix(ex.Document.ExtractorVersion, OCRVersion) {
		t.Errorf("extractor version %q lacks %q", ex.Document.ExtractorVersion, OCRVersion)
	}
}

// TestOCRBounds feeds OCR what would take it too long or too much memory
// and finds each refused or bounded quickly, with a Dutch reason.
func TestOCRBounds(t *testing.T) {
	e := ocrEngine(t)
	x := ocrExtractor(t, e, Options{})
	// Every other pixel black or white at random, A6 at 300 dpi.
	noise := pdftest.Scan{W: 1240, H: 1754, PageW: 298, PageH: 421, Pix: make([]byte, 1240*1754)}.Noisy(0.5, 0, 3)
	tests := []struct {
		name   string
		pdf    []byte
		want   error
		reason string
		within time.Duration
	}{
		{"2,000 scanned pages", pdftest.ScanPDF(slices.Repeat([]pdftest.Scan{{W: 600, H: 800, PageW: 595, PageH: 842}}, 2000)...),
			ErrOCRPages, "te veel gescande pagina's voor OCR: 2000 (ten hoogste 50)", 20 * time.Second},
		{"a page of pure noise", pdftest.ScanPDF(noise), ErrNoText, "geen tekstlaag, en OCR vond geen leesbare tekst", time.Minute},
		{"an image of 20,000 × 20,000 pixels", pdftest.ScanPDF(pdftest.Scan{W: 20000, H: 20000, PageW: 595, PageH: 842}),
			ErrNoText, "geen tekstlaag, en OCR vond geen leesbare tekst (pagina of afbeelding te groot voor OCR)", 20 * time.Second},
		{"a page of 20,000 × 20,000 points", pdftest.ScanPDF(pdftest.Scan{W: 1000, H: 1000, PageW: 20000, PageH: 20000}),
			ErrNoText, "geen tekstlaag, en OCR vond geen leesbare tekst (pagina of afbeelding te groot voor OCR)", 20 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := x.Extract(context.Background(), "scan.pdf", tt.pdf)
			checkRefusal(t, err, tt.want, tt.reason)
			if d := time.Since(start); d > tt.within {
				t.Errorf("took %v, want within %v", d, tt.within)
			}
		})
	}
}

// checkRefusal checks that err is an *Error wrapping want with reason.
func checkRefusal(t *testing.T, err, want error, reason string) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok || !errors.Is(err, want) {
		t.Fatalf("Extract: %v; want *Error wrapping %v", err, want)
	}
	if e.Reason != reason {
		t.Errorf("reason %q, want %q", e.Reason, reason)
	}
}

// TestOCROffSaysWhy: without OCR a scan is refused as before, with why
// OCR did not read it.
func TestOCROffSaysWhy(t *testing.T) {
	gmX := newTestExtractor(t)
	o := gmX.opts
	o.OCR.Off = "OCR niet beschikbaar: tesseract ontbreekt"
	x := &Extractor{opts: o, gm: gmX.gm}
	_, err := x.Extract(context.Background(), "scan.pdf", pdftest.Drawings(t, 2))
	checkRefusal(t, err, ErrNoText, "geen tekstlaag (gescand?); OCR niet beschikbaar: tesseract ontbreekt")
}

// TestOCRInWorker reads a scanned page in a worker process whose own time
// limit is far below what OCR takes: each page that needs OCR extends
// it, and its progress comes through to the caller.
func TestOCRInWorker(t *testing.T) {
	e := ocrEngine(t)
	plan := generatedPlan(t, 11)
	pages := bodyPages(t, e, plan, 1, 150)
	o := Options{Timeout: 500 * time.Millisecond}
	o.OCR.Pdftoppm, o.OCR.Tesseract = e.Pdftoppm, e.Tesseract
	x := isolatedExtractor(t, modeWorker, o)
	var mu sync.Mutex
	var got []Progress
	ctx := WithProgress(context.Background(), func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		if !p.Text {
			got = append(got, p)
		}
	})
	ex, err := x.Extract(ctx, "scan.pdf", scanOf(t, e, plan, 300, pages, []pageEffect{clean}))
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	want := []Progress{{Source: "scan.pdf", Total: 1}, {Source: "scan.pdf", Page: 1, Done: 1, Total: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("progress %+v, want %+v", got, want)
	}
	checkOCRPages(t, ex, []int{1}, nil)
}

// TestOCRWorkerStoppedMidPage stops an extraction while tesseract reads
// pages of noise in the worker: the worker and the programs it runs are
// gone at once, and so are its temporary files.
func TestOCRWorkerStoppedMidPage(t *testing.T) {
	e := ocrEngine(t)
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("needs /proc to see the worker's programs")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	o := Options{}
	o.OCR.Pdftoppm, o.OCR.Tesseract = e.Pdftoppm, e.Tesseract
	x := isolatedExtractor(t, modeWorker, o)
	noise := pdftest.Scan{W: 2480, H: 3508, PageW: 595, PageH: 842, Pix: make([]byte, 2480*3508)}.Noisy(0.5, 0, 5)
	started := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(WithProgress(context.Background(), func(p Progress) {
		if p.Text {
			return
		}
		select {
		case started <- struct{}{}:
		default:
		}
	}))
	go func() { <-started; time.Sleep(1500 * time.Millisecond); cancel() }()
	// Six pages, two at a time: work for longer than the wait.
	pages := slices.Repeat([]pdftest.Scan{noise}, 6)
	if _, err := x.Extract(ctx, "noise.pdf", pdftest.ScanPDF(pages...)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Extract: %v, want context.Canceled", err)
	}
	if left := programsIn(t, tmp); len(left) > 0 {
		t.Errorf("programs of the stopped worker still run: %v", left)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// programsIn lists the processes whose TMPDIR lies in dir: the worker and
// its programs, which inherit it. It waits up to a second for them to go.
func programsIn(t *testing.T, dir string) []string {
	t.Helper()
	var left []string
	for deadline := time.Now().Add(time.Second); ; time.Sleep(50 * time.Millisecond) {
		left = left[:0]
		procs, _ := filepath.Glob("/proc/[0-9]*/environ")
		for _, p := range procs {
			env, err := os.ReadFile(p)
			if err == nil && bytes.Contains(env, []byte("TMPDIR="+dir+"/ivp-worker-")) {
				cmd, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "cmdline"))
				left = append(left, strings.ReplaceAll(string(cmd), "\x00", " "))
			}
		}
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
	}
}
