package pdf

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// nlDir holds real Dutch government PDFs beside the project.
const nlDir = "../../../shared/pdfs/nl"

// TestAgainstPdftotext compares the words of every nl PDF with poppler's
// pdftotext: bag-of-words F1 per file. Glued or split words show up here.
func TestAgainstPdftotext(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 40 PDFs with pdftotext; skipped with -short")
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	files, err := filepath.Glob(filepath.Join(nlDir, "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Skipf("test PDFs not found at %s (../shared is absent)", nlDir)
	}
	var scores []float64
	for _, file := range files {
		out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
		ref := strings.Fields(string(out))
		if err != nil || len(ref) == 0 {
			continue
		}
		ours, err := words(file)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(file), err)
			continue
		}
		f1 := pdftest.WordF1(ref, ours)
		scores = append(scores, f1)
		t.Logf("%-70s F1 %.3f (%d words, pdftotext %d)", filepath.Base(file), f1, len(ours), len(ref))
		if f1 < 0.9 {
			t.Errorf("%s: word F1 %.3f against pdftotext", filepath.Base(file), f1)
		}
	}
	slices.Sort(scores)
	if len(scores) > 0 {
		t.Logf("median word F1 %.4f over %d files", scores[len(scores)/2], len(scores))
	}
}

// words reads all lines of a PDF and splits them into words.
func words(file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	r, err := Open(data, 5000)
	if err != nil {
		return nil, err
	}
	var out []string
	for i := 1; i <= r.NumPages(); i++ {
		p, err := r.Page(i)
		if err != nil && !errors.Is(err, ErrPanic) {
			return nil, err
		}
		for _, l := range p.Lines {
			out = append(out, strings.Fields(l.Text)...)
		}
	}
	return out, nil
}
