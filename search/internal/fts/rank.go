package fts

import (
	"context"
	"fmt"
)

const rankSQL = `SELECT p.plan_id, MIN(f.rank) AS s FROM passage_fts f JOIN passages p ON p.id = f.rowid
	WHERE passage_fts MATCH ? GROUP BY p.plan_id ORDER BY s, p.plan_id LIMIT ?`

// Rank returns the IDs of the k best plans for query, each scored by the
// bm25 of its best passage: first the plans with a passage that has all
// terms, then, to fill k, the plans with a passage that has any of them.
func (ix *Index) Rank(ctx context.Context, query string, k int) ([]int64, error) {
	p := parse(query)
	if len(p.groups) == 0 || k < 1 {
		return nil, nil
	}
	out, err := ix.rank(ctx, p.match(true), k, nil)
	if err != nil || len(out) >= k || len(p.groups) < 2 {
		return out, err
	}
	return ix.rank(ctx, p.match(false), k, out)
}

// rank appends to have the best plans for the MATCH expression expr that
// are not in have yet, up to k in all.
func (ix *Index) rank(ctx context.Context, expr string, k int, have []int64) ([]int64, error) {
	seen := map[int64]bool{}
	for _, id := range have {
		seen[id] = true
	}
	rows, err := ix.db.QueryContext(ctx, rankSQL, expr, k+len(have))
	if err != nil {
		return nil, fmt.Errorf("rank %s: %w", expr, err)
	}
	defer rows.Close()
	for rows.Next() && len(have) < k {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			return nil, fmt.Errorf("rank %s: %w", expr, err)
		}
		if !seen[id] {
			have = append(have, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rank %s: %w", expr, err)
	}
	return have, nil
}
