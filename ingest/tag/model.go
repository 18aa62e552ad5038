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

	"github.com/ccv/ivp/corpus"
)

// Model is the tagger's second opinion on the veld: a multinomial logistic
// regression over a passage's words and the rules' reading of it and of
// its document (model_features.go), trained on the dev half of the
// real-text set and 20 generated plans (`ivp realtext train`) and kept as
// data in data/model.tsv.gz. Where it disagrees with the rules, its veld wins and
// the rules give the themes of that veld; its probability is the
// confidence.
type Model struct {
	vocab  map[string]int32
	idf    []float64
	text   [][corpus.NumVelden]float64 // weight per word feature
	dense  [][corpus.NumVelden]float64 // weight per dense feature
	mean   []float64                   // dense features are standardised
	scale  []float64                   // by (x - mean) * scale
	bias   [corpus.NumVelden]float64
	digest string
}

//go:embed data/model.tsv.gz
var modelData []byte

// Digest names the model's data (its first eight hex digits go into the
// tagger's version).
func (m *Model) Digest() string { return m.digest }

// scratch is reusable space for probs.
type scratch struct {
	ids, uniq []int32
	vals      []float64
}

// probs returns the model's probability of each veld for passage i of d.
func (m *Model) probs(d *docFeatures, i int, ws *words, sc *scratch) [corpus.NumVelden]float64 {
	z := m.bias
	for k, x := range d.dense(i) {
		x = (x - m.mean[k]) * m.scale[k]
		for v := range z {
			z[v] += x * m.dense[k][v]
		}
	}
	sc.ids = sc.ids[:0]
	d.textTerms(i, ws, func(key []byte) {
		if id, ok := m.vocab[string(key)]; ok {
			sc.ids = append(sc.ids, id)
		}
	})
	sc.uniq, sc.vals = m.weigh(sc.ids, sc.uniq[:0], sc.vals[:0])
	for j, id := range sc.uniq {
		for v := range z {
			z[v] += sc.vals[j] * m.text[id][v]
		}
	}
	return softmax(z)
}

// weigh appends to uniq each word feature of ids (vocabulary ids, one per
// occurrence; sorted in place) once, in id order, and to vals its weight:
// sublinear tf times idf, the vector scaled to unit length.
func (m *Model) weigh(ids, uniq []int32, vals []float64) ([]int32, []float64) {
	slices.Sort(ids)
	norm, start := 0.0, len(vals)
	for j := 0; j < len(ids); {
		k := j
		for k < len(ids) && ids[k] == ids[j] {
			k++
		}
		x := (1 + math.Log(float64(k-j))) * m.idf[ids[j]]
		uniq, vals = append(uniq, ids[j]), append(vals, x)
		norm += x * x
		j = k
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

func softmax(z [corpus.NumVelden]float64) [corpus.NumVelden]float64 {
	mx := z[0]
	for _, x := range z {
		mx = max(mx, x)
	}
	s := 0.0
	for v, x := range z {
		z[v] = math.Exp(x - mx)
		s += z[v]
	}
	for v := range z {
		z[v] /= s
	}
	return z
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
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if err := m.readLine(strings.Split(sc.Text(), "\t")); err != nil {
			return nil, fmt.Errorf("read tag model: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tag model: %w", err)
	}
	if len(m.dense) == 0 && len(m.text) == 0 {
		return nil, nil // no model: the rules alone
	}
	if len(m.dense) != numDense {
		return nil, fmt.Errorf("read tag model: %d dense features, the tagger reads %d", len(m.dense), numDense)
	}
	return m, nil
}

// readLine reads one row: kind, name, two numbers and a weight per veld.
func (m *Model) readLine(f []string) error {
	if len(f) > 0 && strings.HasPrefix(f[0], "#") {
		return nil
	}
	if len(f) != 4+corpus.NumVelden {
		return fmt.Errorf("%d fields, want %d", len(f), 4+corpus.NumVelden)
	}
	var nums [2 + corpus.NumVelden]float64
	for k := range nums {
		x, err := strconv.ParseFloat(f[2+k], 64)
		if err != nil {
			return fmt.Errorf("field %d: %w", 3+k, err)
		}
		nums[k] = x
	}
	var w [corpus.NumVelden]float64
	copy(w[:], nums[2:])
	switch f[0] {
	case "bias":
		m.bias = w
	case "dense":
		if k := len(m.dense); k >= numDense || denseNames[k] != f[1] {
			return fmt.Errorf("dense feature %q out of order", f[1])
		}
		m.dense, m.mean, m.scale = append(m.dense, w), append(m.mean, nums[0]), append(m.scale, nums[1])
	case "word":
		m.vocab[f[1]] = int32(len(m.text))
		m.text, m.idf = append(m.text, w), append(m.idf, nums[0])
	default:
		return fmt.Errorf("unknown kind %q", f[0])
	}
	return nil
}

// Write writes the model as gzipped TSV: kind (bias, dense, word), name,
// idf or mean, scale, and a weight per veld.
func (m *Model) Write(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# ivp tag model: kind, name, idf or mean, scale, weight per veld 0-%d\n", corpus.NumVelden-1)
	row := func(kind, name string, a, b float64, ws [corpus.NumVelden]float64) {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s", kind, name, num(a), num(b))
		for _, x := range ws {
			fmt.Fprintf(bw, "\t%s", num(x))
		}
		bw.WriteByte('\n')
	}
	row("bias", "", 0, 0, m.bias)
	for k, name := range denseNames {
		row("dense", name, m.mean[k], m.scale[k], m.dense[k])
	}
	names := make([]string, len(m.text))
	for term, id := range m.vocab {
		names[id] = term
	}
	for id, term := range names {
		row("word", term, m.idf[id], 0, m.text[id])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
	}
	return nil
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }
