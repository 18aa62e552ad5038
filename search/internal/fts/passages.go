package fts

import (
	"context"
	"fmt"
	"strings"
)

// PassagesPerPlan is how many passages Search shows per plan.
const PassagesPerPlan = 3

// snippetWords is the length of a snippet in tokens.
const snippetWords = 24

// passages fills in the best passages of every plan on the page: those
// that match the query and pass the veld and thema filters.
func (s *searcher) passages(ctx context.Context, plans []Plan) error {
	if len(plans) == 0 {
		return nil
	}
	best, err := s.best(ctx, plans)
	if err != nil {
		return err
	}
	byPlan := map[int64]int{}
	for i, p := range plans {
		byPlan[p.ID] = i
	}
	for _, b := range best {
		p, err := s.detail(ctx, b.id)
		if err != nil {
			return err
		}
		p.Score = b.score
		i := byPlan[b.plan]
		plans[i].Passages = append(plans[i].Passages, p)
	}
	return nil
}

type bestPassage struct {
	id, plan int64
	score    float64
}

// best picks up to PassagesPerPlan passages per plan, best first.
func (s *searcher) best(ctx context.Context, plans []Plan) ([]bestPassage, error) {
	ids := make([]any, len(plans))
	for i, p := range plans {
		ids[i] = p.ID
	}
	pf := passageFilters(s.r)
	q := `SELECT passage_id, plan_id, score FROM (SELECT h.passage_id, h.plan_id, h.score,
		ROW_NUMBER() OVER (PARTITION BY h.plan_id ORDER BY h.score, h.passage_id) AS rn
		FROM ` + s.src + ` h WHERE h.plan_id IN (` + placeholders(len(ids)) + `) AND ` + pf.sql + `)
		WHERE rn <= ? ORDER BY plan_id, rn`
	rows, err := s.conn.QueryContext(ctx, q, append(append(ids, pf.args...), PassagesPerPlan)...)
	if err != nil {
		return nil, fmt.Errorf("best passages: %w", err)
	}
	defer rows.Close()
	var out []bestPassage
	for rows.Next() {
		var b bestPassage
		if err := rows.Scan(&b.id, &b.plan, &b.score); err != nil {
			return nil, fmt.Errorf("best passages: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// detail reads one passage with its snippet: the matches marked, or the
// opening words for an empty query.
func (s *searcher) detail(ctx context.Context, id int64) (Passage, error) {
	snip := fmt.Sprintf(`snippet(passage_fts, 1, '<mark>', '</mark>', '…', %d)`, snippetWords)
	where, args := `f.rowid = ? AND passage_fts MATCH ?`, []any{id, s.match}
	if s.match == "" {
		snip, where, args = `substr(f.text, 1, 200)`, `f.rowid = ?`, []any{id}
	}
	q := `SELECT ` + snip + `, p.ordinal, p.page_from, p.page_to, p.headings
		FROM passage_fts f JOIN passages p ON p.id = f.rowid WHERE ` + where
	p := Passage{ID: id}
	err := s.conn.QueryRowContext(ctx, q, args...).Scan(&p.Snippet, &p.Ordinal, &p.PageFrom, &p.PageTo, &p.Headings)
	if err != nil {
		return p, fmt.Errorf("passage %d: %w", id, err)
	}
	p.Snippet = strings.TrimSpace(p.Snippet)
	return p, nil
}
