package fts

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/ccv/ivp/corpus"
)

// Tokenizers a Baseline can use.
const (
	Unicode61 = "unicode61" // words, diacritics removed
	Trigram   = "trigram"   // every three characters, diacritics removed: substrings match
)

// BaselineOptions choose the kind of FTS5 baseline.
type BaselineOptions struct {
	// Tokenizer is Unicode61 (default) or Trigram.
	Tokenizer string
	// WholePlans makes one row per plan (title, headings and text of all
	// its passages) instead of one per passage: bm25 then normalises by
	// the length of the whole plan.
	WholePlans bool
}

// Baseline is the relevance baseline "plain SQLite FTS5" in one table:
// bm25 over passages (a plan scored by its best passage) or over whole
// plans, the query's words OR-ed. It is used by the relevance suites
// only.
type Baseline struct {
	db   *sql.DB
	opts BaselineOptions
}

// BuildBaseline writes a baseline of every published document of store to
// the SQLite file path (replaced when it exists).
func BuildBaseline(ctx context.Context, store *corpus.Store, path string, o BaselineOptions) (*Baseline, error) {
	if o.Tokenizer == "" {
		o.Tokenizer = Unicode61
	}
	tok := map[string]string{Unicode61: "unicode61 remove_diacritics 2", Trigram: "trigram remove_diacritics 1"}[o.Tokenizer]
	if tok == "" {
		return nil, fmt.Errorf("fts baseline: unknown tokenizer %q", o.Tokenizer)
	}
	db, err := create(path)
	if err != nil {
		return nil, err
	}
	b := &Baseline{db: db, opts: o}
	if err := b.fill(ctx, store, tok); err != nil {
		db.Close()
		return nil, fmt.Errorf("fts baseline %s: %w", path, err)
	}
	return b, nil
}

func (b *Baseline) fill(ctx context.Context, store *corpus.Store, tok string) error {
	ddl := `CREATE TABLE rows (id INTEGER PRIMARY KEY, plan_id INT);
		CREATE VIRTUAL TABLE rows_fts USING fts5(text, tokenize = '` + tok + `');`
	if _, err := b.db.ExecContext(ctx, ddl); err != nil {
		return err
	}
	docs, err := store.Documents(ctx, corpus.StatusPublished)
	if err != nil {
		return err
	}
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, d := range docs {
		ps, err := store.Passages(ctx, d.ID)
		if err != nil {
			return err
		}
		for _, text := range b.rowTexts(d, ps) {
			if err := insertRow(ctx, tx, d.ID, text); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// rowTexts are the texts of a document's rows: each passage with its
// headings, or all of them and the title as one.
func (b *Baseline) rowTexts(d corpus.Document, ps []corpus.Passage) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.Join(append(append([]string(nil), p.Headings...), p.Text), "\n"))
	}
	if b.opts.WholePlans {
		return []string{d.Title + "\n" + strings.Join(out, "\n")}
	}
	return out
}

func insertRow(ctx context.Context, tx *sql.Tx, plan int64, text string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO rows (plan_id) VALUES (?)`, plan)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO rows_fts (rowid, text) VALUES (?, ?)`, id, text)
	return err
}

// Rank returns the IDs of the k best plans for the alternatives given, all
// OR-ed: each alternative a word or a phrase of words, matched as FTS5
// tokenizes it. Trigram baselines drop alternatives shorter than three
// characters, which they cannot match.
func (b *Baseline) Rank(ctx context.Context, alts []string, k int) ([]int64, error) {
	var terms []string
	for _, a := range alts {
		s := ftsString(a)
		if s == "" || b.opts.Tokenizer == Trigram && len([]rune(strings.Trim(s, `"`))) < 3 {
			continue
		}
		terms = append(terms, s)
	}
	if len(terms) == 0 || k < 1 {
		return nil, nil
	}
	const q = `SELECT r.plan_id, MIN(f.rank) AS s FROM rows_fts f JOIN rows r ON r.id = f.rowid
		WHERE rows_fts MATCH ? GROUP BY r.plan_id ORDER BY s, r.plan_id LIMIT ?`
	rows, err := b.db.QueryContext(ctx, q, strings.Join(terms, " OR "), k)
	if err != nil {
		return nil, fmt.Errorf("fts baseline rank: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		var s float64
		if err := rows.Scan(&id, &s); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Words splits a typed query into the words and "quoted phrases" a
// baseline ORs: everything that is not a letter, digit or quote
// separates words.
func Words(q string) []string {
	var out []string
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			if strings.TrimSpace(part) != "" {
				out = append(out, part)
			}
			continue
		}
		out = append(out, strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
	}
	return out
}

// Close closes the database.
func (b *Baseline) Close() error { return b.db.Close() }
