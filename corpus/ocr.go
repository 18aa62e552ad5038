package corpus

import (
	"context"
	"database/sql"
	"fmt"
)

// FieldPage is the form field of the page a curator has read again by
// OCR (Curator.RereadPage).
const FieldPage = "page"

// OCRPage is a page of a document whose text was read by OCR, because it
// had no text layer: a scan.
type OCRPage struct {
	Page       int     `json:"page"`               // from 1
	Confidence float64 `json:"confidence"`         // mean word confidence, 0-100
	Words      int     `json:"words"`              // words read
	Rotation   int     `json:"rotation,omitempty"` // degrees the page was turned to be read
	Note       string  `json:"note,omitempty"`     // Dutch: why the page gave no text; "" when it did
}

// OCRPageNumbers returns the pages of d read by OCR that gave text.
func (d Document) OCRPageNumbers() []int {
	var out []int
	for _, p := range d.OCR {
		if p.Note == "" {
			out = append(out, p.Page)
		}
	}
	return out
}

// ocrPagesOf reads the OCR pages of one document through q, by page.
func ocrPagesOf(ctx context.Context, q querier, id int64) ([]OCRPage, error) {
	rows, err := q.QueryContext(ctx, `SELECT page, confidence, words, rotation, note FROM ocr_pages
		WHERE document_id = ? ORDER BY page`, id)
	if err != nil {
		return nil, fmt.Errorf("ocr pages of document %d: %w", id, err)
	}
	defer rows.Close()
	var out []OCRPage
	for rows.Next() {
		var p OCRPage
		if err := rows.Scan(&p.Page, &p.Confidence, &p.Words, &p.Rotation, &p.Note); err != nil {
			return nil, fmt.Errorf("ocr pages of document %d: %w", id, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ocr pages of document %d: %w", id, err)
	}
	return out, nil
}

// setOCRPages replaces the OCR pages of one document through q.
func setOCRPages(ctx context.Context, q querier, id int64, pages []OCRPage) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM ocr_pages WHERE document_id = ?`, id); err != nil {
		return fmt.Errorf("set ocr pages of document %d: %w", id, err)
	}
	for _, p := range pages {
		_, err := q.ExecContext(ctx, `INSERT INTO ocr_pages (document_id, page, confidence, words, rotation, note)
			VALUES (?, ?, ?, ?, ?, ?)`, id, p.Page, p.Confidence, p.Words, p.Rotation, p.Note)
		if err != nil {
			return fmt.Errorf("set ocr pages of document %d: %w", id, err)
		}
	}
	return nil
}

// RereadText gives a document the passages and OCR pages of its own file
// extracted again (nd carries them: a page read again by OCR); the file
// and the curated metadata stay. One transaction swaps the passages and
// OCR pages and writes the audit entry, with the confidence of page
// before and after.
func (s *Store) RereadText(ctx context.Context, u User, id int64, page int, nd Document, passages []Passage) (Change, error) {
	var c Change
	err := s.curate(ctx, id, func(tx *sql.Tx, d Document, sub *Submission) error {
		old, err := passagesOf(ctx, tx, id)
		if err != nil {
			return err
		}
		c.Before, c.After, c.sub, c.passages = d, d, sub, nonNil(old)
		c.After.ExtractorVersion, c.After.OCR = nd.ExtractorVersion, nd.OCR
		if err := updateDocument(ctx, tx, c.After); err != nil {
			return err
		}
		if err := replacePassages(ctx, tx, id, passages); err != nil {
			return err
		}
		if err := setOCRPages(ctx, tx, id, c.After.OCR); err != nil {
			return err
		}
		c.auditID, err = insertAudit(ctx, tx, u, ActionRereadPage, id, sub.id(), ocrPageOf(d, page), ocrPageOf(c.After, page))
		return err
	})
	return c, err
}

// ocrPageOf is what the audit log keeps of page n of d read by OCR.
func ocrPageOf(d Document, n int) map[string]any {
	for _, p := range d.OCR {
		if p.Page == n {
			return map[string]any{"page": n, "confidence": p.Confidence, "words": p.Words, "note": p.Note,
				"pages_read": len(d.OCRPageNumbers())}
		}
	}
	return map[string]any{"page": n}
}
