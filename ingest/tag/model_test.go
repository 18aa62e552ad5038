package tag

import (
	"bytes"
	"compress/gzip"
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
		var velden []int
		for _, l := range ls[start:end] {
			doc, velden = append(doc, l.Passage), append(velden, l.Gold.Veld)
		}
		ex = append(ex, tg.Examples(doc, velden)...)
		start = end
	}
	return ex
}

// A model written and read back gives the same tags, and the tagger's
// version names it.
func TestModelRoundTrip(t *testing.T) {
	tg := newTagger(t)
	m := Train(handExamples(t, tg), TrainOptions{C: 0.3, Iterations: 60, DenseWeight: 0.15, MinDF: 2})
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
		if a[i].Veld != c[i].Veld || a[i].Confidence != c[i].Confidence || !strings.HasSuffix(a[i].Version, m.Digest()[:8]) {
			t.Errorf("passage %d: written model %+v, read back %+v", i, a[i], c[i])
		}
	}
}

// Where the model is sure of another veld than the rules, its veld wins,
// with the rules' themes of that veld and the model's probability as the
// confidence; the rules alone keep their own veld.
func TestModelDecidesVeld(t *testing.T) {
	tg := newTagger(t)
	m := &Model{vocab: map[string]int32{}, digest: strings.Repeat("ab", 32)}
	m.dense = make([][corpus.NumVelden]float64, numDense)
	m.mean, m.scale = make([]float64, numDense), make([]float64, numDense)
	m.bias[4] = 5 // always physical safety
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
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"not gzip":       {[]byte("bias\t\t0\t0\t1\t2\t3\t4\t5\t6\n"), "gzip"},
		"short row":      {gz("# comment\nbias\t\t0\t0\t1\n"), "line 2: 5 fields"},
		"unknown kind":   {gz("bogus\tx\t0\t0\t1\t2\t3\t4\t5\t6\n"), `line 1: unknown kind "bogus"`},
		"bad number":     {gz("word\tx\tidf\t0\t1\t2\t3\t4\t5\t6\n"), "line 1: field 3"},
		"dense misorder": {gz("dense\tconf\t0\t1\t1\t2\t3\t4\t5\t6\n"), `dense feature "conf" out of order`},
		"dense missing":  {gz("dense\t" + denseNames[0] + "\t0\t1\t1\t2\t3\t4\t5\t6\n"), "1 dense features"},
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
	if !strings.HasSuffix(tg.Version(), "+"+tg.model.Digest()[:8]) {
		t.Fatalf("version %q does not name the model %.8s", tg.Version(), tg.model.Digest())
	}
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	if r := NewRules(tax); r.model != nil || r.Version() != RulesVersion+"+"+tax.Version() {
		t.Fatalf("NewRules: model %v, version %q; want the rules alone", r.model, r.Version())
	}
}
