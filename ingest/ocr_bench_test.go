package ingest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/ingest/internal/pdftest"
	"github.com/ccv/ivp/ingest/ocr"
)

// ocrBenchEnv turns on the fuller OCR measurement of 'make bench'.
const ocrBenchEnv = "IVP_OCR_BENCH"

// ocrCondition is one way of scanning: resolution and what happens to the
// pages.
type ocrCondition struct {
	name   string
	dpi    int
	bar    float64 // 0: measured, no bar
	effect func(i int, s pdftest.Scan) pdftest.Scan
}

// scanned is speckle and a skew that varies by page between -2° and 2°,
// with the second page of a plan upside down and the third on its side.
func scanned(i int, s pdftest.Scan) pdftest.Scan {
	skews := []float64{1.5, -2, 1, -1.5, 2, -1}
	s = noisySkewed(skews[i%len(skews)])(s)
	switch i {
	case 1:
		return s.Turned(180)
	case 2:
		return s.Turned(90)
	}
	return s
}

var ocrConditions = []ocrCondition{
	{"300 dpi clean", 300, barOCRClean, func(_ int, s pdftest.Scan) pdftest.Scan { return s }},
	{"300 dpi noise, skew, turned pages", 300, barOCRNoisy, scanned},
	{"200 dpi clean", 200, 0, func(_ int, s pdftest.Scan) pdftest.Scan { return s }},
	{"200 dpi noise, skew, turned pages", 200, 0, scanned},
}

// TestOCRMeasure is the fuller measurement behind IVP_OCR_BENCH=1 (make
// bench): three generated plans, three text pages of each, scanned in
// each condition; word F1 per plan against the truth, the mean checked
// against the bars.
func TestOCRMeasure(t *testing.T) {
	if os.Getenv(ocrBenchEnv) == "" {
		t.Skipf("the fuller OCR measurement runs with %s=1 (make bench)", ocrBenchEnv)
	}
	e := ocrEngine(t)
	x := ocrExtractor(t, e, Options{})
	var plans []scanPlan
	for seed := int64(21); seed <= 23; seed++ {
		plans = append(plans, generatedPlan(t, seed))
	}
	for _, c := range ocrConditions {
		t.Run(c.name, func(t *testing.T) {
			var sum, worst float64 = 0, 1
			start, pages := time.Now(), 0
			for _, plan := range plans {
				ps := bodyPages(t, e, plan, 3, 150)
				effects := make([]pageEffect, len(ps))
				for i := range ps {
					effects[i] = func(s pdftest.Scan) pdftest.Scan { return c.effect(i, s) }
				}
				f1, _ := ocrF1(t, x, scanOf(t, e, plan, c.dpi, ps, effects), truthWords(plan.truth, ps))
				sum, worst, pages = sum+f1, min(worst, f1), pages+len(ps)
			}
			mean := sum / float64(len(plans))
			t.Logf("%-36s word F1 mean %.4f, worst %.4f (%d plans, %d pages, %.2f pages/s with making the scans)", c.name, mean, worst,
				len(plans), pages, float64(pages)/time.Since(start).Seconds())
			if c.bar > 0 && mean < c.bar {
				t.Errorf("mean word F1 %.4f below the bar %.2f", mean, c.bar)
			}
		})
	}
}

// benchScans are the images and the image-only PDF the speed comparison
// reads: four text pages of a generated plan at 300 dpi.
func benchScans(b *testing.B, e ocr.Engine) (pdf []byte, images []string) {
	b.Helper()
	plan := generatedPlan(b, 21)
	pages := bodyPages(b, e, plan, 4, 150)
	var scans []pdftest.Scan
	dir := b.TempDir()
	for i, n := range pages {
		s, err := pdftest.Render(e.Pdftoppm, plan.path, n, 300)
		if err != nil {
			b.Fatal(err)
		}
		scans = append(scans, s)
		img := filepath.Join(dir, fmt.Sprintf("page-%d.pgm", i+1))
		if err := os.WriteFile(img, append([]byte(fmt.Sprintf("P5\n%d %d\n255\n", s.W, s.H)), s.Pix...), 0o644); err != nil {
			b.Fatal(err)
		}
		images = append(images, img)
	}
	return pdftest.ScanPDF(scans...), images
}

// BenchmarkOCR measures pages per second of ivp's OCR path (render,
// straighten, recognise, read into passages; two pages at once) against
// plain tesseract on the same images in the same run: one after another
// with its own threads, and two at once with one thread each, as ivp
// runs it. ivp's overhead is its time over the faster of the two.
func BenchmarkOCR(b *testing.B) {
	e := ocrEngine(b)
	pdf, images := benchScans(b, e)
	x := ocrExtractor(b, e, Options{})
	b.Run("ivp", func(b *testing.B) {
		for b.Loop() {
			if _, err := x.Extract(context.Background(), "scan.pdf", pdf); err != nil {
				b.Fatal(err)
			}
		}
		reportPages(b, len(images))
	})
	b.Run("tesseract", func(b *testing.B) {
		for b.Loop() {
			plainTesseract(b, e, images, 1, nil)
		}
		reportPages(b, len(images))
	})
	b.Run("tesseract-2-at-once", func(b *testing.B) {
		for b.Loop() {
			plainTesseract(b, e, images, 2, []string{"OMP_THREAD_LIMIT=1"})
		}
		reportPages(b, len(images))
	})
}

// plainTesseract reads images with 'tesseract IMAGE OUT -l nld', jobs at
// a time, with env added to the environment.
func plainTesseract(b *testing.B, e ocr.Engine, images []string, jobs int, env []string) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for _, img := range images {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			cmd := exec.Command(e.Tesseract, img, img+".out", "-l", "nld")
			cmd.Env = append(os.Environ(), env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Errorf("tesseract %s: %v: %s", img, err, out)
			}
		}()
	}
	wg.Wait()
}

// reportPages reports pages per second of a benchmark that reads pages
// pages per iteration.
func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}
