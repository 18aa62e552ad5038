package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Veld is a veiligheidsveld of Kernbeleid Veiligheid, 1-5, or 0 for
// process and general text.
type Veld int

// NumVelden is the number of velden including veld 0.
const NumVelden = 6

var veldLabels = [NumVelden]string{
	"Algemeen en proces",
	"Veilige woon- en leefomgeving",
	"Bedrijvigheid en veiligheid",
	"Jeugd en veiligheid",
	"Fysieke veiligheid",
	"Integriteit en veiligheid",
}

// Velden lists every veld in display order.
var Velden = []Veld{0, 1, 2, 3, 4, 5}

// Valid reports whether v is 0-5.
func (v Veld) Valid() bool { return v >= 0 && v < NumVelden }

// Label is the Dutch name of the veld.
func (v Veld) Label() string {
	if !v.Valid() {
		return "Onbekend veld"
	}
	return veldLabels[v]
}

// ParseVeld reads a veld number as users and URLs write it ("2").
func ParseVeld(s string) (Veld, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || !Veld(n).Valid() {
		return 0, fmt.Errorf("onbekend veiligheidsveld %q", s)
	}
	return Veld(n), nil
}

// Thema is one theme of the taxonomy ("2.3", "X.drugs").
type Thema struct {
	ID    string `json:"id"`
	Veld  Veld   `json:"veld"` // default veld
	Label string `json:"label"`
}

// Term is an indicator term: matching it is a vote of Weight for Thema in
// Veld.
type Term struct {
	Thema  string
	Veld   Veld
	Text   string
	Weight float64
	// Source says where the term came from: TermTaxonomy, TermReal,
	// TermGenerator or TermHand ("" in a curator's file that has no
	// source column).
	Source string
}

// Sources of a term (column source of taxonomy_terms.tsv).
const (
	TermTaxonomy  = "taxonomy"  // the shared taxonomy's indicator terms
	TermReal      = "real"      // seen in the dev half of the real-text set (testdata/realtext)
	TermGenerator = "generator" // occurs in the sample generator's phrase banks
	TermHand      = "hand"      // added by hand, in neither of the above
)

// File names of the taxonomy data, embedded and optionally overridden by
// files of the same name in the data directory.
const (
	TaxonomyFile      = "taxonomy.tsv"
	TaxonomyTermsFile = "taxonomy_terms.tsv"
)

//go:embed data/taxonomy.tsv
var taxonomyTSV []byte

//go:embed data/taxonomy_terms.tsv
var taxonomyTermsTSV []byte

// Taxonomy is the set of themes and their indicator terms. It is
// immutable after loading.
type Taxonomy struct {
	themes  []Thema
	byID    map[string]Thema
	terms   []Term
	version string
}

// LoadTaxonomy reads the taxonomy: the embedded defaults, each replaced by
// dir/taxonomy.tsv or dir/taxonomy_terms.tsv when that file exists. dir ""
// means the defaults only. A curator adds a term by editing the copy in
// the data directory; a reload or a reindex picks it up.
func LoadTaxonomy(dir string) (*Taxonomy, error) {
	themesData, err := overridable(dir, TaxonomyFile, taxonomyTSV)
	if err != nil {
		return nil, err
	}
	termsData, err := overridable(dir, TaxonomyTermsFile, taxonomyTermsTSV)
	if err != nil {
		return nil, err
	}
	t := &Taxonomy{byID: map[string]Thema{}}
	if err := t.parseThemes(themesData); err != nil {
		return nil, err
	}
	if err := t.parseTerms(termsData); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(append(append([]byte{}, themesData...), termsData...))
	t.version = hex.EncodeToString(sum[:4])
	return t, nil
}

func overridable(dir, name string, def []byte) ([]byte, error) {
	if dir == "" {
		return def, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return def, nil
	}
	if err != nil {
		return nil, fmt.Errorf("taxonomy %s: %w", name, err)
	}
	return b, nil
}

// TSVRows calls fn with the tab-separated fields of every line of data
// after the header line, skipping blank lines and lines starting with #;
// name is the file's name in errors.
func TSVRows(name string, data []byte, fn func(f []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s line %d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (t *Taxonomy) parseThemes(data []byte) error {
	return TSVRows(TaxonomyFile, data, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want id, veld, label; got %q", f)
		}
		v, err := ParseVeld(f[1])
		if err != nil {
			return err
		}
		th := Thema{ID: f[0], Veld: v, Label: f[2]}
		t.themes = append(t.themes, th)
		t.byID[th.ID] = th
		return nil
	})
}

func (t *Taxonomy) parseTerms(data []byte) error {
	return TSVRows(TaxonomyTermsFile, data, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want theme_id, veld, term[, weight[, source]]; got %q", f)
		}
		if _, ok := t.byID[f[0]]; !ok {
			return fmt.Errorf("unknown theme %q", f[0])
		}
		v, err := ParseVeld(f[1])
		if err != nil {
			return err
		}
		w := 1.0
		if len(f) > 3 && strings.TrimSpace(f[3]) != "" {
			if w, err = strconv.ParseFloat(strings.TrimSpace(f[3]), 64); err != nil {
				return fmt.Errorf("weight %q: %w", f[3], err)
			}
		}
		src := ""
		if len(f) > 4 {
			src = strings.TrimSpace(f[4])
		}
		switch src {
		case "", TermTaxonomy, TermReal, TermGenerator, TermHand:
		default:
			return fmt.Errorf("source %q: want taxonomy, real, generator or hand", src)
		}
		t.terms = append(t.terms, Term{Thema: f[0], Veld: v, Text: strings.TrimSpace(f[2]), Weight: w, Source: src})
		return nil
	})
}

// Themes returns every theme in file order.
func (t *Taxonomy) Themes() []Thema { return t.themes }

// Thema looks a theme up by its id.
func (t *Taxonomy) Thema(id string) (Thema, bool) {
	th, ok := t.byID[id]
	return th, ok
}

// Themas looks theme ids up, in order; an unknown id becomes a Thema
// whose label is the id itself.
func (t *Taxonomy) Themas(ids []string) []Thema {
	out := make([]Thema, 0, len(ids))
	for _, id := range ids {
		th, ok := t.byID[id]
		if !ok {
			th = Thema{ID: id, Label: id}
		}
		out = append(out, th)
	}
	return out
}

// ThemaLabel is the Dutch label of a theme id, or the id itself when the
// theme is unknown.
func (t *Taxonomy) ThemaLabel(id string) string {
	if th, ok := t.byID[id]; ok {
		return th.Label
	}
	return id
}

// Terms returns every indicator term.
func (t *Taxonomy) Terms() []Term { return t.terms }

// Version is a short digest of the taxonomy data: it changes whenever a
// theme or term does.
func (t *Taxonomy) Version() string { return t.version }
