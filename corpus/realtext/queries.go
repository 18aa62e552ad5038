package realtext

import (
	"fmt"
	"strconv"
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

// Qrels are the judgements of qrels.tsv (query, doc, grade 0-2 by
// RELEVANCE.md, the pooling round, a note) per query and document: a
// document is an id of docs.tsv or "nl/" and a file of the distractor PDFs.
type Qrels map[string]map[string]int

// ReadQrels reads qrels.tsv.
func ReadQrels(path string) (Qrels, error) {
	out := Qrels{}
	err := tsv(path, 5, func(f []string) error {
		g, err := strconv.Atoi(f[2])
		if err != nil || g < 0 || g > 2 {
			return fmt.Errorf("grade %q: want 0-2", f[2])
		}
		q, doc := f[0], f[1]
		if out[q] == nil {
			out[q] = map[string]int{}
		}
		if _, dup := out[q][doc]; dup {
			return fmt.Errorf("query %s, document %s judged twice", q, doc)
		}
		out[q][doc] = g
		return nil
	})
	return out, err
}
