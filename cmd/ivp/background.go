package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/ccv/ivp/ingest/harvest"
	"github.com/ccv/ivp/ui"
)

// background runs, beside the server, the jobs a curator starts at
// /beheer/taken and the scheduled harvest. Runs of one kind never
// overlap; each is recorded as a job with its progress.
type background struct {
	ctx       context.Context // the server's: cancelled at shutdown
	e         *env
	log       *slog.Logger
	harvester *harvest.Harvester // nil: harvesting is off
	schedule  string             // cron spec of the harvest; "" or "off" for none
	data      string             // the data directory, where the harvest lock is
	rebuildOn atomic.Bool
	harvestOn atomic.Bool
	wg        sync.WaitGroup
}

// newBackground prepares the background jobs of the server. Without a
// contact address harvesting is off, which is logged.
func (e *env) newBackground(ctx context.Context, c *config, log *slog.Logger) (*background, error) {
	b := &background{ctx: ctx, e: e, log: log, schedule: c.HarvestSchedule, data: c.Data}
	h, err := c.harvester(e.store)
	switch {
	case errors.Is(err, errUsage) && c.HarvestContact == "":
		log.Info("harvesting off: set --harvest-contact to turn it on")
	case err != nil:
		return nil, err
	default:
		b.harvester = h
	}
	return b, nil
}

// StartRebuild starts a rebuild of the index for a curator.
func (b *background) StartRebuild() error {
	if b.e.ix.Rebuilding() || !b.rebuildOn.CompareAndSwap(false, true) {
		return ui.ErrJobRunning
	}
	b.wg.Go(func() {
		defer b.rebuildOn.Store(false)
		defer b.recover("reindex")
		start := time.Now()
		n, err := b.e.rebuild(b.ctx, "reindex (beheer)")
		if err != nil {
			b.log.Error("reindex started in /beheer failed; the old index keeps serving", "err", err)
			return
		}
		b.log.Info("reindex started in /beheer done", "documents", n, "took", time.Since(start).Round(time.Millisecond))
	})
	return nil
}

// StartHarvest starts a harvest of every enabled source for a curator.
func (b *background) StartHarvest() error {
	if b.harvester == nil {
		return ui.ErrHarvestOff
	}
	unlock, err := b.lockHarvest()
	if err != nil {
		return err
	}
	b.wg.Go(func() {
		defer unlock()
		defer b.recover("harvest")
		b.harvest("oogst (beheer)")
	})
	return nil
}

// lockHarvest makes sure no other harvest runs, in this process or
// another, and returns the function that ends this one's claim.
func (b *background) lockHarvest() (func(), error) {
	if !b.harvestOn.CompareAndSwap(false, true) {
		return nil, ui.ErrJobRunning
	}
	unlock, err := lockHarvest(b.data)
	if errors.Is(err, errHarvestRunning) {
		err = ui.ErrJobRunning
	}
	if err != nil {
		b.harvestOn.Store(false)
		return nil, err
	}
	return func() { unlock(); b.harvestOn.Store(false) }, nil
}

// harvest runs one harvest and logs its outcome.
func (b *background) harvest(name string) {
	start := time.Now()
	sum, err := harvestJob(b.ctx, b.e.store, b.harvester, name, nil, func(r harvest.Result) {
		if r.Status == harvest.StatusFailed {
			b.log.Warn("harvest: not taken", "url", r.URL, "reason", r.Reason)
		}
	})
	b.e.observeJob("harvest", start, err)
	b.log.Info("harvest done", "job", name, "new", sum.New, "changed", sum.Changed, "failed", sum.Failed,
		"sources failed", sum.SourcesFailed, "took", time.Since(start).Round(time.Millisecond), "err", err)
}

// scheduleHarvest adds the scheduled harvest to c. A scheduled run that
// finds one going (started by a curator) is skipped.
func (b *background) scheduleHarvest(c *cron.Cron) error {
	if b.schedule == "" || b.schedule == "off" {
		return nil
	}
	if _, err := cron.ParseStandard(b.schedule); err != nil {
		return fmt.Errorf("%w: --harvest-schedule %q: %v", errUsage, b.schedule, err)
	}
	if b.harvester == nil {
		return nil
	}
	_, err := c.AddFunc(b.schedule, func() {
		unlock, err := b.lockHarvest()
		if err != nil {
			b.log.Info("scheduled harvest skipped", "reason", err)
			return
		}
		defer unlock()
		b.harvest("oogst (gepland)")
	})
	if err != nil {
		return fmt.Errorf("%w: --harvest-schedule %q: %v", errUsage, b.schedule, err)
	}
	b.log.Info("harvest scheduled", "schedule", b.schedule)
	return nil
}

// recover turns a panic of a job into a logged error, so the server
// goes on; the run stays recorded as running until the next start marks
// it interrupted.
func (b *background) recover(job string) {
	if p := recover(); p != nil {
		b.log.Error("job panicked", "job", job, "panic", p)
	}
}

// wait waits for the jobs a curator started; the server's context,
// cancelled at shutdown, makes them stop.
func (b *background) wait() { b.wg.Wait() }
