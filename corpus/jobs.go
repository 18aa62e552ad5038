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
	// OutcomeInterrupted is a run whose process ended before the run did
	// (a crash, kill -9, a power cut); marked so at the next start.
	OutcomeInterrupted = "onderbroken"
)

// interruptedError is the error recorded for an interrupted run.
const interruptedError = "het proces stopte voordat de taak klaar was; bij de volgende start als onderbroken gemarkeerd"

// JobRun is one run of a background job such as a rebuild of the index.
type JobRun struct {
	ID        int64         `json:"id"`
	Name      string        `json:"name"`
	Started   time.Time     `json:"started"`
	Finished  *time.Time    `json:"finished,omitempty"`
	Duration  time.Duration `json:"duration_ns"`
	Documents int           `json:"documents"`
	Outcome   string        `json:"outcome"` // running, ok, failed, onderbroken
	Error     string        `json:"error,omitempty"`
	// Done of Total documents, as the run last reported (JobProgress);
	// Total is 0 while a run does not know it yet.
	Done  int `json:"done"`
	Total int `json:"total"`
}

// JobProgress records how far a running job is: done of total documents.
func (s *Store) JobProgress(ctx context.Context, id int64, done, total int) error {
	_, err := s.db.ExecContext(ctx, `UPDATE job_runs SET done = ?, total = ? WHERE id = ?`, done, total, id)
	if err != nil {
		return fmt.Errorf("job progress %d: %w", id, err)
	}
	return nil
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

// InterruptJobs marks every run still recorded as running as interrupted
// and returns them. Call it at start, once this process
// holds what the runs need (the index), so that no live run is marked.
func (s *Store) InterruptJobs(ctx context.Context) ([]JobRun, error) {
	rows, err := s.db.QueryContext(ctx, `UPDATE job_runs SET outcome = ?, error = ?
		WHERE outcome = ? RETURNING id, name, started`, OutcomeInterrupted, interruptedError, OutcomeRunning)
	if err != nil {
		return nil, fmt.Errorf("interrupt jobs: %w", err)
	}
	defer rows.Close()
	var out []JobRun
	for rows.Next() {
		j := JobRun{Outcome: OutcomeInterrupted, Error: interruptedError}
		var started string
		if err := rows.Scan(&j.ID, &j.Name, &started); err != nil {
			return nil, fmt.Errorf("interrupt jobs: %w", err)
		}
		j.Started, _ = time.Parse(timeLayout, started)
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("interrupt jobs: %w", err)
	}
	return out, nil
}

// Jobs returns the most recent runs, newest first.
func (s *Store) Jobs(ctx context.Context, limit int) ([]JobRun, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, started, finished, documents, outcome, error,
		done, total FROM job_runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	defer rows.Close()
	var out []JobRun
	for rows.Next() {
		var j JobRun
		var started string
		var finished sql.NullString
		if err := rows.Scan(&j.ID, &j.Name, &started, &finished, &j.Documents, &j.Outcome, &j.Error,
			&j.Done, &j.Total); err != nil {
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
