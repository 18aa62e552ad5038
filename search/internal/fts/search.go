package fts

import (
	"context"
	"database/sql"
	"fmt"
)

// hitsTable holds, per connection, the passages that match the query.
const hitsTable = `CREATE TEMP TABLE IF NOT EXISTS hits (passage_id INTEGER PRIMARY KEY, plan_id INT, veld INT, score REAL)`

const fillHits = `INSERT INTO temp.hits SELECT f.rowid, p.plan_id, p.veld, f.rank
	FROM passage_fts f JOIN passages p ON p.id = f.rowid WHERE passage_fts MATCH ?`

// allPassages stands in for the hits of an empty query.
const allPassages = `(SELECT id AS passage_id, plan_id, veld, 0.0 AS score FROM passages)`

// searcher is one Search on its own connection.
type searcher struct {
	conn  *sql.Conn
	r     Request
	match string // fts5 expression; "" for an empty query
	src   string // temp.hits or allPassages
}

// Search ranks plans by the bm25 of their best passage (newest first
// for an empty query), returns one page with up to three highlighted
// passages per plan, and counts every facet in plans. Words must all
// occur in one passage; when no passage has them all, any will do.
func (ix *Index) Search(ctx context.Context, r Request) (*Result, error) {
	if r.Page < 1 {
		r.Page = 1
	}
	if r.Size < 1 {
		r.Size = 10
	}
	conn, err := ix.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("fts search: %w", err)
	}
	defer conn.Close()
	s := &searcher{conn: conn, r: r, src: allPassages}
	res, err := s.run(ctx)
	if err != nil {
		return nil, fmt.Errorf("fts search %q: %w", r.Query, err)
	}
	return res, nil
}

func (s *searcher) run(ctx context.Context) (*Result, error) {
	if err := s.hits(ctx); err != nil {
		return nil, err
	}
	res, err := s.page(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.passages(ctx, res.Plans); err != nil {
		return nil, err
	}
	for _, name := range FacetNames {
		f, err := s.facet(ctx, name)
		if err != nil {
			return nil, err
		}
		res.Facets = append(res.Facets, f)
	}
	return res, nil
}

// hits fills temp.hits with the passages matching all words, or any word
// when none matches all.
func (s *searcher) hits(ctx context.Context) error {
	p := parse(s.r.Query)
	if len(p.groups) == 0 {
		return nil
	}
	s.src = "temp.hits"
	if _, err := s.conn.ExecContext(ctx, hitsTable); err != nil {
		return fmt.Errorf("hits table: %w", err)
	}
	for _, all := range []bool{true, false} {
		if _, err := s.conn.ExecContext(ctx, `DELETE FROM temp.hits`); err != nil {
			return fmt.Errorf("clear hits: %w", err)
		}
		s.match = p.match(all)
		res, err := s.conn.ExecContext(ctx, fillHits, s.match)
		if err != nil {
			return fmt.Errorf("match %s: %w", s.match, err)
		}
		if n, _ := res.RowsAffected(); n > 0 || len(p.groups) < 2 {
			return nil
		}
	}
	return nil
}

// page ranks the plans and reads one page of them with the total.
func (s *searcher) page(ctx context.Context) (*Result, error) {
	w := filters(s.r, "")
	order := "s, h.plan_id"
	if s.match == "" {
		order = "pl.period_start DESC, h.plan_id DESC"
	}
	q := `SELECT h.plan_id, pl.title, MIN(h.score) AS s, COUNT(*) OVER () FROM ` + s.src + ` h
		JOIN plans pl ON pl.id = h.plan_id WHERE ` + w.sql + ` GROUP BY h.plan_id ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := s.conn.QueryContext(ctx, q, append(w.args, s.r.Size, (s.r.Page-1)*s.r.Size)...)
	if err != nil {
		return nil, fmt.Errorf("rank plans: %w", err)
	}
	defer rows.Close()
	res := &Result{}
	for rows.Next() {
		var p Plan
		if err := rows.Scan(&p.ID, &p.Title, &p.Score, &res.Total); err != nil {
			return nil, fmt.Errorf("rank plans: %w", err)
		}
		res.Plans = append(res.Plans, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rank plans: %w", err)
	}
	if len(res.Plans) == 0 && s.r.Page > 1 {
		return res, s.total(ctx, res)
	}
	return res, nil
}

// total counts the matching plans when the page itself is empty.
func (s *searcher) total(ctx context.Context, res *Result) error {
	w := filters(s.r, "")
	q := `SELECT COUNT(DISTINCT h.plan_id) FROM ` + s.src + ` h WHERE ` + w.sql
	if err := s.conn.QueryRowContext(ctx, q, w.args...).Scan(&res.Total); err != nil {
		return fmt.Errorf("count plans: %w", err)
	}
	return nil
}
