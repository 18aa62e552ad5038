package tag

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// Model is the tagger's second opinion: logistic regressions over a
// passage's words and the rules' reading of it and of its document
// (model_features.go), trained on the dev half of the real-text set and
// 20 generated plans (`ivp realtext train`) and kept as data in
// data/model.tsv.gz. Its veld head decides the veld; where it disagrees
// with the rules, the rules give the themes of its veld, and its
// probability is the confidence. Its theme head of that veld then names
// the passage's main theme (model_themes.go).
type Model struct {
	vocab  map[string]int32 // word features, shared by the heads
	hashed map[uint64]int32 // the same by hashKey, for tagging (nil: a hash is shared)
	idf    []float64
	names  []string  // dense features, in the order the tagger computes them
	mean   []float64 // dense features are standardised
	scale  []float64 // by (x - mean) * scale
	veld   *head
	themes [corpus.NumVelden]*head // per veld; nil: the rules' themes
	// flat is a head over pairs of veld and main theme ("3|3.3"): its
	// probabilities summed per veld are a second reading of the veld,
	// averaged with the veld head's (nil: the veld head alone)
	flat     *head
	flatVeld []int // the veld of each class of flat
	digest   string
}

// head is one multinomial logistic regression over the model's features:
// its classes are velden ("0".."5") or theme ids.
type head struct {
	name    string
	classes []string
	ndense  int       // it reads the first ndense dense features
	text    []float64 // weight of word j for class c at j*len(classes)+c
	dense   []float64 // weight of dense feature k for class c at k*len(classes)+c
	bias    []float64
	// the same with the standardisation folded in (prepare): a raw dense
	// feature of 0, the most common value, then costs nothing
	rawDense, rawBias []float64
}

// prepare folds the standardisation (x - mean) * scale into the dense
// weights and the bias.
func (h *head) prepare(mean, scale []float64) {
	k := len(h.classes)
	h.rawDense, h.rawBias = make([]float64, len(h.dense)), slices.Clone(h.bias)
	for j := range h.ndense {
		for c := range k {
			w := scale[j] * h.dense[j*k+c]
			h.rawDense[j*k+c] = w
			h.rawBias[c] -= mean[j] * w
		}
	}
}

func newHead(name string, classes []string, ndense, nwords int) *head {
	k := len(classes)
	return &head{name: name, classes: classes, ndense: ndense,
		text: make([]float64, nwords*k), dense: make([]float64, ndense*k), bias: make([]float64, k)}
}

//go:embed data/model.tsv.gz
var modelData []byte

// Digest names the model's data (its first eight hex digits go into the
// tagger's version).
func (m *Model) Digest() string { return m.digest }

// input is one passage as the heads read it: its word features (ids and
// weights) and its dense features (raw). It is reused between passages.
type input struct {
	ids, uniq []int32
	vals      []float64
	dense     []float64
	p         []float64 // a head's probabilities
	// known are the vocabulary ids of the features of each word alone
	// ({w, nil}) and of each pair of neighbouring words, for the words of
	// the document so far (nl gives one *Word per word)
	known map[[2]*nl.Word][]int32
	count []int32 // scratch of weigh
}

// inputs are reused between documents: their scratch space is as large
// as the vocabulary.
var inputs = sync.Pool{New: func() any { return &input{} }}

// read fills in with passage i of d.
func (m *Model) read(d *docFeatures, i int, ws *words, in *input) {
	in.dense = d.appendDense(in.dense[:0], i)
	in.ids = in.ids[:0]
	lookup := func(key []byte) {
		var id int32
		var ok bool
		if m.hashed != nil {
			id, ok = m.hashed[hashKey(key)]
		} else {
			id, ok = m.vocab[string(key)]
		}
		if ok {
			in.ids = append(in.ids, id)
		}
	}
	if in.known == nil {
		in.known = map[[2]*nl.Word][]int32{}
	}
	remember := func(a, b *nl.Word, emit func()) {
		if ids, ok := in.known[[2]*nl.Word{a, b}]; ok {
			in.ids = append(in.ids, ids...)
			return
		}
		start := len(in.ids)
		emit()
		in.known[[2]*nl.Word{a, b}] = slices.Clone(in.ids[start:])
	}
	d.textTerms(i, ws, remember, lookup)
	if len(in.count) != len(m.idf) {
		in.count = make([]int32, len(m.idf))
	}
	in.uniq, in.vals = m.weigh(in.ids, in.count, in.uniq[:0], in.vals[:0])
}

// probs returns h's probability of each class for in (in.p, reused).
func (h *head) probs(in *input) []float64 {
	z := h.logits(in.p[:0], h.rawBias, h.rawDense, in.dense, in.uniq, in.vals)
	softmax(z)
	in.p = z
	return z
}

// logits appends to z (empty) the head's score of each class: bias plus
// the dense features times denseW (a feature of 0 is skipped) plus the
// word features (ids, vals) times the word weights. Tagging passes the
// weights with the standardisation folded in and raw features, training
// the plain weights and standardised features.
func (h *head) logits(z, bias, denseW, dense []float64, ids []int32, vals []float64) []float64 {
	k := len(h.classes)
	z = append(z, bias...)
	for j, x := range dense[:h.ndense] {
		if x == 0 {
			continue
		}
		w := denseW[j*k : j*k+k]
		w = w[:len(z)]
		for c := range z {
			z[c] += x * w[c]
		}
	}
	for j, id := range ids {
		x, w := vals[j], h.text[int(id)*k:int(id)*k+k]
		w = w[:len(z)]
		for c := range z {
			z[c] += x * w[c]
		}
	}
	return z
}

// weigh appends to uniq each word feature of ids (vocabulary ids, one per
// occurrence) once, in the order of first occurrence, and to vals its
// weight: sublinear tf times idf, the vector scaled to unit length. count
// is scratch space of one counter per vocabulary word, all zero, and left
// so.
func (m *Model) weigh(ids, count, uniq []int32, vals []float64) ([]int32, []float64) {
	start := len(uniq)
	for _, id := range ids {
		if count[id] == 0 {
			uniq = append(uniq, id)
		}
		count[id]++
	}
	norm := 0.0
	for _, id := range uniq[start:] {
		x := (1 + math.Log(float64(count[id]))) * m.idf[id]
		count[id] = 0
		vals = append(vals, x)
		norm += x * x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for j := start; j < len(vals); j++ {
			vals[j] /= norm
		}
	}
	return uniq, vals
}

// occurrences lists the vocabulary ids of word features counted in terms,
// one per occurrence, leaving out the words outside the vocabulary.
func (m *Model) occurrences(terms map[string]int) []int32 {
	var ids []int32
	for term, n := range terms {
		if id, ok := m.vocab[term]; ok {
			for range n {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// softmax turns z into probabilities in place.
func softmax(z []float64) {
	mx := z[0]
	for _, x := range z {
		mx = max(mx, x)
	}
	s := 0.0
	for c, x := range z {
		z[c] = math.Exp(x - mx)
		s += z[c]
	}
	for c := range z {
		z[c] /= s
	}
}

func argmax(p []float64) int {
	best := 0
	for c := range p {
		if p[c] > p[best] {
			best = c
		}
	}
	return best
}

// checkFeatures reports a model whose dense features are not those the
// tagger computes (names, in order): a changed taxonomy or feature code
// needs a new model.
func (m *Model) checkFeatures(names []string) error {
	if !slices.Equal(m.names, names) {
		return fmt.Errorf("tag model: its %d dense features are not the %d the tagger computes", len(m.names), len(names))
	}
	return nil
}

// prepare readies the heads for tagging.
func (m *Model) prepare() {
	for _, h := range m.heads() {
		h.prepare(m.mean, m.scale)
	}
	m.hashed = make(map[uint64]int32, len(m.vocab))
	for term, id := range m.vocab {
		k := hashKey([]byte(term))
		if _, ok := m.hashed[k]; ok {
			m.hashed = nil // two words share a hash: look words up by name
			break
		}
		m.hashed[k] = id
	}
	m.flatVeld = nil
	if m.flat != nil {
		for _, c := range m.flat.classes {
			v, _, _ := strings.Cut(c, "|")
			n, _ := strconv.Atoi(v) // checked when read
			m.flatVeld = append(m.flatVeld, n)
		}
	}
}

// hashKey is the 64-bit FNV-1a hash of a word feature: looking up a
// number is quicker than looking up its text.
func hashKey(key []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range key {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// veldProbs returns the model's probability of each veld for in: the veld
// head's, averaged with the flat head's summed per veld.
func (m *Model) veldProbs(in *input) [corpus.NumVelden]float64 {
	var p [corpus.NumVelden]float64
	copy(p[:], m.veld.probs(in))
	if m.flat == nil {
		return p
	}
	var flat [corpus.NumVelden]float64
	for c, x := range m.flat.probs(in) {
		flat[m.flatVeld[c]] += x
	}
	for v := range p {
		p[v] = (p[v] + flat[v]) / 2
	}
	return p
}

// heads lists the model's heads: the veld head, the flat head, then the
// theme heads.
func (m *Model) heads() []*head {
	out := []*head{m.veld}
	if m.flat != nil {
		out = append(out, m.flat)
	}
	for _, h := range m.themes {
		if h != nil {
			out = append(out, h)
		}
	}
	return out
}
