package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

const documentColumns = `id, title, doctype, period_start, period_end, vastgesteld, source, media_type,
	sha256, size, pages, status, extractor_version, created, updated`

type scanner interface{ Scan(dest ...any) error }

func scanDocument(row scanner) (Document, error) {
	var d Document
	var typ, status, created, updated string
	err := row.Scan(&d.ID, &d.Title, &typ, &d.PeriodStart, &d.PeriodEnd, &d.Vastgesteld, &d.Source,
		&d.MediaType, &d.SHA256, &d.Size, &d.Pages, &status, &d.ExtractorVersion, &created, &updated)
	if err != nil {
		return d, err
	}
	d.Type, d.Status = DocType(typ), Status(status)
	d.Created, _ = time.Parse(timeLayout, created)
	d.Updated, _ = time.Parse(timeLayout, updated)
	return d, nil
}

// Document returns one document with its gemeenten, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id int64) (Document, error) {
	return s.documentOf(ctx, s.db, id)
}

// documentOf reads one document with its gemeenten through q, or
// ErrNotFound.
func (s *Store) documentOf(ctx context.Context, q querier, id int64) (Document, error) {
	d, err := scanDocument(q.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %d: %w", id, err)
	}
	if d.Gemeenten, err = s.gemeentenOf(ctx, q, id); err != nil {
		return d, err
	}
	d.OCR, err = ocrPagesOf(ctx, q, id)
	return d, err
}

// gemeentenOf reads the gemeenten of one document through q, ordered by
// code.
func (s *Store) gemeentenOf(ctx context.Context, q querier, id int64) ([]Gemeente, error) {
	rows, err := q.QueryContext(ctx, `SELECT gemeente_code FROM document_gemeenten
		WHERE document_id = ? ORDER BY gemeente_code`, id)
	if err != nil {
		return nil, fmt.Errorf("gemeenten of document %d: %w", id, err)
	}
	defer rows.Close()
	var out []Gemeente
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, fmt.Errorf("gemeenten of document %d: %w", id, err)
		}
		g, _ := s.gemeenten.ByCode(code)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("gemeenten of document %d: %w", id, err)
	}
	return out, nil
}

// documentGemeenten maps document IDs to their gemeenten: of the
// documents ids, or of every document when ids is nil.
func (s *Store) documentGemeenten(ctx context.Context, ids []int64) (map[int64][]Gemeente, error) {
	query, args := `SELECT document_id, gemeente_code FROM document_gemeenten`, []any(nil)
	if ids != nil {
		query, args = query+` WHERE document_id IN (SELECT value FROM json_each(?))`, []any{idList(ids)}
	}
	rows, err := s.db.QueryContext(ctx, query+` ORDER BY document_id, gemeente_code`, args...)
	if err != nil {
		return nil, fmt.Errorf("document gemeenten: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Gemeente{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, fmt.Errorf("document gemeenten: %w", err)
		}
		g, _ := s.gemeenten.ByCode(code)
		out[id] = append(out[id], g)
	}
	return out, rows.Err()
}

// idList is ids as a JSON array, one query parameter for json_each
// however many IDs there are.
func idList(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// Documents returns every document with the given status (all when status
// is ""), ordered by ID.
func (s *Store) Documents(ctx context.Context, status Status) ([]Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents
		WHERE ? = '' OR status = ? ORDER BY id`, string(status), string(status))
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	out, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	gms, err := s.documentGemeenten(ctx, nil)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Gemeenten = gms[out[i].ID]
	}
	return out, nil
}

// scanDocuments reads every row of rows as a document (without its
// gemeenten) and closes rows.
func scanDocuments(rows *sql.Rows) ([]Document, error) {
	defer rows.Close()
	var out []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Passages returns a document's passages in reading order.
func (s *Store) Passages(ctx context.Context, id int64) ([]Passage, error) {
	return passagesOf(ctx, s.db, id)
}

// passagesOf reads a document's passages in reading order through q.
func passagesOf(ctx context.Context, q querier, id int64) ([]Passage, error) {
	rows, err := q.QueryContext(ctx, `SELECT ordinal, page_from, page_to, headings, text, tags, ocr
		FROM passages WHERE document_id = ? ORDER BY ordinal`, id)
	if err != nil {
		return nil, fmt.Errorf("passages of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Passage
	for rows.Next() {
		p := Passage{DocumentID: id}
		var headings, tags string
		if err := rows.Scan(&p.Ordinal, &p.PageFrom, &p.PageTo, &headings, &p.Text, &tags, &p.OCR); err != nil {
			return nil, fmt.Errorf("passages of %d: %w", id, err)
		}
		if err := json.Unmarshal([]byte(headings), &p.Headings); err != nil {
			return nil, fmt.Errorf("passages of %d: headings: %w", id, err)
		}
		if err := json.Unmarshal([]byte(tags), &p.Tags); err != nil {
			return nil, fmt.Errorf("passages of %d: tags: %w", id, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Counts is how much the store holds.
type Counts struct {
	Documents  int `json:"documents"`
	Published  int `json:"published"`
	Passages   int `json:"passages"`
	Rejections int `json:"rejections"`
}

// Counts counts documents, passages and rejections.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(*) FROM documents WHERE status = 'published'),
		(SELECT COUNT(*) FROM passages),
		(SELECT COUNT(*) FROM rejections)`).Scan(&c.Documents, &c.Published, &c.Passages, &c.Rejections)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}

// PassageCounts maps the ID of every document with passages to how many
// it has.
func (s *Store) PassageCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT document_id, COUNT(*) FROM passages GROUP BY document_id`)
	if err != nil {
		return nil, fmt.Errorf("passage counts: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("passage counts: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// LeadText returns the text of a document's first n passages, one a line:
// enough to see which plan it says it works out, without reading (and
// decoding) all its passages.
func (s *Store) LeadText(ctx context.Context, id int64, n int) (string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT text FROM passages WHERE document_id = ?
		ORDER BY ordinal LIMIT ?`, id, n)
	if err != nil {
		return "", fmt.Errorf("lead text of %d: %w", id, err)
	}
	defer rows.Close()
	var sb strings.Builder
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return "", fmt.Errorf("lead text of %d: %w", id, err)
		}
		sb.WriteString(t + "\n")
	}
	return sb.String(), rows.Err()
}
