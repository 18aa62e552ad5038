package tag

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Example is one labelled passage as the model reads it.
type Example struct {
	terms map[string]int
	dense []float64
	Veld  int    // the label of the veld head
	Theme string // the label of the theme head of Veld: its main theme, or noTheme
}

// noTheme is the class of a passage with no theme of its veld.
const noTheme = "-"

// Examples reads the passages of labelled documents as the model does,
// with the rules alone deciding the features (as at tagging time, where
// the model sees the rules' tags, never its own).
func (t *Tagger) Examples(doc []corpus.Passage, gold []corpus.Tags) []Example {
	rules := t.WithModel(nil)
	ev, pr := rules.read(doc)
	tags := make([]corpus.Tags, len(doc))
	for i := range ev {
		tags[i] = rules.decide(&ev[i], pr)
	}
	d := newDocFeatures(t.lex, doc, ev, pr, tags)
	ws := &words{}
	out := make([]Example, len(doc))
	for i := range doc {
		out[i] = Example{terms: d.termCounts(i, ws), dense: d.appendDense(nil, i), Veld: gold[i].Veld, Theme: mainTheme(gold[i])}
	}
	return out
}

// mainTheme is the first of a passage's themes that belongs to its veld
// (a cross-cutting alias counted as its KBV theme), else noTheme.
func mainTheme(g corpus.Tags) string {
	prefix := strconv.Itoa(g.Veld) + "."
	for _, id := range canonical(g.Themes) {
		if strings.HasPrefix(id, prefix) {
			return id
		}
	}
	return noTheme
}

// TrainOptions are the model's training settings.
type TrainOptions struct {
	C           float64 // inverse strength of the L2 penalty of the veld head, as in the usual formulation
	ThemeC      float64 // the same for the theme heads (0: no theme heads)
	Iterations  int     // full passes of the optimiser
	DenseWeight float64 // scale of a standardised dense feature beside the unit-length word vector
	MinDF       int     // a word feature needs this many training passages
}

// DefaultTrainOptions were chosen by cross-validation on the dev half.
var DefaultTrainOptions = TrainOptions{C: 1.2, ThemeC: 4, Iterations: 400, DenseWeight: 0.15, MinDF: 2}

// Train fits a model to the examples: a veld head, a multinomial logistic
// regression with an L2 penalty and the velden weighted by their inverse
// frequency; per veld a theme head over the main themes of that veld's
// examples, and a flat head over the pairs of veld and main theme of all,
// both unweighted; each minimised by full-batch Adam (deterministic for
// the same examples).
func (t *Tagger) Train(ex []Example, o TrainOptions) *Model {
	m := &Model{vocab: map[string]int32{}, names: t.featureNames()}
	m.fitVocabulary(ex, o.MinDF)
	m.fitScaling(ex, o.DenseWeight)
	xs := make([]row, len(ex))
	count := make([]int32, len(m.idf))
	for i, e := range ex {
		ids := m.occurrences(e.terms)
		slices.Sort(ids) // the order of the sums, for a model that does not depend on map order
		xs[i].ids, xs[i].vals = m.weigh(ids, count, nil, nil)
		xs[i].dense = m.standard(e.dense)
	}
	velden := make([]string, corpus.NumVelden)
	labels := make([]int, len(ex))
	for v := range velden {
		velden[v] = strconv.Itoa(v)
	}
	for i, e := range ex {
		labels[i] = e.Veld
	}
	m.veld = newHead("veld", velden, numDense, len(m.idf))
	newAdam(m.veld).run(xs, labels, balanced(labels, len(velden)), o.C, o.Iterations)
	for v := range m.themes {
		if o.ThemeC > 0 {
			m.themes[v] = m.trainThemes(v, ex, xs, o)
		}
	}
	if o.ThemeC > 0 {
		m.flat = m.trainFlat(ex, xs, o)
	}
	m.prepare()
	var b bytes.Buffer
	if err := m.Write(&b); err == nil { // writing to memory does not fail
		m.digest = digestOf(b.Bytes())
	}
	return m
}

// trainThemes fits the theme head of veld v to the examples of v; fewer
// than two classes is no head.
func (m *Model) trainThemes(v int, ex []Example, xs []row, o TrainOptions) *head {
	var names []string
	var sub []row
	for i, e := range ex {
		if e.Veld == v {
			names = append(names, e.Theme)
			sub = append(sub, xs[i])
		}
	}
	classes, labels := classesOf(names)
	if len(classes) < 2 {
		return nil
	}
	h := newHead("themes"+strconv.Itoa(v), classes, len(m.names), len(m.idf))
	newAdam(h).run(sub, labels, nil, o.ThemeC, o.Iterations)
	return h
}

// trainFlat fits the flat head to all examples: its classes are the pairs
// of veld and main theme, unweighted.
func (m *Model) trainFlat(ex []Example, xs []row, o TrainOptions) *head {
	names := make([]string, len(ex))
	for i, e := range ex {
		names[i] = strconv.Itoa(e.Veld) + "|" + e.Theme
	}
	classes, labels := classesOf(names)
	h := newHead("flat", classes, len(m.names), len(m.idf))
	newAdam(h).run(xs, labels, nil, o.ThemeC, o.Iterations)
	return h
}

// classesOf returns the distinct labels, sorted, and the class of each.
func classesOf(names []string) (classes []string, labels []int) {
	classes = slices.Clone(names)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	labels = make([]int, len(names))
	for i, n := range names {
		labels[i], _ = slices.BinarySearch(classes, n)
	}
	return classes, labels
}

// balanced weighs each class by its inverse frequency.
func balanced(labels []int, k int) []float64 {
	count := make([]float64, k)
	for _, l := range labels {
		count[l]++
	}
	n := float64(len(labels))
	w := make([]float64, k)
	for c, x := range count {
		if x > 0 {
			w[c] = n / (float64(k) * x)
		}
	}
	return w
}

type row struct {
	ids   []int32
	vals  []float64
	dense []float64
}

func (m *Model) fitVocabulary(ex []Example, minDF int) {
	df := map[string]int{}
	for _, e := range ex {
		for term := range e.terms {
			df[term]++
		}
	}
	var terms []string
	for term, n := range df {
		if n >= minDF {
			terms = append(terms, term)
		}
	}
	slices.Sort(terms)
	n := float64(len(ex))
	for i, term := range terms {
		m.vocab[term] = int32(i)
		m.idf = append(m.idf, math.Log((1+n)/(1+float64(df[term])))+1)
	}
}

func (m *Model) fitScaling(ex []Example, weight float64) {
	nd := len(m.names)
	m.mean, m.scale = make([]float64, nd), make([]float64, nd)
	n := float64(len(ex))
	for _, e := range ex {
		for k, x := range e.dense {
			m.mean[k] += x / n
		}
	}
	for k := range m.scale {
		v := 0.0
		for _, e := range ex {
			d := e.dense[k] - m.mean[k]
			v += d * d / n
		}
		m.scale[k] = weight / (math.Sqrt(v) + 1e-6)
	}
}

func (m *Model) standard(x []float64) []float64 {
	out := make([]float64, len(x))
	for k := range x {
		out[k] = (x[k] - m.mean[k]) * m.scale[k]
	}
	return out
}
