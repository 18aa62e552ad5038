package tag

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
)

// Recorded figures of the hand-written set and the generated corpus (text
// this project wrote: they guard against regressions, they do not measure
// quality): a change that drops them more than regressionSlack fails.
// Raise them when the tagger improves.
const (
	recordedHandMacroF1 = 0.920
	// the model's theme heads (tag-7) give the 68 passages of national
	// documents, which the hand-written labels leave without a theme, a
	// process theme (0.738 before)
	recordedHandThemeF1  = 0.733
	recordedGenMacroF1   = 0.997
	regressionSlack      = 0.02
	barGenMacroF1        = 0.95
	minLabelledPassages  = 300
	generatedPlansInTest = 20
)

func newTagger(t testing.TB) *Tagger {
	t.Helper()
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	return New(tax)
}

// TestHandWrittenSet guards the hand-written set (testdata/labels.tsv:
// paragraphs written for it and excerpts of national PDFs, not municipal
// text) against regressions.
func TestHandWrittenSet(t *testing.T) {
	ls := handLabels(t)
	if len(ls) < minLabelledPassages {
		t.Fatalf("labelled set has %d passages, want at least %d", len(ls), minLabelledPassages)
	}
	r := Evaluate(newTagger(t).TagLabelled(ls))
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	if r.MacroF1 < recordedHandMacroF1-regressionSlack {
		t.Errorf("hand-written set macro-F1 %.3f, recorded %.3f", r.MacroF1, recordedHandMacroF1)
	}
	if r.Themes.F1 < recordedHandThemeF1-regressionSlack {
		t.Errorf("hand-written set theme micro-F1 %.3f, recorded %.3f", r.Themes.F1, recordedHandThemeF1)
	}
}

func TestGeneratedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates PDFs")
	}
	dir := t.TempDir()
	if _, err := gen.Generate(t.Context(), gen.Options{Out: dir, Plans: generatedPlansInTest, Seed: 11}, nil); err != nil {
		t.Fatal(err)
	}
	gold, pred := tagTruth(t, newTagger(t), filepath.Join(dir, gen.TruthFile))
	r := Evaluate(gold, pred)
	var b strings.Builder
	r.Write(&b)
	t.Log("\n" + b.String())
	if r.MacroF1 < max(barGenMacroF1, recordedGenMacroF1-regressionSlack) {
		t.Errorf("generated-text macro-F1 %.3f, recorded %.3f", r.MacroF1, recordedGenMacroF1)
	}
}

// tagTruth tags the passages of a truth.jsonl plan by plan.
func tagTruth(t *testing.T, tg *Tagger, path string) (gold, pred []corpus.Tags) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var p struct {
			Passages []struct {
				Headings []string
				Text     string
				Veld     int
				Themes   []string
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		var ps []corpus.Passage
		for _, x := range p.Passages {
			ps = append(ps, corpus.Passage{Headings: x.Headings, Text: x.Text})
			gold = append(gold, corpus.Tags{Veld: x.Veld, Themes: x.Themes})
		}
		pred = append(pred, tg.TagDocument(ps)...)
	}
	return gold, pred
}

func TestRules(t *testing.T) {
	tg := newTagger(t)
	cases := []struct {
		name     string
		headings []string
		text     string
		veld     int
		theme    string
	}{
		{"compound head", nil, "Het aantal woninginbraken in de wijk is gedaald.", 1, "1.3"},
		{"apostrophe plural", nil, "Er hangen camera's bij het uitgaansgebied en de horeca.", 2, "2.3"},
		{"heading context", []string{"3 Prioriteiten", "3.1 Veilig uitgaan"}, "We maken afspraken met de exploitanten over toezicht.", 2, "2.3"},
		{"instrument vs object", nil, "Bij vergunningen voor horeca toetsen we met de Wet Bibob of de aanvrager integer is.", 5, "5.2"},
		{"three velden is overview", nil, "Onze prioriteiten zijn woninginbraak, jeugdoverlast, verkeersveiligheid en ondermijning.", 0, "0.prioriteiten-overzicht"},
		{"process text", nil, "Het college stelt jaarlijks een uitvoeringsplan vast; de raad ontvangt een voortgangsrapportage.", 0, "0.uitvoering-cyclus"},
		{"no evidence", nil, "Het weer was mooi.", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := tg.Tag(corpus.Passage{Headings: c.headings, Text: c.text})
			if got.Veld != c.veld {
				t.Errorf("veld %d, want %d (%+v)", got.Veld, c.veld, got)
			}
			if c.theme != "" && !contains(got.Themes, c.theme) {
				t.Errorf("themes %v, want %s", got.Themes, c.theme)
			}
			if got.Version != tg.Version() {
				t.Errorf("version %q", got.Version)
			}
		})
	}
}

func TestListInheritsFromParagraph(t *testing.T) {
	ps := []corpus.Passage{
		{Headings: []string{"Acties"}, Text: "Rond de jaarwisseling en de kermis zetten we extra toezicht in."},
		{Headings: []string{"Acties"}, Text: "• Extra toezicht\n• Overleg met organisatoren"},
	}
	got := newTagger(t).TagDocument(ps)
	if got[1].Veld != 2 {
		t.Errorf("list veld %d, want 2 from the paragraph before it", got[1].Veld)
	}
}

func TestBlocks(t *testing.T) {
	text := "2 Bedrijvigheid\n\n2.1 Veilig uitgaan\n\nTekst over horeca.\n\nEvenementen\n\nTekst over de kermis.\n\n3 Jeugd\n\nTekst."
	got := Blocks(text)
	want := [][]string{nil, {"2 Bedrijvigheid"}, {"2 Bedrijvigheid", "2.1 Veilig uitgaan"},
		{"2 Bedrijvigheid", "2.1 Veilig uitgaan"}, {"2 Bedrijvigheid", "2.1 Veilig uitgaan", "Evenementen"}, nil, {"3 Jeugd"}}
	if len(got) != len(want) {
		t.Fatalf("%d blocks, want %d", len(got), len(want))
	}
	for i := range want {
		if len(want[i]) == 0 && len(got[i].Headings) == 0 {
			continue
		}
		if !reflect.DeepEqual(got[i].Headings, want[i]) {
			t.Errorf("block %d headings %q, want %q", i, got[i].Headings, want[i])
		}
	}
}

func TestCuratorTermWithoutRebuild(t *testing.T) {
	dir := t.TempDir()
	tax, _ := corpus.LoadTaxonomy("")
	tg := New(tax)
	p := corpus.Passage{Text: "Overlast van e-steps op de stoep."}
	if got := tg.Tag(p); got.Veld == 4 {
		t.Fatalf("veld 4 before the term was added")
	}
	data, _ := os.ReadFile("../../corpus/data/taxonomy_terms.tsv")
	data = append(data, "4.1\t4\te-steps\t2\n"...)
	if err := os.WriteFile(filepath.Join(dir, corpus.TaxonomyTermsFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	tax2, err := corpus.LoadTaxonomy(dir)
	if err != nil {
		t.Fatal(err)
	}
	tg2 := New(tax2)
	if got := tg2.Tag(p); got.Veld != 4 {
		t.Errorf("veld %d after adding the term, want 4", got.Veld)
	}
	if tg2.Version() == tg.Version() {
		t.Error("version did not change with the terms")
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func BenchmarkTagDocument(b *testing.B) {
	benchTag(b, benchPassages(b, 0))
}

// BenchmarkTagLongPassages tags passages of about 1,000 characters, the
// size of a real plan's paragraph, as a re-tag of a large store does.
func BenchmarkTagLongPassages(b *testing.B) {
	benchTag(b, benchPassages(b, 1000))
}

// handLabels reads the hand-written set, testdata/labels.tsv.
func handLabels(t testing.TB) []Labelled {
	t.Helper()
	f, err := os.Open("testdata/labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ls, err := ReadLabels(f)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// benchPassages reads the hand-written set as one document, its passages
// joined up to size characters (0: as they are).
func benchPassages(b *testing.B, size int) []corpus.Passage {
	ls := handLabels(b)
	var ps []corpus.Passage
	var sb strings.Builder
	for _, l := range ls {
		if size == 0 {
			ps = append(ps, l.Passage)
			continue
		}
		sb.WriteString(l.Passage.Text + " ")
		if sb.Len() >= size {
			ps = append(ps, corpus.Passage{Headings: l.Passage.Headings, Text: sb.String()})
			sb.Reset()
		}
	}
	return ps
}

// benchTag tags ps with the rules alone and with the model, side by side.
func benchTag(b *testing.B, ps []corpus.Passage) {
	tg := newTagger(b)
	for _, c := range []struct {
		name string
		tg   *Tagger
	}{{"rules", tg.WithModel(nil)}, {"rules+model", tg}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				c.tg.TagDocument(ps)
				n += len(ps)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}
