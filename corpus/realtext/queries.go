package realtext

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Query is one query of the real relevance set (queries.tsv).
type Query struct {
	ID   string
	Half string // Dev or Test
	Kind string // keyword, natural, abbrev, compound, hyphen, misspelling
	Text string // as typed
	Need string // the information need, in words
}

// ReadQueries reads queries.tsv.
func ReadQueries(path string) ([]Query, error) {
	var out []Query
	err := tsv(path, 5, func(f []string) error {
		q := Query{ID: f[0], Half: f[1], Kind: f[2], Text: f[3], Need: f[4]}
		if q.Half != Dev && q.Half != Test {
			return fmt.Errorf("query %s: half %q", q.ID, q.Half)
		}
		out = append(out, q)
		return nil
	})
	return out, err
}

// Qrel is one judgement: a plan's grade for a query.
type Qrel struct {
	Query string
	Doc   string // a document id of docs.tsv, or "nl/" and a file of the distractor PDFs
	Grade int    // 0-2 (RELEVANCE.md)
	Round string // which pooling round judged it
	Note  string
}

// Qrels are the judgements per query and document.
type Qrels map[string]map[string]int

// ReadQrels reads qrels.tsv.
func ReadQrels(path string) (Qrels, []Qrel, error) {
	out := Qrels{}
	var rows []Qrel
	err := tsv(path, 5, func(f []string) error {
		g, err := strconv.Atoi(f[2])
		if err != nil || g < 0 || g > 2 {
			return fmt.Errorf("grade %q: want 0-2", f[2])
		}
		r := Qrel{Query: f[0], Doc: f[1], Grade: g, Round: f[3], Note: f[4]}
		if out[r.Query] == nil {
			out[r.Query] = map[string]int{}
		}
		if _, dup := out[r.Query][r.Doc]; dup {
			return fmt.Errorf("query %s, document %s judged twice", r.Query, r.Doc)
		}
		out[r.Query][r.Doc] = g
		rows = append(rows, r)
		return nil
	})
	return out, rows, err
}

// WriteQrels writes judgements in the format of qrels.tsv, sorted.
func WriteQrels(w io.Writer, rows []Qrel) error {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b Qrel) int {
		if c := strings.Compare(a.Query, b.Query); c != 0 {
			return c
		}
		return strings.Compare(a.Doc, b.Doc)
	})
	out := [][]string{{"query", "doc", "grade", "round", "note"}}
	for _, r := range rows {
		out = append(out, []string{r.Query, r.Doc, strconv.Itoa(r.Grade), r.Round, r.Note})
	}
	return writeRows(w, out)
}
