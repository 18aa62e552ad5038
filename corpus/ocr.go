package corpus

import (
	"context"
	"fmt"
)

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
