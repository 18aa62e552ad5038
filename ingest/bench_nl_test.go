package ingest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// nlFile is one PDF of the nl set, read into memory, with its page count.
type nlFile struct {
	path  string
	data  []byte
	pages int
}

// loadNL reads the nl set and keeps the files we extract, or skips.
func loadNL(b *testing.B, x *Extractor) []nlFile {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedPDFs, "nl", "*.pdf"))
	if len(paths) == 0 {
		b.Skipf("test PDFs not found at %s/nl (../shared is absent)", sharedPDFs)
	}
	var out []nlFile
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if ex, err := x.Extract(context.Background(), p, data); err == nil {
			out = append(out, nlFile{p, data, ex.Document.Pages})
		}
	}
	return out
}

// BenchmarkExtractNL extracts the nl set one file after another: ours
// in-process, ours in a worker process per file (as ingest runs it), and
// pdftotext, the peer baseline, in the same run. Each reports pages/s;
// the pdftotext run also reports how many times its time ours takes
// (ours/pdftotext; the bar is 2).
func BenchmarkExtractNL(b *testing.B) {
	x := newTestExtractor(b)
	files := loadNL(b, x)
	pages := 0
	for _, f := range files {
		pages += f.pages
	}
	var ours float64 // seconds per page, in-process
	b.Run("ours", func(b *testing.B) {
		ours = benchPages(b, pages, func() { extractAll(b, x, files) })
	})
	b.Run("ours-worker", func(b *testing.B) {
		iso := isolatedExtractor(b, modeWorker, DefaultOptions())
		benchPages(b, pages, func() { extractAll(b, iso, files) })
	})
	b.Run("pdftotext", func(b *testing.B) {
		tool, err := exec.LookPath("pdftotext")
		if err != nil {
			b.Skip("pdftotext not installed")
		}
		theirs := benchPages(b, pages, func() { pdftotextAll(b, tool, files) })
		if ours > 0 {
			b.ReportMetric(ours/theirs, "ours/pdftotext")
		}
	})
}

// benchPages runs one pass over the set per iteration, reports pages/s
// and returns seconds per page.
func benchPages(b *testing.B, pages int, pass func()) float64 {
	b.ReportAllocs()
	start := time.Now()
	n := 0
	for b.Loop() {
		pass()
		n++
	}
	perPage := time.Since(start).Seconds() / float64(n*pages)
	b.ReportMetric(1/perPage, "pages/s")
	return perPage
}

func extractAll(b *testing.B, x *Extractor, files []nlFile) {
	for _, f := range files {
		if _, err := x.Extract(context.Background(), f.path, f.data); err != nil {
			b.Fatalf("%s: %v", f.path, err)
		}
	}
}

func pdftotextAll(b *testing.B, tool string, files []nlFile) {
	for _, f := range files {
		if err := exec.Command(tool, "-enc", "UTF-8", f.path, os.DevNull).Run(); err != nil {
			b.Fatalf("pdftotext %s: %v", f.path, err)
		}
	}
}
