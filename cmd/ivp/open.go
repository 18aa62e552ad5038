package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ui"
)

// env holds the opened store and index of one command.
type env struct {
	store *corpus.Store
	ix    *indexer.Indexer
	// rebuildDue is set when the start-up check found the index too far
	// from the store to repair document by document.
	rebuildDue bool
	// metrics, when not nil, receives the runs of jobs (see startMetrics).
	metrics *ui.Metrics
	// bg runs the jobs a curator starts and the scheduled harvest; set by
	// serve, nil elsewhere.
	bg *background
	// toets reads the drafts of the kwaliteitstoets in the background;
	// set by handler.
	toets *ingest.Curator
}

// open opens store and index and repairs what a crash of an earlier
// process left behind (see recoverCrash).
func open(ctx context.Context, c *config) (*env, error) {
	return openEnv(ctx, c, true)
}

// openEnv opens store and index; check says whether to compare the index
// with the store and repair it (not before a rebuild, which replaces it).
func openEnv(ctx context.Context, c *config, check bool) (*env, error) {
	store, err := corpus.Open(ctx, c.storeDir())
	if err != nil {
		return nil, err
	}
	ix, err := indexer.Open(ctx, c.indexDir(), indexer.Options{})
	if err != nil {
		store.Close()
		return nil, lockedError(c, err)
	}
	e := &env{store: store, ix: ix}
	if err := e.recoverCrash(ctx, c.logger(os.Stderr), check); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

func (e *env) Close() error {
	return errors.Join(e.ix.Close(), e.store.Close())
}

// maxRepairs is how many documents the start-up check re-indexes one by
// one; past it, when the plan count differs as well (a lost or foreign
// index), a rebuild is quicker.
const maxRepairs = 500

// recoverCrash runs before this process changes anything, holding the
// index (a second process cannot open it), so nothing else is changing
// store or index: runs still recorded as running were cut off by a crash
// and are marked interrupted; with check, documents on which the index
// and the store disagree (a kill between the two writes) are re-indexed
// or removed. Each repair is logged.
func (e *env) recoverCrash(ctx context.Context, log *slog.Logger, check bool) error {
	jobs, err := e.store.InterruptJobs(ctx)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		log.Warn("job cut off by an earlier stop marked "+corpus.OutcomeInterrupted, "job", j.ID, "name", j.Name,
			"started", j.Started.Format(time.RFC3339))
	}
	if !check || e.ix.Stale() { // a stale index is rebuilt whole
		return nil
	}
	return e.checkIndex(ctx, log)
}

// checkIndex compares the index with the store and repairs it.
func (e *env) checkIndex(ctx context.Context, log *slog.Logger) error {
	start := time.Now()
	r, err := e.repairIndex(ctx)
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case err != nil:
		return err
	case r.Consistent():
		log.Debug("index agrees with the store", "plans", r.Plans, "passages", r.Passages, "took", took)
	case e.rebuildDue:
		log.Warn("index far out of step with the store; rebuilding it", "missing", len(r.Missing),
			"extra", len(r.Extra), "indexed", r.Plans, "published", r.Published)
	default:
		log.Warn("index repaired: it disagreed with the store after an interrupted run",
			"reindexed", r.Missing, "removed", r.Extra, "stray", r.Stray, "took", took)
	}
	return nil
}

// repairIndex compares the index with the store and re-indexes or removes
// each document on which they disagree; when that is too many and the
// plan count is off as well, it sets rebuildDue instead.
func (e *env) repairIndex(ctx context.Context) (indexer.Report, error) {
	r, err := e.ix.Check(ctx, e.store)
	if err != nil {
		return r, fmt.Errorf("%w (run 'ivp reindex' to rebuild the index)", err)
	}
	if len(r.Missing)+len(r.Extra) > maxRepairs && r.Plans != uint64(r.Published) {
		e.rebuildDue = true
		return r, nil
	}
	if err := e.ix.Repair(ctx, e.store, r); err != nil {
		return r, fmt.Errorf("repair index: %w (run 'ivp reindex' to rebuild it)", err)
	}
	return r, nil
}

// rebuild runs an index rebuild as a recorded job.
func (e *env) rebuild(ctx context.Context, name string) (int, error) {
	id, err := e.store.StartJob(ctx, name)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	n, runErr := e.ix.Rebuild(indexer.WithProgress(ctx, jobProgress(ctx, e.store, id)), e.store)
	e.observeJob("rebuild", start, runErr)
	if err := e.store.FinishJob(context.WithoutCancel(ctx), id, n, runErr); err != nil {
		return n, errors.Join(runErr, err)
	}
	return n, runErr
}
