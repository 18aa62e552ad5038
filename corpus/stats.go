package corpus

import (
	"context"
	"fmt"
	"strings"
)

// Stats are the store's numbers that the metrics report.
type Stats struct {
	// Documents counts the documents per status; those pending are the
	// review queue.
	Documents map[Status]int
	// Passages counts the stored passages of all documents.
	Passages int
	// Refusals counts the files ingest refused, per reason without its
	// details (the part in parentheses), as recorded in rejections.
	Refusals map[string]int
}

// Stats counts documents per status, passages and refusals per reason.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Documents: map[Status]int{}, Refusals: map[string]int{}}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM passages`).Scan(&st.Passages); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	if err := s.countBy(ctx, `SELECT status, COUNT(*) FROM documents GROUP BY status`, func(k string, n int) {
		st.Documents[Status(k)] += n
	}); err != nil {
		return st, err
	}
	err := s.countBy(ctx, `SELECT reason, COUNT(*) FROM rejections GROUP BY reason`, func(k string, n int) {
		st.Refusals[reasonClass(k)] += n
	})
	return st, err
}

// countBy runs a two-column (key, count) query and calls add per row.
func (s *Store) countBy(ctx context.Context, query string, add func(string, int)) error {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return fmt.Errorf("stats: %w", err)
		}
		add(k, n)
	}
	return rows.Err()
}

// reasonClass drops the details of a refusal's reason: "bestand te groot
// (120 MB; maximaal 100 MB)" counts as "bestand te groot".
func reasonClass(reason string) string {
	if i := strings.Index(reason, " ("); i > 0 {
		reason = reason[:i]
	}
	return strings.TrimSpace(reason)
}
