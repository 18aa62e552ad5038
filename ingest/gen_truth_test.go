package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/pdf"
)

// TestGeneratedTruthIsExtracted generates plans as PDF and HTML and finds
// the text of every truth passage, after normalisation, in what the
// extractor gets from the files: for a PDF on the passage's own pages.
// It doubles as an extraction test on realistic layouts, two-column
// pages included.
func TestGeneratedTruthIsExtracted(t *testing.T) {
	plans := 16
	if testing.Short() {
		plans = 12 // fewer has no ligature plan for seed 7
	}
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := gen.Generate(context.Background(), gen.Options{Out: dir, Plans: plans, Seed: 7, Format: gen.FormatBoth}, gm)
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, sum.Truth)
	x, err := ingest.NewExtractor(ingest.DefaultOptions(), gm)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"pdf", "html"} {
		t.Run(format, func(t *testing.T) { checkFormat(t, x, dir, format, truth) })
	}
	t.Run("ligatures are in the PDF and read as letters", func(t *testing.T) {
		checkLigatures(t, x, dir, truth)
	})
}

// checkLigatures finds the plans set with ligatures, checks that their
// raw glyph text holds ﬁ or ﬂ (so the PDF really has them: fpdf's Unicode
// fonts carry a ToUnicode range that the library alone misreads) and that
// the cleaned text has none.
func checkLigatures(t *testing.T, x *ingest.Extractor, dir string, truth []gen.TruthPlan) {
	n := 0
	for _, p := range truth {
		if !p.Layout.Ligatures {
			continue
		}
		n++
		data, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			t.Fatal(err)
		}
		if raw := rawText(t, data); !strings.ContainsAny(raw, "ﬁﬂ") || !strings.Contains(raw, "’") {
			t.Errorf("%s: no ligature or typographic apostrophe in the glyph text", p.File)
		}
		ex, err := x.Extract(context.Background(), p.File, data)
		if err != nil {
			t.Fatal(err)
		}
		if all := strings.Join(ex.PageTexts, "\n"); strings.ContainsAny(all, "ﬁﬂ") || !strings.Contains(all, "fi") {
			t.Errorf("%s: ligatures not normalised to letters", p.File)
		}
	}
	if n == 0 {
		t.Fatal("no plan with ligatures in the generated corpus")
	}
}

func rawText(t *testing.T, data []byte) string {
	t.Helper()
	r, err := pdf.Open(data, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := 1; i <= r.NumPages(); i++ {
		pg, err := r.Page(i)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range pg.Lines {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// checkFormat looks up the truth passages of every plan in its file of
// the given format and logs the share found.
func checkFormat(t *testing.T, x *ingest.Extractor, dir, format string, truth []gen.TruthPlan) {
	var found, total int
	for _, p := range truth {
		name := p.File
		if format == "html" {
			name = p.HTMLFile
		}
		f, n := checkPlan(t, x, filepath.Join(dir, name), p, format == "pdf", t.Errorf)
		found, total = found+f, total+n
	}
	t.Logf("%s: %d of %d truth passages found (%.2f%%)", format, found, total, pct(found, total))
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// checkPlan extracts one file and looks up each truth passage, reporting
// the first misses; it returns how many were found and how many there
// are.
func checkPlan(t *testing.T, x *ingest.Extractor, path string, p gen.TruthPlan, paged bool,
	report func(string, ...any)) (found, total int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := x.Extract(context.Background(), filepath.Base(path), data)
	if err != nil {
		t.Errorf("extract %s: %v", filepath.Base(path), err)
		return 0, len(p.Passages)
	}
	pages := make([]string, len(ex.PageTexts))
	for i, s := range ex.PageTexts {
		pages[i] = normalize(s)
	}
	all := strings.Join(pages, "")
	missed := 0
	for _, ps := range p.Passages {
		want := normalize(ps.Text)
		hay := all
		if paged && ps.Page >= 1 && ps.PageEnd <= len(pages) {
			hay = strings.Join(pages[ps.Page-1:ps.PageEnd], "")
		}
		if strings.Contains(hay, want) {
			found++
			continue
		}
		if missed++; missed <= 3 {
			report("%s: passage on pages %d-%d not found%s:\n%.300s\nextracted:\n%s", filepath.Base(path), ps.Page, ps.PageEnd,
				elsewhere(all, want), ps.Text, around(ex.PageTexts, ps))
		}
	}
	return found, len(p.Passages)
}

// around returns the extracted lines of the passage's pages from the one
// holding its first words, for the report of a passage not found.
func around(pages []string, ps gen.TruthPassage) string {
	if ps.Page < 1 || ps.Page > len(pages) {
		return ""
	}
	words := strings.Fields(ps.Text)
	head := strings.Join(words[:min(3, len(words))], " ")
	text := strings.Join(pages[ps.Page-1:min(ps.PageEnd, len(pages))], "\n")
	if i := strings.Index(text, head); i >= 0 {
		text = text[i:]
	}
	return text[:min(len(text), 900)]
}

// elsewhere says whether a passage missing from its pages occurs on
// another page.
func elsewhere(all, want string) string {
	if strings.Contains(all, want) {
		return " on its pages (it is on another page)"
	}
	return ""
}

// normalize makes extracted and written text comparable: ligatures and
// typographic quotes and dashes are folded, and white space, hyphens
// (a word split at a line end) and bullets are dropped.
func normalize(s string) string {
	s = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl",
		"’", "'", "‘", "'", "“", `"`, "”", `"`, "„", `"`, "–", "", "—", "", "\u00ad", "").Replace(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '•' {
			return -1
		}
		return r
	}, s)
}

func readTruth(t *testing.T, path string) []gen.TruthPlan {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []gen.TruthPlan
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var p gen.TruthPlan
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("truth line %d: %v", i+1, err)
		}
		out = append(out, p)
	}
	return out
}
