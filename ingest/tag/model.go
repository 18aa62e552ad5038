package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	themes [numVelden]*head // per veld; nil: the rules' themes
	// flat is a head over pairs of veld and main theme ("3|3.3"): its
	// probabilities summed per veld are a second reading of the veld,
	// averaged with the veld head's (nil: the veld head alone)
	flat     *head
	flatVeld []int // the veld of each class of flat
	digest   string
}

// numVelden is corpus.NumVelden as an untyped constant for array sizes.
const numVelden = 6

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
	k := len(h.classes)
	z := append(in.p[:0], h.rawBias...)
	for j, x := range in.dense[:h.ndense] {
		if x == 0 {
			continue
		}
		w := h.rawDense[j*k : j*k+k]
		w = w[:len(z)]
		for c := range z {
			z[c] += x * w[c]
		}
	}
	for j, id := range in.uniq {
		x, w := in.vals[j], h.text[int(id)*k:int(id)*k+k]
		w = w[:len(z)]
		for c := range z {
			z[c] += x * w[c]
		}
	}
	softmax(z)
	in.p = z
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

// ReadModel reads a model as Write wrote it (gzipped TSV). Data without
// rows is no model (nil): the tagger then uses the rules alone.
func ReadModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read tag model: %w", err)
	}
	sum := sha256.Sum256(data)
	m := &Model{vocab: map[string]int32{}, digest: hex.EncodeToString(sum[:])}
	r := &modelReader{m: m}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if err := r.line(strings.Split(sc.Text(), "\t")); err != nil {
			return nil, fmt.Errorf("read tag model: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tag model: %w", err)
	}
	if len(m.names) == 0 && len(m.vocab) == 0 && m.veld == nil {
		return nil, nil // no model: the rules alone
	}
	if err := r.finish(); err != nil {
		return nil, fmt.Errorf("read tag model: %w", err)
	}
	m.prepare()
	return m, nil
}

// modelReader reads the rows of a model: words and dense features first,
// then each head with its bias, dense weights and word weights.
type modelReader struct {
	m      *Model
	h      *head // the head being read
	ndense int   // its dense rows so far
}

func (r *modelReader) line(f []string) error {
	if len(f) == 0 || strings.HasPrefix(f[0], "#") {
		return nil
	}
	m := r.m
	k := -1 // rows of a head have a weight per class
	if r.h != nil {
		k = len(r.h.classes)
	}
	want, known := map[string]int{"word": 3, "dense": 4, "head": len(f), "bias": 1 + k, "wd": 2 + k, "ww": 2 + k}[f[0]]
	switch {
	case !known:
		return fmt.Errorf("unknown kind %q", f[0])
	case (f[0] == "word" || f[0] == "dense") && m.veld != nil:
		return fmt.Errorf("%s row after the heads", f[0])
	case k < 0 && want <= 2:
		return fmt.Errorf("%s row before any head", f[0])
	case f[0] == "head" && len(f) < 5:
		return fmt.Errorf("head: %d fields, want a name, a number of dense features and two classes or more", len(f))
	case len(f) != want:
		return fmt.Errorf("%s: %d fields, want %d", f[0], len(f), want)
	}
	upto := len(f)
	if f[0] == "head" {
		upto = 3 // the classes are names
	}
	nums, err := numbers(f[:upto], map[string]int{"word": 2, "dense": 2, "head": 2, "bias": 1, "wd": 2, "ww": 2}[f[0]])
	if err != nil {
		return err
	}
	switch f[0] {
	case "word":
		m.vocab[f[1]] = int32(len(m.idf))
		m.idf = append(m.idf, nums[0])
	case "dense":
		m.names, m.mean, m.scale = append(m.names, f[1]), append(m.mean, nums[0]), append(m.scale, nums[1])
	case "head":
		if err := r.endHead(); err != nil {
			return err
		}
		nd := int(nums[0])
		if float64(nd) != nums[0] || nd < 0 || nd > len(m.names) {
			return fmt.Errorf("head %s reads %s dense features of %d", f[1], f[2], len(m.names))
		}
		r.h, r.ndense = newHead(f[1], slices.Clone(f[3:]), nd, len(m.idf)), 0
		return r.attach()
	case "bias":
		copy(r.h.bias, nums)
	case "wd":
		if r.ndense >= r.h.ndense || m.names[r.ndense] != f[1] {
			return fmt.Errorf("dense weights of %q out of order in head %s", f[1], r.h.name)
		}
		copy(r.h.dense[r.ndense*len(r.h.classes):], nums)
		r.ndense++
	case "ww":
		id, ok := m.vocab[f[1]]
		if !ok {
			return fmt.Errorf("weights of an unknown word %q in head %s", f[1], r.h.name)
		}
		copy(r.h.text[int(id)*len(r.h.classes):], nums)
	}
	return nil
}

// attach places the head just started.
func (r *modelReader) attach() error {
	h, m := r.h, r.m
	switch h.name {
	case "veld":
		if m.veld != nil || len(h.classes) != numVelden {
			return fmt.Errorf("a second veld head, or one of %d classes", len(h.classes))
		}
		m.veld = h
		return nil
	case "flat":
		for _, c := range h.classes {
			v, _, ok := strings.Cut(c, "|")
			if n, err := strconv.Atoi(v); !ok || err != nil || n < 0 || n >= numVelden {
				return fmt.Errorf("flat head: class %q names no veld", c)
			}
		}
		if m.flat != nil {
			return fmt.Errorf("two flat heads")
		}
		m.flat = h
		return nil
	}
	v, ok := strings.CutPrefix(h.name, "themes")
	n, err := strconv.Atoi(v)
	if !ok || err != nil || n < 0 || n >= numVelden || m.themes[n] != nil {
		return fmt.Errorf("unknown or repeated head %q", h.name)
	}
	m.themes[n] = h
	return nil
}

// endHead checks the head just read, if any.
func (r *modelReader) endHead() error {
	if r.h != nil && r.ndense != r.h.ndense {
		return fmt.Errorf("head %s: %d dense weights, want %d", r.h.name, r.ndense, r.h.ndense)
	}
	r.h = nil
	return nil
}

// finish checks the last head and that there is a veld head.
func (r *modelReader) finish() error {
	if err := r.endHead(); err != nil {
		return err
	}
	if r.m.veld == nil {
		return fmt.Errorf("no veld head")
	}
	return nil
}

// numbers parses the fields of f from index start on.
func numbers(f []string, start int) ([]float64, error) {
	out := make([]float64, 0, len(f)-start)
	for k := start; k < len(f); k++ {
		x, err := strconv.ParseFloat(f[k], 64)
		if err != nil {
			return nil, fmt.Errorf("field %d: %w", k+1, err)
		}
		out = append(out, x)
	}
	return out, nil
}

// Write writes the model as gzipped TSV: the words (with idf) and the
// dense features (with mean and scale), then per head its classes, bias,
// dense weights and the weights of the words it does not ignore.
func (m *Model) Write(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# ivp tag model: word (name, idf), dense (name, mean, scale), then per head: head (name, dense features read, classes), bias, wd (dense weights), ww (word weights)")
	names := make([]string, len(m.idf))
	for term, id := range m.vocab {
		names[id] = term
	}
	for id, term := range names {
		fmt.Fprintf(bw, "word\t%s\t%s\n", term, exact(m.idf[id]))
	}
	for k, name := range m.names {
		fmt.Fprintf(bw, "dense\t%s\t%s\t%s\n", name, exact(m.mean[k]), exact(m.scale[k]))
	}
	row := func(kind, name string, ws []float64) {
		bw.WriteString(kind)
		if name != "" || kind != "bias" {
			bw.WriteString("\t" + name)
		}
		for _, x := range ws {
			bw.WriteString("\t" + num(x))
		}
		bw.WriteByte('\n')
	}
	for _, h := range m.heads() {
		k := len(h.classes)
		fmt.Fprintf(bw, "head\t%s\t%d\t%s\n", h.name, h.ndense, strings.Join(h.classes, "\t"))
		row("bias", "", h.bias)
		for j := range h.ndense {
			row("wd", m.names[j], h.dense[j*k:j*k+k])
		}
		for id, term := range names {
			ws := h.text[id*k : id*k+k]
			if slices.ContainsFunc(ws, func(x float64) bool { return num(x) != "0" }) {
				row("ww", term, ws)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
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
func (m *Model) veldProbs(in *input) [numVelden]float64 {
	var p [numVelden]float64
	copy(p[:], m.veld.probs(in))
	if m.flat == nil {
		return p
	}
	var flat [numVelden]float64
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

// num writes a weight with four significant digits; weights too small to
// move a probability are written as 0.
func num(x float64) string {
	if math.Abs(x) < 5e-4 {
		return "0"
	}
	return exact(x)
}

// exact writes an idf, mean or scale with four significant digits.
func exact(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }
