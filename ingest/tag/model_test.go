package tag

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// handExamples reads the hand-written set as training examples.
func handExamples(t *testing.T, tg *Tagger) []Example {
	t.Helper()
	ls := handLabels(t)
	var ex []Example
	for start := 0; start < len(ls); {
		end := start
		for end < len(ls) && ls[end].Doc == ls[start].Doc {
			end++
		}
		var doc []corpus.Passage
		var gold []corpus.Tags
		for _, l := range ls[start:end] {
			doc, gold = append(doc, l.Passage), append(gold, l.Gold)
		}
		ex = append(ex, tg.Examples(doc, gold)...)
		start = end
	}
	return ex
}

// A model written and read back gives the same tags, and the tagger's
// version names it.
func TestModelRoundTrip(t *testing.T) {
	tg := newTagger(t)
	m := tg.Train(handExamples(t, tg), TrainOptions{C: 0.3, ThemeC: 4, Iterations: 60, DenseWeight: 0.15, MinDF: 2})
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Digest() != m.Digest() || len(back.vocab) != len(m.vocab) || len(back.vocab) < 100 {
		t.Fatalf("read back %d words (digest %.8s), wrote %d (digest %.8s)", len(back.vocab), back.Digest(), len(m.vocab), m.Digest())
	}
	doc := Blocks("Cameratoezicht in het uitgaansgebied\n\nDe burgemeester wijst het gebied aan waar camera's hangen.\n\nWe pakken woninginbraak aan met buurtpreventie.")
	a, c := tg.WithModel(m).TagDocument(doc), tg.WithModel(back).TagDocument(doc)
	for i := range a {
		if a[i].Veld != c[i].Veld || a[i].Confidence != c[i].Confidence || !slices.Equal(a[i].Themes, c[i].Themes) ||
			!strings.HasSuffix(a[i].Version, m.Digest()[:8]) {
			t.Errorf("passage %d: written model %+v, read back %+v", i, a[i], c[i])
		}
	}
}

// Where the model is sure of another veld than the rules, its veld wins,
// with the rules' themes of that veld and the model's probability as the
// confidence; the rules alone keep their own veld.
func TestModelDecidesVeld(t *testing.T) {
	tg := newTagger(t)
	m := blankModel(tg)
	m.veld.bias[4] = 5 // always physical safety
	m.prepare()
	doc := Blocks("Jongeren hangen 's avonds rond bij het winkelcentrum en veroorzaken overlast.\n\nDe gemeenteraad stelt het plan vast.")
	rules := tg.WithModel(nil).TagDocument(doc)
	got := tg.WithModel(m).TagDocument(doc)
	for i, r := range rules {
		if r.Veld == 4 {
			t.Fatalf("passage %d: the rules gave veld 4 already: %+v", i, r)
		}
	}
	for i, g := range got {
		if g.Veld != 4 || len(g.Themes) == 0 || !strings.HasPrefix(g.Themes[0], "4.") {
			t.Errorf("passage %d: %+v, want veld 4 with a theme of veld 4", i, g)
		}
		if g.Confidence < 0.95 {
			t.Errorf("passage %d: confidence %.2f, want the model's probability (about 0.97)", i, g.Confidence)
		}
	}
}

// blankModel is a model of the tagger's features whose heads answer by
// their bias alone; it has no theme heads.
func blankModel(tg *Tagger) *Model {
	names := tg.featureNames()
	m := &Model{vocab: map[string]int32{}, names: names, digest: strings.Repeat("ab", 32),
		mean: make([]float64, len(names)), scale: make([]float64, len(names))}
	m.veld = newHead("veld", []string{"0", "1", "2", "3", "4", "5"}, numDense, 0)
	return m
}

// The theme head of the passage's veld names its main theme, first; the
// rules' cross-cutting themes stay, and so do their themes of the veld
// the head finds likely. A head that finds no theme of the veld leaves
// only those.
func TestThemeHeadNamesMainTheme(t *testing.T) {
	tg := newTagger(t)
	doc := Blocks("Drugsdealers zorgen voor overlast en onveiligheid in de wijk; de buurt meldt woninginbraken.")
	rules := tg.WithModel(nil).TagDocument(doc)[0]
	if rules.Veld != 1 || !slices.Contains(rules.Themes, "X.drugs") || slices.Contains(rules.Themes, "1.4") {
		t.Fatalf("the rules give %+v; the test needs veld 1 with X.drugs and without 1.4", rules)
	}
	m := blankModel(tg)
	m.veld.bias[1] = 5
	h := newHead("themes1", []string{noTheme, "1.1", "1.3", "1.4"}, len(m.names), 0)
	h.bias[3] = 5 // 1.4 subjectieve veiligheid
	m.themes[1] = h
	m.prepare()
	got := tg.WithModel(m).TagDocument(doc)[0]
	if got.Veld != 1 || len(got.Themes) == 0 || got.Themes[0] != "1.4" || !slices.Contains(got.Themes, "X.drugs") {
		t.Fatalf("with a theme head for 1.4: %+v, want 1.4 first and X.drugs kept (the rules: %v)", got, rules.Themes)
	}
	h.bias[3], h.bias[0] = 0, 5 // no theme of veld 1
	m.prepare()
	got = tg.WithModel(m).TagDocument(doc)[0]
	for _, id := range got.Themes {
		if !strings.HasPrefix(id, "X.") {
			t.Fatalf("with a head that finds no theme: %v, want only the rules' cross-cutting themes", got.Themes)
		}
	}
}

// Bad model data is refused with the line that is wrong; empty data is
// no model.
func TestReadModelRefusesBadData(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	head := "word\tx\t1\ndense\t" + denseNames[0] + "\t0\t1\nhead\tveld\t1\t0\t1\t2\t3\t4\t5\nbias\t0\t0\t0\t0\t0\t0\n"
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"not gzip":          {[]byte("word\tx\t1\nword\ty\t2\n"), "gzip"},
		"short row":         {gz("# comment\nword\tx\n"), "line 2: word: 2 fields, want 3"},
		"unknown kind":      {gz("bogus\tx\t0\n"), `line 1: unknown kind "bogus"`},
		"bad number":        {gz("word\tx\tidf\n"), "line 1: field 3"},
		"no veld head":      {gz("word\tx\t1\n"), "no veld head"},
		"unknown head":      {gz("head\tthemes9\t0\ta\tb\n"), `unknown or repeated head "themes9"`},
		"dense misorder":    {gz(head + "wd\tconf\t0\t0\t0\t0\t0\t0\n"), `dense weights of "conf" out of order`},
		"dense missing":     {gz(head), "head veld: 0 dense weights, want 1"},
		"unknown word":      {gz(head + "wd\t" + denseNames[0] + "\t0\t0\t0\t0\t0\t0\nww\ty\t0\t0\t0\t0\t0\t0\n"), `unknown word "y"`},
		"short head row":    {gz(head + "wd\t" + denseNames[0] + "\t0\t0\n"), "wd: 4 fields, want 8"},
		"too many dense":    {gz("head\tveld\t3\t0\t1\n"), "reads 3 dense features of 0"},
		"word after head":   {gz(head + "wd\t" + denseNames[0] + "\t0\t0\t0\t0\t0\t0\nword\ty\t1\n"), "word row after the heads"},
		"bias before head":  {gz("bias\t0\t0\n"), "bias row before any head"},
		"flat without veld": {gz("head\tflat\t0\t1|1.3\tx.2\n"), `flat head: class "x.2" names no veld`},
		"short veld head":   {gz("head\tveld\t0\t0\t1\n"), "one of 2 classes"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadModel(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	if m, err := ReadModel(gz("# nothing\n")); m != nil || err != nil {
		t.Fatalf("empty model: %v, %v; want no model and no error", m, err)
	}
}

// The model kept as data loads, and the tagger uses it.
func TestEmbeddedModel(t *testing.T) {
	tg := newTagger(t)
	if tg.model == nil || len(tg.model.vocab) < 5000 {
		t.Fatalf("embedded model missing or small: %v", tg.model)
	}
	if f := tg.model.flat; f == nil || len(f.classes) < 30 || len(tg.model.flatVeld) != len(f.classes) {
		t.Errorf("embedded model: no flat head of 30 pairs of veld and theme or more: %v", f)
	}
	for v, h := range tg.model.themes {
		if h == nil || len(h.classes) < 3 {
			t.Errorf("embedded model: veld %d has no theme head of three themes or more: %v", v, h)
		}
	}
	if !strings.HasSuffix(tg.Version(), "+"+tg.model.Digest()[:8]) {
		t.Fatalf("version %q does not name the model %.8s", tg.Version(), tg.model.Digest())
	}
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	if v := EmbeddedVersion(tax); v != tg.Version() {
		t.Fatalf("EmbeddedVersion %q, the tagger's version %q", v, tg.Version())
	}
	if r := NewRules(tax); r.model != nil || r.Version() != RulesVersion+"+"+tax.Version() {
		t.Fatalf("NewRules: model %v, version %q; want the rules alone", r.model, r.Version())
	}
}
