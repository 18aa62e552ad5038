package corpus

import (
	"context"
	"encoding/json"
	"fmt"
)

// SetTags replaces the tags of a document's passages: tags[i] becomes the
// tags of the passage with ordinal i. The text is not touched, so a re-tag
// needs no extraction.
func (s *Store) SetTags(ctx context.Context, id int64, tags []Tags) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set tags of %d: %w", id, err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `UPDATE passages SET tags = ? WHERE document_id = ? AND ordinal = ?`)
	if err != nil {
		return fmt.Errorf("set tags of %d: %w", id, err)
	}
	defer stmt.Close()
	for i, t := range tags {
		b, _ := json.Marshal(t)
		if _, err := stmt.ExecContext(ctx, string(b), id, i); err != nil {
			return fmt.Errorf("set tags of %d/%d: %w", id, i, err)
		}
	}
	return tx.Commit()
}
