package corpus

import (
	"context"
	"fmt"
)

// StaleTags counts the stored passages whose tags another tagger version
// made than version (after an upgrade of the tagger or a changed taxonomy):
// `ivp reindex --retag` tags them again. Passages without tags are not
// counted.
func (s *Store) StaleTags(ctx context.Context, version string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM passages
		WHERE COALESCE(json_extract(tags, '$.version'), '') NOT IN ('', ?)`, version).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count stale tags: %w", err)
	}
	return n, nil
}
