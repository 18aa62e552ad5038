package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ActionLink is the audit action of a curator's decision on a link
// between two plans.
const ActionLink = "link"

// FieldOther is the form field of the other plan of a link.
const FieldOther = "other"

// LinkState is a curator's decision on a link between two plans.
type LinkState string

// The decisions on a link: it holds, or it does not (a detected link the
// curator took away).
const (
	LinkConfirmed LinkState = "bevestigd"
	LinkRemoved   LinkState = "verwijderd"
)

// PlanLink is a curator's decision that plan From follows up plan To: an
// uitvoeringsplan, jaarplan or evaluatie of the IVP To, or an IVP that
// succeeds the IVP To.
type PlanLink struct {
	From      int64     `json:"from"`
	To        int64     `json:"to"`
	State     LinkState `json:"state"`
	UserEmail string    `json:"user"`
	Time      time.Time `json:"time"`
	// Version grows with every decision; the highest names the state of
	// all links, for caches.
	Version int64 `json:"-"`
}

// PlanLinks returns every decision on a link, oldest first.
func (s *Store) PlanLinks(ctx context.Context) ([]PlanLink, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT from_id, to_id, state, user_email, time, version
		FROM plan_links ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("plan links: %w", err)
	}
	defer rows.Close()
	var out []PlanLink
	for rows.Next() {
		var l PlanLink
		var t string
		if err := rows.Scan(&l.From, &l.To, &l.State, &l.UserEmail, &t, &l.Version); err != nil {
			return nil, fmt.Errorf("plan links: %w", err)
		}
		l.Time, _ = time.Parse(timeLayout, t)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("plan links: %w", err)
	}
	return out, nil
}

// SetPlanLink records a curator's decision that plan from does (state
// LinkConfirmed) or does not (LinkRemoved) follow up plan to, with its
// audit entry on from. A plan linked to itself or to a document that does
// not exist is a FieldError on FieldOther.
func (s *Store) SetPlanLink(ctx context.Context, u User, from, to int64, state LinkState) error {
	if state != LinkConfirmed && state != LinkRemoved {
		return fmt.Errorf("plan link %d-%d: state %q: %w", from, to, state, ErrInvalid)
	}
	if from == to {
		return &FieldError{Field: FieldOther, Err: ErrInvalid, Msg: "Een plan kan niet aan zichzelf gekoppeld worden."}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("plan link %d-%d: %w", from, to, err)
	}
	defer tx.Rollback()
	if err := s.exists(ctx, tx, from); err != nil {
		return err
	}
	if err := s.exists(ctx, tx, to); errors.Is(err, ErrNotFound) {
		return &FieldError{Field: FieldOther, Err: ErrInvalid, Msg: fmt.Sprintf("Er is geen document met nummer %d.", to)}
	} else if err != nil {
		return err
	}
	if err := writePlanLink(ctx, tx, u, from, to, state); err != nil {
		return err
	}
	return tx.Commit()
}

// writePlanLink stores the decision and its audit entry.
func writePlanLink(ctx context.Context, tx *sql.Tx, u User, from, to int64, state LinkState) error {
	var before any
	var old string
	err := tx.QueryRowContext(ctx, `SELECT state FROM plan_links WHERE from_id = ? AND to_id = ?`, from, to).Scan(&old)
	switch {
	case err == nil:
		before = map[string]any{"to": to, "state": old}
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("plan link %d-%d: %w", from, to, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO plan_links (from_id, to_id, state, user_email, time, version)
		VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(version), 0) + 1 FROM plan_links))
		ON CONFLICT (from_id, to_id) DO UPDATE SET state = excluded.state, user_email = excluded.user_email,
		time = excluded.time, version = excluded.version`,
		from, to, state, u.Email, time.Now().UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("plan link %d-%d: %w", from, to, err)
	}
	_, err = insertAudit(ctx, tx, u, ActionLink, from, 0, before, map[string]any{"to": to, "state": state})
	return err
}
