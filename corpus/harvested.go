package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ActionHarvest is the audit action of a document the harvester found
// and put in the review queue.
const ActionHarvest = "harvest"

// Harvest is where a harvested ("geoogst") document came from: the
// address of its file, the listing page that linked it and what that
// listing showed of it.
type Harvest struct {
	DocumentID int64     `json:"document_id"`
	URL        string    `json:"url"`     // the document's own address
	Listing    string    `json:"listing"` // the page that linked it
	SourceID   int64     `json:"source_id,omitempty"`
	Title      string    `json:"listed_title,omitempty"` // as the listing showed it
	Date       string    `json:"listed_date,omitempty"`  // YYYY-MM-DD, as the listing showed it
	PreviousID int64     `json:"previous_id,omitempty"`  // the document this is a newer version of
	Harvested  time.Time `json:"harvested"`
	// The validators the server sent, for a conditional request next time.
	ETag         string `json:"-"`
	LastModified string `json:"-"`
	// SHA256 is the digest of the document's file (read, not written).
	SHA256 string `json:"-"`
}

// AddHarvested stores a harvested document as pending, for a curator to
// review: its file first (fsynced), then in one transaction the document,
// its passages, where it came from and an audit entry. A file the store
// already holds is refused with ErrDuplicate.
func (s *Store) AddHarvested(ctx context.Context, d Document, passages []Passage, data []byte, h Harvest) (int64, error) {
	d.SHA256, d.Size, d.Status = Digest(data), int64(len(data)), StatusPending
	if _, err := s.idBySHA(ctx, d.SHA256); err == nil {
		return 0, fmt.Errorf("add harvested %s: %w", h.URL, ErrDuplicate)
	}
	if err := s.validate(d); err != nil {
		return 0, err
	}
	if err := s.putFile(d.SHA256, data); err != nil {
		return 0, err
	}
	id, err := s.insert(ctx, d, passages, harvestRows(ctx, h))
	if err != nil {
		return 0, fmt.Errorf("add harvested %s: %w", h.URL, err)
	}
	return id, nil
}

// harvestRows adds where a harvested document came from, and its audit
// entry, in the transaction that adds the document.
func harvestRows(ctx context.Context, h Harvest) func(*sql.Tx, int64) error {
	return func(tx *sql.Tx, id int64) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO harvested_documents (document_id, url, listing, source_id,
		listed_title, listed_date, previous_id, etag, last_modified, harvested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, h.URL, h.Listing, h.SourceID, h.Title, h.Date,
			h.PreviousID, h.ETag, h.LastModified, time.Now().UTC().Format(timeLayout))
		if err != nil {
			return err
		}
		after := map[string]any{"url": h.URL, "listing": h.Listing, "listed_title": h.Title,
			"listed_date": h.Date, "previous_id": h.PreviousID}
		_, err = insertAudit(ctx, tx, User{}, ActionHarvest, id, 0, nil, after)
		return err
	}
}

const harvestColumns = `h.document_id, h.url, h.listing, h.source_id, h.listed_title, h.listed_date,
	h.previous_id, h.etag, h.last_modified, h.harvested, d.sha256`

func scanHarvest(row scanner) (Harvest, error) {
	var h Harvest
	var harvested string
	err := row.Scan(&h.DocumentID, &h.URL, &h.Listing, &h.SourceID, &h.Title, &h.Date, &h.PreviousID,
		&h.ETag, &h.LastModified, &harvested, &h.SHA256)
	h.Harvested, _ = time.Parse(timeLayout, harvested)
	return h, err
}

// LatestHarvest returns the newest document harvested from url, or
// ErrNotFound when none was.
func (s *Store) LatestHarvest(ctx context.Context, url string) (Harvest, error) {
	h, err := scanHarvest(s.db.QueryRowContext(ctx, `SELECT `+harvestColumns+` FROM harvested_documents h
		JOIN documents d ON d.id = h.document_id WHERE h.url = ? ORDER BY h.document_id DESC LIMIT 1`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("harvest of %s: %w", url, ErrNotFound)
	}
	if err != nil {
		return h, fmt.Errorf("harvest of %s: %w", url, err)
	}
	return h, nil
}

// SetHarvestValidators keeps the ETag and Last-Modified a server sent for
// a harvested document whose file did not change.
func (s *Store) SetHarvestValidators(ctx context.Context, documentID int64, etag, lastModified string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE harvested_documents SET etag = ?, last_modified = ?
		WHERE document_id = ?`, etag, lastModified, documentID)
	if err != nil {
		return fmt.Errorf("set harvest validators of %d: %w", documentID, err)
	}
	return nil
}

// HarvestOf returns where a harvested document came from, or nil for a
// document that was not harvested.
func (s *Store) HarvestOf(ctx context.Context, documentID int64) (*Harvest, error) {
	m, err := harvestsOf(ctx, s.db, []int64{documentID})
	if err != nil {
		return nil, err
	}
	return m[documentID], nil
}

// harvestsOf maps the harvested documents among ids to where they came
// from, with one query through q.
func harvestsOf(ctx context.Context, q querier, ids []int64) (map[int64]*Harvest, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+harvestColumns+` FROM harvested_documents h
		JOIN documents d ON d.id = h.document_id
		WHERE h.document_id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, fmt.Errorf("harvests of documents: %w", err)
	}
	defer rows.Close()
	out := map[int64]*Harvest{}
	for rows.Next() {
		h, err := scanHarvest(rows)
		if err != nil {
			return nil, fmt.Errorf("harvests of documents: %w", err)
		}
		out[h.DocumentID] = &h
	}
	return out, rows.Err()
}
