package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// ReadModel reads a model as Write wrote it (gzipped TSV). Data without
// rows is no model (nil): the tagger then uses the rules alone.
func ReadModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read tag model: %w", err)
	}
	m := &Model{vocab: map[string]int32{}, digest: digestOf(data)}
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
	if err := r.check(f); err != nil {
		return err
	}
	m := r.m
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

// check reports a row of an unknown kind, in the wrong place or with the
// wrong number of fields.
func (r *modelReader) check(f []string) error {
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
	return nil
}

// attach places the head just started.
func (r *modelReader) attach() error {
	h, m := r.h, r.m
	switch h.name {
	case "veld":
		if m.veld != nil || len(h.classes) != corpus.NumVelden {
			return fmt.Errorf("a second veld head, or one of %d classes", len(h.classes))
		}
		m.veld = h
		return nil
	case "flat":
		for _, c := range h.classes {
			v, _, ok := strings.Cut(c, "|")
			if n, err := strconv.Atoi(v); !ok || err != nil || n < 0 || n >= corpus.NumVelden {
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
	if !ok || err != nil || n < 0 || n >= corpus.NumVelden || m.themes[n] != nil {
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
	for _, h := range m.heads() {
		m.writeHead(bw, h, names)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write tag model: %w", err)
	}
	return nil
}

// writeHead writes a head: its classes, bias, dense weights and the
// weights of the words (names, by id) it does not ignore.
func (m *Model) writeHead(bw *bufio.Writer, h *head, names []string) {
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

// digestOf names model data: the hex SHA-256 of its bytes.
func digestOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
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
