package tag

import (
	"math"
	"regexp"
	"strings"

	"github.com/ccv/ivp/corpus"
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

// numDense is the number of dense features.
var numDense = len(denseNames)

// docFeatures holds what the rules made of one document: their tags and
// the evidence behind them.
type docFeatures struct {
	ev    []evidence
	pr    prior
	tags  []corpus.Tags
	ps    []corpus.Passage
	rules [corpus.NumVelden]float64 // share of the passages the rules gave each veld
	votes [corpus.NumVelden]float64 // share of the document's own votes per veld
}

func newDocFeatures(ps []corpus.Passage, ev []evidence, pr prior, tags []corpus.Tags) *docFeatures {
	d := &docFeatures{ev: ev, pr: pr, tags: tags, ps: ps}
	for i := range tags {
		d.rules[tags[i].Veld]++
		for v := range d.votes {
			d.votes[v] += ev[i].own.veld[v]
		}
	}
	share(d.rules[:])
	share(d.votes[:])
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

// dense returns the dense features of passage i, unscaled.
func (d *docFeatures) dense(i int) []float64 {
	e, tg := &d.ev[i], d.tags[i]
	out := make([]float64, 0, numDense)
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
// occurrence: the stems of its words and their compound parts, pairs of
// neighbouring stems within a sentence, and the stems of its innermost heading (once each).
// The key is only valid during the call.
func (d *docFeatures) textTerms(i int, ws *words, emit func(key []byte)) {
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
	prev := ""
	for _, w := range d.ev[i].words {
		if w == nil || w.Stop || len(w.Stem) < 2 {
			prev = ""
			continue
		}
		feature("s:", w.Stem)
		for _, p := range w.Terms[1:] {
			feature("p:", p)
		}
		if prev != "" {
			feature("b:", prev, w.Stem)
		}
		prev = w.Stem
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

// termCounts is textTerms as a map from feature to count.
func (d *docFeatures) termCounts(i int, ws *words) map[string]int {
	out := map[string]int{}
	d.textTerms(i, ws, func(key []byte) { out[string(key)]++ })
	return out
}
