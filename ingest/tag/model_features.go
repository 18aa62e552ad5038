package tag

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// The model's second opinion (see model.go) reads two kinds of feature:
// the words of a passage and its innermost heading (stems, compound parts
// and stem pairs, weighted tf-idf), and numbers from the rules' reading of
// the passage and of its document (denseNames, in that order).
var denseNames = func() []string {
	var out []string
	for _, g := range []string{"rule*conf", "rule", "own/share", "own/log", "head/share", "prior*share",
		"list", "prev", "next", "doc/rules", "doc/votes"} {
		for v := 0; v < corpus.NumVelden; v++ {
			out = append(out, g+string(rune('0'+v)))
		}
	}
	return append(out, "conf", "own/total", "head/total", "overview", "position", "length", "short", "item", "intro")
}()

// numDense is the number of dense features the veld head reads.
var numDense = len(denseNames)

// Per theme of the taxonomy, the theme heads also read whether the rules
// gave the passage that theme, the votes of its own words and of its
// headings for it, and whether the rules gave it to the passage before.
var themeFeatureKinds = []string{"rule:", "own:", "head:", "prev:", "next:", "doc:"}

// featureNames names the dense features of all heads, in order.
func (t *Tagger) featureNames() []string {
	out := slices.Clone(denseNames)
	for _, kind := range themeFeatureKinds {
		for _, th := range t.lex.themes {
			out = append(out, kind+th.ID)
		}
	}
	return out
}

// docFeatures holds what the rules made of one document: their tags and
// the evidence behind them.
type docFeatures struct {
	lex    *lexicon
	ev     []evidence
	pr     prior
	tags   []corpus.Tags
	ps     []corpus.Passage
	rules  [corpus.NumVelden]float64 // share of the passages the rules gave each veld
	votes  [corpus.NumVelden]float64 // share of the document's own votes per veld
	themes []float64                 // share of the document's own votes per theme
}

func newDocFeatures(lex *lexicon, ps []corpus.Passage, ev []evidence, pr prior, tags []corpus.Tags) *docFeatures {
	d := &docFeatures{lex: lex, ev: ev, pr: pr, tags: tags, ps: ps}
	for i := range tags {
		d.rules[tags[i].Veld]++
		for v := range d.votes {
			d.votes[v] += ev[i].own.veld[v]
		}
	}
	share(d.rules[:])
	share(d.votes[:])
	d.themes = make([]float64, len(lex.themes))
	for i := range ev {
		for _, v := range ev[i].own.votes {
			if !v.inner {
				d.themes[v.theme] += v.w
			}
		}
	}
	share(d.themes)
	return d
}

// share scales v to sum 1 (unchanged when it sums 0).
func share(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if s > 0 {
		for i := range v {
			v[i] /= s
		}
	}
}

// appendDense appends the dense features of passage i, unscaled: the
// veld head's, then the theme heads'.
func (d *docFeatures) appendDense(out []float64, i int) []float64 {
	out = d.veldDense(out, i)
	n := len(d.lex.themes)
	base := len(out)
	out = slices.Grow(out, len(themeFeatureKinds)*n)[:base+len(themeFeatureKinds)*n]
	clear(out[base:])
	mark := func(kind int, ids []string) {
		for _, id := range ids {
			if k, ok := d.lex.themeIdx[id]; ok {
				out[base+kind*n+k] = 1
			}
		}
	}
	votes := func(kind int, s *scores) {
		for _, v := range s.votes {
			if !v.inner {
				out[base+kind*n+int(v.theme)] += v.w
			}
		}
		for k := base + kind*n; k < base+(kind+1)*n; k++ {
			out[k] = math.Log1p(out[k])
		}
	}
	mark(0, d.tags[i].Themes)
	votes(1, d.ev[i].own)
	votes(2, d.ev[i].heading)
	if i > 0 {
		mark(3, d.tags[i-1].Themes)
	}
	if i+1 < len(d.tags) {
		mark(4, d.tags[i+1].Themes)
	}
	copy(out[base+5*n:], d.themes)
	return out
}

// veldDense appends the dense features of passage i the veld head reads,
// unscaled.
func (d *docFeatures) veldDense(out []float64, i int) []float64 {
	e, tg := &d.ev[i], d.tags[i]
	out = appendOneHot(out, tg.Veld, tg.Confidence)
	out = appendOneHot(out, tg.Veld, 1)
	own := e.own.veld
	out = appendShares(out, own[:])
	for _, x := range own {
		out = append(out, math.Log1p(x))
	}
	out = appendShares(out, e.heading.veld[:])
	prVeld, prShare := -1, 0.0
	if d.pr.ok {
		prVeld, prShare = int(d.pr.veld), d.pr.share
	}
	out = appendOneHot(out, prVeld, prShare)
	out = appendOneHot(out, int(e.list)-boolInt(e.list == 0)*100, 1)
	out = appendOneHot(out, d.neighbour(i-1), 1)
	out = appendOneHot(out, d.neighbour(i+1), 1)
	out = append(out, d.rules[:]...)
	out = append(out, d.votes[:]...)
	text := strings.TrimSpace(e.text)
	pos := 0.0
	if len(d.ev) > 1 {
		pos = float64(i) / float64(len(d.ev)-1)
	}
	return append(out, tg.Confidence, math.Log1p(e.own.total), math.Log1p(e.heading.total), float64(boolInt(e.overview)),
		pos, math.Log1p(float64(len(text))), float64(boolInt(len(text) < 60)),
		float64(boolInt(itemMarker.MatchString(text))), float64(boolInt(strings.HasSuffix(text, ":"))))
}

var itemMarker = regexp.MustCompile(`^([•\-–*·▪]|\d+[.)]|[a-z][.)])\s`)

// neighbour is the rules' veld of passage j, or -1 outside the document.
func (d *docFeatures) neighbour(j int) int {
	if j < 0 || j >= len(d.tags) {
		return -1
	}
	return d.tags[j].Veld
}

func appendOneHot(out []float64, v int, x float64) []float64 {
	for k := 0; k < corpus.NumVelden; k++ {
		if k == v {
			out = append(out, x)
		} else {
			out = append(out, 0)
		}
	}
	return out
}

func appendShares(out []float64, v []float64) []float64 {
	s := make([]float64, len(v))
	copy(s, v)
	share(s)
	return append(out, s...)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// textTerms calls emit with each word feature of passage i, once per
// occurrence: the features of each word alone (wordTerms), pairs of
// neighbouring stems within a sentence, and the stems of its innermost
// heading (once each). The key is only valid during the call. With
// remember, the features of a word (b nil) or of a pair of words are
// emitted through it, so that it can answer them again from memory.
func (d *docFeatures) textTerms(i int, ws *words, remember func(a, b *nl.Word, emit func()), emit func(key []byte)) {
	var key []byte
	feature := func(kind string, parts ...string) {
		key = append(key[:0], kind...)
		for j, p := range parts {
			if j > 0 {
				key = append(key, '_')
			}
			key = append(key, p...)
		}
		emit(key)
	}
	if remember == nil {
		remember = func(_, _ *nl.Word, emit func()) { emit() }
	}
	var prev, w *nl.Word
	alone := func() { key = wordTerms(w, key, emit) }
	pair := func() { feature("b:", prev.Stem, w.Stem) }
	for _, w = range d.ev[i].words {
		if w == nil || w.Stop || len(w.Stem) < 2 {
			prev = nil
			continue
		}
		remember(w, nil, alone)
		if prev != nil {
			remember(prev, w, pair)
		}
		prev = w
	}
	hs := d.ps[i].Headings
	if len(hs) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, w := range ws.read(hs[len(hs)-1]) {
		if !w.Stop && len(w.Stem) >= 2 && !seen[w.Stem] {
			seen[w.Stem] = true
			feature("h:", w.Stem)
		}
	}
}

// wordTerms calls emit with the features of word w alone: its stem, the
// letter n-grams of its stem and its compound parts. It builds the keys in
// buf and returns it for reuse.
func wordTerms(w *nl.Word, buf []byte, emit func(key []byte)) []byte {
	buf = append(append(buf[:0], "s:"...), w.Stem...)
	emit(buf)
	// the n-grams of "<stem>" (bytes), each behind "c:"
	stem := w.Stem
	for j := 0; j+charGrams <= len(stem)+2; j++ {
		buf = append(buf[:0], "c:"...)
		for k := j; k < j+charGrams; k++ {
			switch k {
			case 0:
				buf = append(buf, '<')
			case len(stem) + 1:
				buf = append(buf, '>')
			default:
				buf = append(buf, stem[k-1])
			}
		}
		emit(buf)
	}
	for _, p := range w.Terms[1:] {
		buf = append(append(buf[:0], "p:"...), p...)
		emit(buf)
	}
	return buf
}

// termCounts is textTerms as a map from feature to count.
func (d *docFeatures) termCounts(i int, ws *words) map[string]int {
	out := map[string]int{}
	d.textTerms(i, ws, nil, func(key []byte) { out[string(key)]++ })
	return out
}

// charGrams is the length of the letter n-grams of a stem (with its
// boundaries) the model reads: they carry what a stem shares with the
// compounds and inflections the training text did not have.
const charGrams = 5
