package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// Bars of the issue on word F1 per document.
const (
	barMedianF1 = 0.98
	barWorstF1  = 0.90
)

// docScore is the word F1 of one document.
type docScore struct {
	name string
	f1   float64
	note string
}

// passageWords are the words of all passages and their headings, the text
// that reaches the index.
func passageWords(ex *Extracted) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ex.Passages {
		for _, h := range p.Headings {
			if !seen[h] {
				seen[h] = true
				out = append(out, strings.Fields(h)...)
			}
		}
		out = append(out, strings.Fields(p.Text)...)
	}
	return out
}

// report logs scores, the median and the worst five, and checks the bars.
func report(t *testing.T, what string, scores []docScore) {
	t.Helper()
	if len(scores) == 0 {
		t.Skipf("%s: no documents", what)
	}
	slices.SortFunc(scores, func(a, b docScore) int { return cmpFloat(a.f1, b.f1) })
	med := scores[len(scores)/2].f1
	t.Logf("%s: %d documents, median word F1 %.4f, worst %.4f", what, len(scores), med, scores[0].f1)
	for _, s := range scores[:min(5, len(scores))] {
		t.Logf("  worst: %-70s %.4f %s", s.name, s.f1, s.note)
	}
	if med < barMedianF1 {
		t.Errorf("%s: median word F1 %.4f below %.2f", what, med, barMedianF1)
	}
	for _, s := range scores {
		if s.f1 < barWorstF1 {
			t.Errorf("%s: %s word F1 %.4f below %.2f", what, s.name, s.f1, barWorstF1)
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// pdftotextText runs pdftotext on file; ok is false when it fails or
// finds no words.
func pdftotextText(tool, file string) (string, bool) {
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	return string(out), err == nil && len(strings.Fields(string(out))) > 0
}

// words splits text into words for F1: runs of letters and digits, with
// the punctuation around them dropped; tokens without a letter or digit
// (bullets, dashes, dot leaders) are not words.
func words(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// readerText is pdftotext's output without what a reader skips and the
// extractor removes on purpose: lines that repeat on many pages (running
// headers and footers, with digits ignored), bare page numbers and table
// of contents lines with dot leaders. It is a rule of its own, simpler
// than the extractor's, so the comparison does not grade itself.
func readerText(out string) string {
	pages := strings.Split(out, "\f")
	seen := map[string]int{}
	for _, p := range pages {
		for l := range lineSet(p) {
			seen[l]++
		}
	}
	limit := max(3, len(pages)/3)
	var b strings.Builder
	for _, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			k := lineKey(l)
			if k == "" || seen[k] >= limit || strings.Contains(l, "....") || isPageNumber(k) {
				continue
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// lineSet returns the distinct line keys of one page.
func lineSet(page string) map[string]bool {
	set := map[string]bool{}
	for _, l := range strings.Split(page, "\n") {
		if k := lineKey(l); k != "" {
			set[k] = true
		}
	}
	return set
}

// lineKey is a line with white space collapsed and digits as '#'.
func lineKey(l string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, strings.Join(strings.Fields(l), " "))
}

// isPageNumber reports whether a line key is a bare page number.
func isPageNumber(k string) bool {
	k = strings.ToLower(strings.TrimSpace(k))
	k = strings.TrimPrefix(strings.TrimPrefix(k, "pagina "), "page ")
	return strings.Trim(k, "#/ -") == "" || strings.Trim(k, "# ") == "van"
}

// TestFidelityNL measures word F1 per nl document against pdftotext
// (readerText of its output), on the cleaned page texts and on the
// passages with their headings (what is indexed).
func TestFidelityNL(t *testing.T) {
	if testing.Short() {
		t.Skip("nl set against pdftotext: skipped with -short")
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed: no reference")
	}
	files, _ := filepath.Glob(filepath.Join(sharedPDFs, "nl", "*.pdf"))
	if len(files) == 0 {
		t.Skipf("test PDFs not found at %s/nl (../shared is absent)", sharedPDFs)
	}
	x := newTestExtractor(t)
	var pages, passages []docScore
	for _, f := range files {
		out, ok := pdftotextText(tool, f)
		if !ok {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		ex, err := x.Extract(context.Background(), name, data)
		if err != nil {
			t.Errorf("%s: pdftotext reads it, we refuse: %v", name, err)
			continue
		}
		ref := words(readerText(out))
		got := words(strings.Join(ex.PageTexts, "\n"))
		pages = append(pages, docScore{name, pdftest.WordF1(ref, got), fmt.Sprintf("(%d words, pdftotext %d)", len(got), len(ref))})
		pw := words(strings.Join(passageWords(ex), " "))
		passages = append(passages, docScore{name, pdftest.WordF1(ref, pw), fmt.Sprintf("(%d words, pdftotext %d)", len(pw), len(ref))})
	}
	t.Run("page texts", func(t *testing.T) { report(t, "nl page texts vs pdftotext", pages) })
	t.Run("passages", func(t *testing.T) { report(t, "nl passages vs pdftotext", passages) })
}

// truthPlan is what this test reads of truth.jsonl: the file and the text
// of its passages.
type truthPlan struct {
	File     string `json:"file"`
	Passages []struct {
		Text     string   `json:"text"`
		Page     int      `json:"page"`
		PageEnd  int      `json:"page_end"`
		Headings []string `json:"headings"`
	} `json:"passages"`
}

// TestFidelityGenerated measures word F1 per generated plan of the
// passages against the generator's truth passages.
func TestFidelityGenerated(t *testing.T) {
	plans := 40
	if testing.Short() {
		plans = 3
	}
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := gen.Generate(context.Background(), gen.Options{Out: dir, Plans: plans, Seed: 4}, gm); err != nil {
		t.Fatal(err)
	}
	x := newTestExtractor(t)
	var scores []docScore
	for _, p := range readTruthPlans(t, filepath.Join(dir, "truth.jsonl")) {
		data, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Extract(context.Background(), p.File, data)
		if err != nil {
			t.Errorf("%s: %v", p.File, err)
			continue
		}
		var ref, got []string
		for _, tp := range p.Passages {
			ref = append(ref, words(tp.Text)...)
		}
		for _, ps := range ex.Passages {
			got = append(got, words(ps.Text)...)
		}
		scores = append(scores, docScore{p.File, pdftest.WordF1(ref, got), fmt.Sprintf("(%d words, truth %d)", len(got), len(ref))})
	}
	report(t, "generated passages vs truth", scores)
}

func readTruthPlans(t testing.TB, path string) []truthPlan {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthPlan
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var p truthPlan
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
