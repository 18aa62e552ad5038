package realtext

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Halves of the set.
const (
	Dev  = "dev"  // looked at and built from
	Test = "test" // only ever scored
)

// Document types of the set (column type of docs.tsv).
var Types = []string{"ivp", "uitvoeringsplan", "begroting", "regeling", "nieuws", "webpagina"}

// ErrNoCache means the texts are not in the cache: run `ivp realtext import`.
var ErrNoCache = errors.New("the real-text cache is missing (see testdata/realtext/README.md)")

// Doc is one real text.
type Doc struct {
	ID        string
	URL       string
	Gemeenten []string // CBS codes, the first decides the half
	Type      string   // one of Types
	Half      string   // Dev or Test
	Length    int      // bytes of the text
	SHA256    string   // hex digest of the text
	Query     string   // how the text was found in the tool library's page corpus
	Title     string   // a short title in our own words
	Text      string   // the text itself, from the cache
}

// Passage is one labelled passage: a span of its document's text.
type Passage struct {
	Doc       string
	N         int // order within the document
	Offset    int // byte offset in the text
	Length    int // bytes
	Hash      string
	Veld      int
	Secondary []int
	Themes    []string
	Note      string
	Text      string // the span with its white space collapsed
}

// Set is the real-text set or a half of it.
type Set struct {
	Docs     []Doc
	Passages []Passage // grouped by document in Docs order, in text order
}

// Default is the directory of the set, relative to the repository root.
const Default = "testdata/realtext"

// Load reads docs.tsv and passages.tsv from dir and the texts from its
// cache, checking every text and passage against its hash. Without the
// cache it returns ErrNoCache (wrapped).
func Load(dir string) (*Set, error) {
	docs, err := ReadDocs(filepath.Join(dir, "docs.tsv"))
	if err != nil {
		return nil, err
	}
	for i := range docs {
		if err := docs[i].load(CacheDir(dir)); err != nil {
			return nil, err
		}
	}
	ps, err := readPassages(filepath.Join(dir, "passages.tsv"))
	if err != nil {
		return nil, err
	}
	s := &Set{Docs: docs}
	return s, s.attach(ps)
}

// CacheDir is where the texts of the set in dir are kept.
func CacheDir(dir string) string { return filepath.Join(dir, "cache", "text") }

func (d *Doc) load(cache string) error {
	b, err := os.ReadFile(filepath.Join(cache, d.ID+".txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("text %s: %w", d.ID, ErrNoCache)
	}
	if err != nil {
		return fmt.Errorf("text %s: %w", d.ID, err)
	}
	if got := Digest(b); got != d.SHA256 || len(b) != d.Length {
		return fmt.Errorf("text %s: %d bytes with sha256 %.12s, docs.tsv says %d and %.12s", d.ID, len(b), got, d.Length, d.SHA256)
	}
	d.Text = string(b)
	return nil
}

// Digest is the hex SHA-256 of b.
func Digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// PassageHash is the hash kept per passage: the first 16 hex digits of the
// SHA-256 of its bytes.
func PassageHash(b []byte) string { return Digest(b)[:16] }

// attach checks the passages against their documents' texts and fills in
// their text.
func (s *Set) attach(ps []Passage) error {
	byID := map[string]*Doc{}
	for i := range s.Docs {
		byID[s.Docs[i].ID] = &s.Docs[i]
	}
	for i := range ps {
		p := &ps[i]
		d := byID[p.Doc]
		if d == nil {
			return fmt.Errorf("passage %s/%d: unknown document", p.Doc, p.N)
		}
		if p.Offset < 0 || p.Length <= 0 || p.Offset+p.Length > len(d.Text) {
			return fmt.Errorf("passage %s/%d: span %d+%d outside the text (%d bytes)", p.Doc, p.N, p.Offset, p.Length, len(d.Text))
		}
		raw := d.Text[p.Offset : p.Offset+p.Length]
		if h := PassageHash([]byte(raw)); h != p.Hash {
			return fmt.Errorf("passage %s/%d: hash %s, passages.tsv says %s", p.Doc, p.N, h, p.Hash)
		}
		p.Text = Collapse(raw)
	}
	order := map[string]int{}
	for i, d := range s.Docs {
		order[d.ID] = i
	}
	slices.SortStableFunc(ps, func(a, b Passage) int {
		if c := order[a.Doc] - order[b.Doc]; c != 0 {
			return c
		}
		return a.Offset - b.Offset
	})
	s.Passages = ps
	return nil
}

// Collapse joins the lines of a span into one, every run of white space
// one space, a word hyphenated over a line break joined ("woonover-\nlast").
func Collapse(s string) string {
	return strings.Join(strings.Fields(hyphenBreak.ReplaceAllString(s, "$1$2")), " ")
}

// hyphenBreak is a lower-case word broken by a hyphen at a line end.
var hyphenBreak = regexp.MustCompile(`(\p{Ll})-[ \t\r]*\n\s*(\p{Ll})`)

// Half returns the documents of one half and their passages.
func (s *Set) Half(h string) *Set {
	return s.Where(func(d Doc) bool { return d.Half == h })
}

// Where returns the documents for which keep is true, with their passages.
func (s *Set) Where(keep func(Doc) bool) *Set {
	out := &Set{}
	in := map[string]bool{}
	for _, d := range s.Docs {
		if keep(d) {
			out.Docs = append(out.Docs, d)
			in[d.ID] = true
		}
	}
	for _, p := range s.Passages {
		if in[p.Doc] {
			out.Passages = append(out.Passages, p)
		}
	}
	return out
}

// ByDoc returns the passages of each document, in Docs order.
func (s *Set) ByDoc() [][]Passage {
	at := map[string]int{}
	out := make([][]Passage, len(s.Docs))
	for i, d := range s.Docs {
		at[d.ID] = i
	}
	for _, p := range s.Passages {
		i := at[p.Doc]
		out[i] = append(out[i], p)
	}
	return out
}

// HalfOf is the half of a document whose first gemeente has CBS code
// code: dev when the number of the code is even, test when it is odd.
// The rule was fixed before any text was collected, so no text could
// choose its half.
func HalfOf(code string) (string, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(code, "GM"))
	if err != nil || !strings.HasPrefix(code, "GM") {
		return "", fmt.Errorf("gemeente code %q: want GM and four digits", code)
	}
	if n%2 == 0 {
		return Dev, nil
	}
	return Test, nil
}

// tsv calls fn with the fields of every line of path after the header,
// skipping blank lines and lines starting with #; a line must have
// columns fields.
func tsv(path string, columns int, fn func(f []string) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return corpus.TSVRows(path, data, func(f []string) error {
		if len(f) != columns {
			return fmt.Errorf("%d columns, want %d", len(f), columns)
		}
		return fn(f)
	})
}
