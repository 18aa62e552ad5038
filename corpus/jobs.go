package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Job outcomes.
const (
	OutcomeRunning = "running"
	OutcomeOK      = "ok"
	OutcomeFailed  = "failed"
)

// JobRun is one run of a background job such as a rebuild of the index.
type JobRun struct {
	ID        int64         `json:"id"`
	Name      string        `json:"name"`
	Started   time.Time     `json:"started"`
	Finished  *time.Time    `json:"finished,omitempty"`
	Duration  time.Duration `json:"duration_ns"`
	Documents int           `json:"documents"`
	Outcome   string        `json:"outcome"` // running, ok, failed
	Error     string        `json:"error,omitempty"`
}

// StartJob records that a job started and returns the run's ID.
func (s *Store) StartJob(ctx context.Context, name string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO job_runs (name, started, outcome) VALUES (?, ?, ?)`,
		name, time.Now().UTC().Format(timeLayout), OutcomeRunning)
	if err != nil {
		return 0, fmt.Errorf("start job %s: %w", name, err)
	}
	return res.LastInsertId()
}

// FinishJob records the end of a run: ok when runErr is nil, else failed.
func (s *Store) FinishJob(ctx context.Context, id int64, documents int, runErr error) error {
	outcome, msg := OutcomeOK, ""
	if runErr != nil {
		outcome, msg = OutcomeFailed, runErr.Error()
	}
	_, err := s.db.ExecContext(ctx, `UPDATE job_runs SET finished = ?, documents = ?, outcome = ?, error = ?
		WHERE id = ?`, time.Now().UTC().Format(timeLayout), documents, outcome, msg, id)
	if err != nil {
		return fmt.Errorf("finish job %d: %w", id, err)
	}
	return nil
}

// Jobs returns the most recent runs, newest first.
func (s *Store) Jobs(ctx context.Context, limit int) ([]JobRun, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, started, finished, documents, outcome, error
		FROM job_runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	defer rows.Close()
	var out []JobRun
	for rows.Next() {
		var j JobRun
		var started string
		var finished sql.NullString
		if err := rows.Scan(&j.ID, &j.Name, &started, &finished, &j.Documents, &j.Outcome, &j.Error); err != nil {
			return nil, fmt.Errorf("jobs: %w", err)
		}
		j.Started, _ = time.Parse(timeLayout, started)
		if finished.Valid {
			f, _ := time.Parse(timeLayout, finished.String)
			j.Finished, j.Duration = &f, f.Sub(j.Started)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// Rejection is a file that ingest refused, with the reason.
type Rejection struct {
	ID      int64     `json:"id"`
	Source  string    `json:"source"`
	SHA256  string    `json:"sha256"`
	Size    int64     `json:"size"`
	Reason  string    `json:"reason"`
	Pages   int       `json:"pages,omitempty"` // pages of the file, when known (a scan without text)
	Created time.Time `json:"created"`
}

// Reject records that a file was refused and why. Nothing else changes.
func (s *Store) Reject(ctx context.Context, r Rejection) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO rejections (source, sha256, size, reason, pages, created) VALUES (?, ?, ?, ?, ?, ?)`,
		r.Source, r.SHA256, r.Size, r.Reason, r.Pages, time.Now().UTC().Format(timeLayout))
	if err != nil {
		return fmt.Errorf("record rejection of %s: %w", r.Source, err)
	}
	return nil
}
