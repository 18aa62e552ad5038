package search

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

//go:embed data/thesaurus.tsv
var thesaurusTSV []byte

// Alternative is another way to say a query term, from the thesaurus.
type Alternative struct {
	Text string `json:"text"` // as written in the thesaurus: "high impact crimes"
	// Phrase is true when Text has several words: search it as a phrase.
	Phrase bool `json:"phrase,omitempty"`
	// Weight scales the alternative's score against the user's own term:
	// 1 for an equivalent, 0.7 for a near-synonym, 0.5 for a narrower term.
	Weight float64 `json:"weight"`
}

// Weights of the three kinds of thesaurus rows.
const (
	weightEquivalent = 1.0
	weightNear       = 0.7
	weightNarrower   = 0.5
)

// thRow is one line of the thesaurus.
type thRow struct {
	kind  byte // '=', '~' or '>'
	terms []string
}

// Thesaurus holds domain synonyms and abbreviations (data/thesaurus.tsv,
// whose header documents the format). It is read-only after loading and
// safe for concurrent use.
type Thesaurus struct {
	rows     []thRow
	byKey    map[string][]int // folded term -> rows it can expand from
	maxWords int              // the most words of a key
}

// LoadThesaurus parses the embedded thesaurus.
func LoadThesaurus() (*Thesaurus, error) { return parseThesaurus(thesaurusTSV) }

func parseThesaurus(data []byte) (*Thesaurus, error) {
	t := &Thesaurus{byKey: map[string][]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row, err := parseThRow(line)
		if err != nil {
			return nil, fmt.Errorf("thesaurus line %d: %w", n, err)
		}
		for i, term := range row.terms {
			if row.kind == '>' && i > 0 {
				break // one-way: only the first term expands
			}
			k := thFold(term)
			t.byKey[k] = append(t.byKey[k], len(t.rows))
			t.maxWords = max(t.maxWords, len(strings.Fields(k)))
		}
		t.rows = append(t.rows, row)
	}
	return t, sc.Err()
}

func parseThRow(line string) (thRow, error) {
	fields := strings.Split(line, "\t")
	if len(fields[0]) != 1 || !strings.Contains("=~>", fields[0]) {
		return thRow{}, fmt.Errorf("kind %q: want =, ~ or >", fields[0])
	}
	row := thRow{kind: fields[0][0]}
	for _, f := range fields[1:] {
		f = strings.TrimSpace(f)
		if strings.HasPrefix(f, "#") {
			break
		}
		if thFold(f) == "" {
			return thRow{}, fmt.Errorf("empty term in %q", line)
		}
		row.terms = append(row.terms, f)
	}
	if len(row.terms) < 2 {
		return thRow{}, fmt.Errorf("want at least two terms in %q", line)
	}
	return row, nil
}

// Expand returns the alternatives for term, a word or phrase as the user
// typed it, best first and without duplicates or term itself. Matching
// ignores case, diacritics, hyphens and an apostrophe plural.
func (t *Thesaurus) Expand(term string) []Alternative {
	key := thFold(term)
	seen := map[string]bool{key: true}
	var out []Alternative
	for _, alt := range t.direct(key) {
		if k := thFold(alt.Text); !seen[k] {
			seen[k] = true
			out = append(out, alt)
		}
	}
	// The narrower terms of an equivalent apply too: "HIC" is
	// "high impact crimes", which expands to its kinds.
	for _, alt := range out {
		if alt.Weight != weightEquivalent {
			continue
		}
		for _, sub := range t.direct(thFold(alt.Text)) {
			if k := thFold(sub.Text); !seen[k] && sub.Weight == weightNarrower {
				seen[k] = true
				out = append(out, sub)
			}
		}
	}
	return out
}

// Span is a run of the user's words that together form a thesaurus term.
type Span struct {
	From, To     int // word indexes: words[From:To]
	Alternatives []Alternative
}

// Spans finds the thesaurus terms of several words in a sequence of
// single words, longest first and without overlap: in "high impact crimes
// Ede" the first three words are one term (alternatives: HIC, ...). Single
// words are left to Expand.
func (t *Thesaurus) Spans(words []string) []Span {
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = thFold(w)
	}
	var out []Span
	for i := 0; i < len(words); i++ {
		for n := min(t.maxWords, len(words)-i); n >= 2; n-- {
			key := strings.Join(folded[i:i+n], " ")
			if _, ok := t.byKey[key]; ok {
				out = append(out, Span{From: i, To: i + n, Alternatives: t.Expand(key)})
				i += n - 1
				break
			}
		}
	}
	return out
}

// direct returns the alternatives of the rows key expands from.
func (t *Thesaurus) direct(key string) []Alternative {
	var out []Alternative
	for _, i := range t.byKey[key] {
		row := t.rows[i]
		w := map[byte]float64{'=': weightEquivalent, '~': weightNear, '>': weightNarrower}[row.kind]
		for _, term := range row.terms {
			if thFold(term) != key {
				out = append(out, Alternative{Text: term, Phrase: strings.ContainsRune(thFold(term), ' '), Weight: w})
			}
		}
	}
	return out
}

// thFold is the matching form of a term: its words as the exact field
// holds them (corpus/nl: lower case, no diacritics, the apostrophe plural
// removed), joined by one space, so that hyphens and other punctuation do
// not count ("BOA's" -> "boa", "Zorg- en Veiligheidshuis" -> "zorg en
// veiligheidshuis").
func thFold(s string) string { return strings.Join(nl.ExactTerms(s), " ") }
