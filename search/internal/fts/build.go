package fts

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// inserter holds the prepared statements of one build transaction.
type inserter struct {
	plan, gemeente, jaar, passage, thema, text *sql.Stmt
	inwoners                                   *corpus.Inwoners
}

var insertSQL = []string{
	`INSERT INTO plans (id, title, type, period_start, period_end, klasse) VALUES (?, ?, ?, ?, ?, ?)`,
	`INSERT INTO plan_gemeente (plan_id, code, provincie) VALUES (?, ?, ?)`,
	`INSERT INTO plan_jaar (plan_id, jaar) VALUES (?, ?)`,
	`INSERT INTO passages (plan_id, ordinal, page_from, page_to, headings, veld) VALUES (?, ?, ?, ?, ?, ?)`,
	`INSERT INTO passage_thema (passage_id, plan_id, thema) VALUES (?, ?, ?)`,
	`INSERT INTO passage_fts (rowid, headings, text) VALUES (?, ?, ?)`,
}

func prepare(ctx context.Context, tx *sql.Tx, in *corpus.Inwoners) (*inserter, error) {
	stmts := make([]*sql.Stmt, len(insertSQL))
	for i, q := range insertSQL {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		stmts[i] = st
	}
	return &inserter{stmts[0], stmts[1], stmts[2], stmts[3], stmts[4], stmts[5], in}, nil
}

// insertDocs copies a slice of documents and their passages in one
// transaction; in gives the population classes.
func (ix *Index) insertDocs(ctx context.Context, store *corpus.Store, in *corpus.Inwoners, docs []corpus.Document) error {
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	ins, err := prepare(ctx, tx, in)
	if err != nil {
		return err
	}
	for _, d := range docs {
		ps, err := store.Passages(ctx, d.ID)
		if err != nil {
			return err
		}
		if err := ins.doc(ctx, d, ps); err != nil {
			return fmt.Errorf("insert plan %d: %w", d.ID, err)
		}
	}
	return tx.Commit()
}

func (in *inserter) doc(ctx context.Context, d corpus.Document, ps []corpus.Passage) error {
	var klasse any // NULL when a population is unknown
	if k, ok := in.inwoners.PlanKlasse(d.GemeenteCodes()...); ok {
		klasse = k.Key()
	}
	if _, err := in.plan.ExecContext(ctx, d.ID, d.Title, string(d.Type), d.PeriodStart, d.PeriodEnd, klasse); err != nil {
		return err
	}
	for _, g := range d.Gemeenten {
		if _, err := in.gemeente.ExecContext(ctx, d.ID, g.Code, g.Provincie); err != nil {
			return err
		}
	}
	for _, y := range years(d) {
		if _, err := in.jaar.ExecContext(ctx, d.ID, y); err != nil {
			return err
		}
	}
	for _, p := range ps {
		if err := in.passage1(ctx, d.ID, p); err != nil {
			return err
		}
	}
	return nil
}

func (in *inserter) passage1(ctx context.Context, plan int64, p corpus.Passage) error {
	heads := strings.Join(p.Headings, " / ")
	res, err := in.passage.ExecContext(ctx, plan, p.Ordinal, p.PageFrom, p.PageTo, heads, p.Tags.Veld)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, t := range p.Tags.Themes {
		if _, err := in.thema.ExecContext(ctx, id, plan, t); err != nil {
			return err
		}
	}
	_, err = in.text.ExecContext(ctx, id, heads, p.Text)
	return err
}

// years are the years a plan's period covers; the adoption year when the
// period is unknown.
func years(d corpus.Document) []int {
	from, to := d.PeriodStart, d.PeriodEnd
	if from == 0 {
		from = d.Year()
	}
	if to < from {
		to = from
	}
	if from == 0 {
		return nil
	}
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}
