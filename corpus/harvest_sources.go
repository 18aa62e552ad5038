package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// HarvestSource is a listing page the harvester reads: a gemeente's page
// on safety policy, a search-result page of the gemeenteblad or of a
// regulations register. Selector picks the links to follow on it; Depth
// is how many steps of links are followed from it (1: the linked
// documents only).
type HarvestSource struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	URL      string    `json:"url"`
	Selector string    `json:"selector"`
	Depth    int       `json:"depth"`
	Enabled  bool      `json:"enabled"`
	Created  time.Time `json:"created"`
	// What the last run found: when it ran, how many document links it
	// followed, and why it failed, in Dutch ("" when it did not).
	LastRun   time.Time `json:"last_run,omitzero"`
	LastFound int       `json:"last_found"`
	LastError string    `json:"last_error,omitempty"`
}

// MaxHarvestDepth is the deepest a source may be followed.
const MaxHarvestDepth = 3

const sourceColumns = `id, name, url, selector, depth, enabled, created, last_run, last_found, last_error`

func scanSource(row scanner) (HarvestSource, error) {
	var s HarvestSource
	var created, lastRun string
	err := row.Scan(&s.ID, &s.Name, &s.URL, &s.Selector, &s.Depth, &s.Enabled, &created, &lastRun,
		&s.LastFound, &s.LastError)
	s.Created, _ = time.Parse(timeLayout, created)
	s.LastRun, _ = time.Parse(timeLayout, lastRun)
	return s, err
}

// HarvestSources lists every source, by name.
func (s *Store) HarvestSources(ctx context.Context) ([]HarvestSource, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sourceColumns+` FROM harvest_sources ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("harvest sources: %w", err)
	}
	defer rows.Close()
	out := []HarvestSource{}
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("harvest sources: %w", err)
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

// HarvestSource returns one source, or ErrNotFound.
func (s *Store) HarvestSource(ctx context.Context, id int64) (HarvestSource, error) {
	src, err := scanSource(s.db.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM harvest_sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return src, fmt.Errorf("harvest source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return src, fmt.Errorf("harvest source %d: %w", id, err)
	}
	return src, nil
}

// SaveHarvestSource adds src (ID 0) or changes the source with its ID,
// and returns it as stored. Its URL must be new: a second source with
// the same URL is refused with a FieldError wrapping ErrDuplicate. The
// caller checks the selector and the URL's form.
func (s *Store) SaveHarvestSource(ctx context.Context, src HarvestSource) (HarvestSource, error) {
	src.Name, src.URL, src.Selector = strings.TrimSpace(src.Name), strings.TrimSpace(src.URL), strings.TrimSpace(src.Selector)
	if src.Depth < 1 || src.Depth > MaxHarvestDepth {
		return src, &FieldError{Field: "depth", Err: ErrInvalid,
			Msg: fmt.Sprintf("De diepte ligt tussen 1 en %d.", MaxHarvestDepth)}
	}
	var err error
	if src.ID == 0 {
		err = s.db.QueryRowContext(ctx, `INSERT INTO harvest_sources (name, url, selector, depth, enabled, created)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, src.Name, src.URL, src.Selector, src.Depth, src.Enabled,
			time.Now().UTC().Format(timeLayout)).Scan(&src.ID)
	} else {
		var res sql.Result
		res, err = s.db.ExecContext(ctx, `UPDATE harvest_sources SET name = ?, url = ?, selector = ?, depth = ?,
			enabled = ? WHERE id = ?`, src.Name, src.URL, src.Selector, src.Depth, src.Enabled, src.ID)
		if n, _ := rowsAffected(res, err); err == nil && n == 0 {
			return src, fmt.Errorf("save harvest source %d: %w", src.ID, ErrNotFound)
		}
	}
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return src, &FieldError{Field: "url", Err: ErrDuplicate, Msg: "Er is al een bron met dit adres."}
	}
	if err != nil {
		return src, fmt.Errorf("save harvest source %s: %w", src.URL, err)
	}
	return s.HarvestSource(ctx, src.ID)
}

func rowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// DeleteHarvestSource removes a source; the documents harvested from it
// stay, with the listing they came from.
func (s *Store) DeleteHarvestSource(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM harvest_sources WHERE id = ?`, id)
	n, err := rowsAffected(res, err)
	if err != nil {
		return fmt.Errorf("delete harvest source %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("delete harvest source %d: %w", id, ErrNotFound)
	}
	return nil
}

// RecordHarvestRun keeps what a run found at a source: the number of
// document links and the Dutch reason it failed ("" when it did not).
func (s *Store) RecordHarvestRun(ctx context.Context, id int64, found int, reason string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE harvest_sources SET last_run = ?, last_found = ?, last_error = ?
		WHERE id = ?`, time.Now().UTC().Format(timeLayout), found, reason, id)
	if err != nil {
		return fmt.Errorf("record harvest run of source %d: %w", id, err)
	}
	return nil
}
