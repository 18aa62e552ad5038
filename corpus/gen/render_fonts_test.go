package gen

import (
	"bytes"
	"strings"
	"testing"
)

// ligaturePlans returns the specs of the plans among the first n of seed
// that are set with ligatures.
func ligaturePlans(t *testing.T, n int, seed int64) []*planSpec {
	t.Helper()
	specs, err := planSpecs(Options{Out: "x", Plans: n, Seed: seed}, loadGemeenten(t))
	if err != nil {
		t.Fatal(err)
	}
	var out []*planSpec
	for _, s := range specs {
		if s.ligatures() {
			out = append(out, s)
		}
	}
	return out
}

// TestLigatureShare checks that about one plan in six, and none of the
// first five, is set with ligatures.
func TestLigatureShare(t *testing.T) {
	const n = 600
	specs := ligaturePlans(t, n, DefaultSeed)
	for _, s := range specs {
		if s.index <= 5 {
			t.Errorf("plan %d has ligatures; the first five never do", s.index)
		}
	}
	if len(specs) < n/10 || len(specs) > n/4 {
		t.Errorf("%d of %d plans have ligatures, want about one in six", len(specs), n)
	}
}

// TestLigaturePDF lays out a plan with ligatures: it embeds a Unicode
// font, the truth has plain "fi" and "fl", and three layouts are
// byte-identical (the embedded font subsets too). That the page text
// really holds ﬁ, ﬂ and typographic quotes, and that the extractor reads
// every passage, is checked in ingest's TestGeneratedTruthIsExtracted.
func TestLigaturePDF(t *testing.T) {
	specs := ligaturePlans(t, 30, 7)
	if len(specs) == 0 {
		t.Fatal("no plan with ligatures among 30 of seed 7")
	}
	m := buildModel(specs[0])
	data, ps, pages, err := renderPlan(m)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		again, _, _, err := renderPlan(buildModel(specs[0]))
		if err != nil || !bytes.Equal(data, again) {
			t.Fatalf("a second layout of %s differs (err %v)", specs[0].fileName(), err)
		}
	}
	if !bytes.Contains(data, []byte("/FontFile2")) || !bytes.Contains(data, []byte("/ToUnicode")) {
		t.Error("the PDF embeds no TrueType font with a ToUnicode map")
	}
	checkPlainTruth(t, truthPlan(m, pages, ps))
}

// checkPlainTruth checks that the truth of a plan with ligatures says so
// and has its text as a reader types it.
func checkPlainTruth(t *testing.T, tp TruthPlan) {
	t.Helper()
	if !tp.Layout.Ligatures {
		t.Error("truth layout lacks ligatures")
	}
	var fi, quoted int
	for _, p := range tp.Passages {
		if strings.ContainsAny(p.Text, "ﬁﬂ") {
			t.Errorf("truth text has a ligature: %.80q", p.Text)
		}
		fi += strings.Count(p.Text, "fi") + strings.Count(p.Text, "fl")
		quoted += strings.Count(p.Text, "“")
	}
	if fi < 5 || quoted == 0 {
		t.Errorf("truth has %d words with fi or fl and %d quoted terms; want at least 5 and 1", fi, quoted)
	}
}
