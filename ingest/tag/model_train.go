package tag

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"

	"github.com/ccv/ivp/corpus"
)

// Example is one labelled passage as the model reads it.
type Example struct {
	terms map[string]int
	dense []float64
	Veld  int // the label
}

// Examples reads the passages of labelled documents as the model does,
// with the rules alone deciding the features (as at tagging time, where
// the model sees the rules' tags, never its own).
func (t *Tagger) Examples(doc []corpus.Passage, velden []int) []Example {
	rules := t.WithModel(nil)
	ev, pr := rules.read(doc)
	tags := make([]corpus.Tags, len(doc))
	for i := range ev {
		tags[i] = rules.decide(&ev[i], pr)
	}
	d := newDocFeatures(doc, ev, pr, tags)
	ws := &words{}
	out := make([]Example, len(doc))
	for i := range doc {
		out[i] = Example{terms: d.termCounts(i, ws), dense: d.dense(i), Veld: velden[i]}
	}
	return out
}

// TrainOptions are the model's training settings.
type TrainOptions struct {
	C           float64 // inverse strength of the L2 penalty, as in the usual formulation
	Iterations  int     // full passes of the optimiser
	DenseWeight float64 // scale of a standardised dense feature beside the unit-length word vector
	MinDF       int     // a word feature needs this many training passages
}

// DefaultTrainOptions were chosen by cross-validation on the dev half.
var DefaultTrainOptions = TrainOptions{C: 0.3, Iterations: 400, DenseWeight: 0.15, MinDF: 2}

// Train fits a model to the examples: a multinomial logistic regression
// with an L2 penalty and the classes weighted by their inverse frequency,
// minimised by full-batch Adam (deterministic for the same examples).
func Train(ex []Example, o TrainOptions) *Model {
	m := &Model{vocab: map[string]int32{}}
	m.fitVocabulary(ex, o.MinDF)
	m.fitScaling(ex, o.DenseWeight)
	xs := make([]row, len(ex))
	for i, e := range ex {
		xs[i].ids, xs[i].vals = m.weigh(m.occurrences(e.terms), nil, nil)
		xs[i].dense = m.standard(e.dense)
	}
	m.text = make([][corpus.NumVelden]float64, len(m.idf))
	m.dense = make([][corpus.NumVelden]float64, numDense)
	newAdam(m).run(xs, ex, o)
	var b bytes.Buffer
	if err := m.Write(&b); err == nil { // writing to memory does not fail
		sum := sha256.Sum256(b.Bytes())
		m.digest = hex.EncodeToString(sum[:])
	}
	return m
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
	m.mean, m.scale = make([]float64, numDense), make([]float64, numDense)
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
