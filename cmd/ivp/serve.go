package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/harvest"
	"github.com/ccv/ivp/ingest/tag"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("serve", &c, "data", "addr", "reindex-schedule", "log-level",
		"harvest-contact", "harvest-schedule", "harvest-interval", "harvest-timeout",
		"max-pages", "extract-timeout", "extract-memory", "pdftotext", "ocr", "ocr-max-pages", "ocr-page-timeout",
		"max-upload-size", "session-ttl", "toets-retention", "toets-reads", "toets-queue",
		"secure-cookies", "trusted-proxies", "secret", "submit-rate", "login-rate", "account-login-rate",
		"max-extractions", "read-timeout", "write-timeout", "idle-timeout", "transfer-timeout", "metrics-addr")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	if c.WriteTimeout <= c.ExtractTimeout {
		return fmt.Errorf("%w: --write-timeout %s must be longer than --extract-timeout %s, or uploads time out while they are extracted",
			errUsage, c.WriteTimeout, c.ExtractTimeout)
	}
	log := c.logger(stderr)
	if err := ingest.HardMemoryLimit(); err != nil {
		log.Warn("extract-memory is not enforced", "reason", err)
	}
	e, err := open(ctx, &c)
	if err != nil {
		return err
	}
	defer e.Close()
	metricsDone, err := e.startMetrics(ctx, &c, stdout, log)
	if err != nil {
		return err
	}
	defer metricsDone()
	if e.bg, err = e.newBackground(ctx, &c, log); err != nil {
		return err
	}
	h, err := e.handler(&c, log)
	if err != nil {
		return err
	}
	defer e.toets.Close() // after the server: reads cut off stay unread, resumed at the next start
	sched, err := e.schedule(ctx, c.ReindexSchedule, log)
	if err != nil {
		return err
	}
	e.resumeDrafts(ctx, log)
	defer markServing(c.Data, c.Addr)() // tells 'ivp reindex' where the server is
	caughtUp := make(chan struct{})
	go func() {
		defer close(caughtUp)
		e.warnStaleTags(ctx, &c, log) // a scan of every passage: not before serving
		e.catchUp(ctx, log)
	}()
	warmCtx, stopWarm := context.WithCancel(ctx)
	warmed := warmOverview(warmCtx, h, log)
	err = listenAndServe(ctx, c.Addr, c.httpServer(h), stdout, log)
	stopWarm()
	<-warmed
	stopCtx := sched.Stop() // waits for a running rebuild to finish
	<-stopCtx.Done()
	<-caughtUp // and for the catch-up at start, so that its job is recorded as ended
	// ... and for the jobs a curator started.
	e.bg.wait()
	return err
}

// handler is the web front end over e with the settings of c, with
// submissions and the curator area on.
func (e *env) handler(c *config, log *slog.Logger) (http.Handler, error) {
	cur, accounts, err := e.curation(c, nil)
	if err != nil {
		return nil, err
	}
	opts, err := c.uiOptions(log)
	if err != nil {
		return nil, err
	}
	opts.Submissions, opts.Curation, opts.Accounts = cur, cur, accounts
	opts.Toets, opts.ToetsRetention = cur, c.ToetsRetention
	e.toets = cur
	opts.MaxExtractions, opts.WriteTimeout = c.MaxExtractions, c.WriteTimeout
	opts.TransferTimeout, opts.StallTimeout = c.TransferTimeout, c.ReadTimeout
	opts.Metrics, opts.MetricsBehindLogin = e.metrics, c.MetricsAddr == metricsBehindLogin
	opts.Sources = harvest.NewSources(e.store)
	if e.bg != nil {
		opts.Jobs = e.bg
	}
	return ui.New(opts, search.New(e.ix), e.store, ui.ReadyFunc(e.ready))
}

// httpServer is the server of h with the timeouts of the settings: a
// request must arrive within ReadTimeout (its headers within 10 seconds)
// and be answered within WriteTimeout; an idle keep-alive connection is
// closed after IdleTimeout. Uploads and original files get longer (see
// ui.Options.TransferTimeout).
func (c *config) httpServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: min(10*time.Second, c.ReadTimeout),
		ReadTimeout: c.ReadTimeout, WriteTimeout: c.WriteTimeout, IdleTimeout: c.IdleTimeout}
}

func listenAndServe(ctx context.Context, addr string, srv *http.Server, stdout io.Writer, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ivp: serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// schedule starts the cron scheduler with the nightly rebuild. Runs never
// overlap: a run that is due while one is going is skipped.
func (e *env) schedule(ctx context.Context, spec string, log *slog.Logger) (*cron.Cron, error) {
	cl := cronLogger{log}
	c := cron.New(cron.WithChain(cron.Recover(cl), cron.SkipIfStillRunning(cl)))
	if spec != "" && spec != "off" {
		if _, err := c.AddFunc(spec, func() { e.scheduledRebuild(ctx, log) }); err != nil {
			return nil, fmt.Errorf("%w: --reindex-schedule %q: %v", errUsage, spec, err)
		}
		log.Info("reindex scheduled", "schedule", spec)
	}
	if e.bg != nil {
		if err := e.bg.scheduleHarvest(c); err != nil {
			return nil, err
		}
	}
	e.sweepDrafts(ctx, log)
	if _, err := c.AddFunc("@hourly", func() { e.sweepDrafts(ctx, log) }); err != nil {
		return nil, fmt.Errorf("schedule draft sweep: %w", err)
	}
	c.Start()
	return c, nil
}

func (e *env) scheduledRebuild(ctx context.Context, log *slog.Logger) {
	start := time.Now()
	n, err := e.rebuild(ctx, "reindex (gepland)")
	if err != nil {
		log.Error("scheduled reindex failed; the old index keeps serving", "err", err)
		return
	}
	log.Info("scheduled reindex done", "documents", n, "took", time.Since(start).Round(time.Millisecond))
}

// sweepDrafts deletes the drafts of the kwaliteitstoets past their
// retention (--toets-retention) that were not submitted, with their files;
// it runs at start and every hour.
func (e *env) sweepDrafts(ctx context.Context, log *slog.Logger) {
	n, err := e.store.SweepDrafts(ctx, time.Now())
	if err != nil {
		log.Error("sweep kwaliteitstoets drafts", "err", err)
		return
	}
	if n > 0 {
		log.Info("kwaliteitstoets drafts deleted after their retention", "drafts", n)
	}
}

// resumeDrafts reads again the drafts of the kwaliteitstoets whose
// reading the last stop of the server cut off (after the sweep at start,
// so that expired ones are gone): their links show the progress again
// and then the report, instead of staying "bezig".
func (e *env) resumeDrafts(ctx context.Context, log *slog.Logger) {
	n, err := e.toets.ResumeDrafts(ctx)
	if err != nil {
		log.Error("resume kwaliteitstoets drafts", "err", err)
		return
	}
	if n > 0 {
		log.Info("kwaliteitstoets drafts read again after a restart", "drafts", n)
	}
}

// warnStaleTags says at start how many stored passages another version of
// the tagger tagged: their velden and themes, and so the facets, stay as
// that version made them until 'ivp reindex --retag'. A stop before the
// count is done cuts it short without a word.
func (e *env) warnStaleTags(ctx context.Context, c *config, log *slog.Logger) {
	tax, err := corpus.LoadTaxonomy(c.storeDir())
	if err != nil {
		log.Error("load taxonomy", "err", err)
		return
	}
	current := tag.EmbeddedVersion(tax)
	n, err := e.store.StaleTags(ctx, current)
	switch {
	case ctx.Err() != nil:
	case err != nil:
		log.Error("count stale tags", "err", err)
	case n > 0:
		log.Warn("passages tagged by another tagger version; run 'ivp reindex --retag' to tag them again",
			"passages", n, "tagger", current)
	default:
		log.Info("every passage tagged by this tagger version", "tagger", current)
	}
}

// catchUp rebuilds the index in the background when it does not hold
// what the store holds (a lost index directory, or an upgrade), while the
// server answers from what it has.
func (e *env) catchUp(ctx context.Context, log *slog.Logger) {
	counts, err := e.store.Counts(ctx)
	if err != nil {
		log.Error("count store", "err", err)
		return
	}
	n, err := e.ix.DocCount()
	if err != nil || (int(n) == counts.Published && !e.ix.Stale()) {
		return
	}
	log.Info("index out of step with the store or this version; rebuilding",
		"indexed", n, "published", counts.Published, "stale mapping", e.ix.Stale())
	if _, err := e.rebuild(ctx, "reindex (bij start)"); err != nil {
		log.Error("reindex at start failed", "err", err)
	}
}

// ready is the server's readiness (/readyz): the index answers, and it
// is not empty while the store has published plans, as it is while a
// lost or first index is being built; searches would find nothing.
func (e *env) ready(ctx context.Context) error {
	if err := e.ix.Ready(ctx); err != nil {
		return err
	}
	if n, err := e.ix.DocCount(); err != nil || n > 0 {
		return err
	}
	counts, err := e.store.Counts(ctx)
	if err != nil {
		return err
	}
	if counts.Published > 0 {
		return fmt.Errorf("de index is leeg terwijl %d plannen gepubliceerd zijn; hij wordt opgebouwd", counts.Published)
	}
	return nil
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}

// warmOverview computes the overview pages' data in the background; the
// channel closes when it is done (or stopped with ctx).
func warmOverview(ctx context.Context, h http.Handler, log *slog.Logger) <-chan struct{} {
	done := make(chan struct{})
	w, ok := h.(interface{ WarmOverview(context.Context) error })
	if !ok {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		if err := w.WarmOverview(ctx); err != nil && ctx.Err() == nil {
			log.Warn("warm overview pages", "error", err)
		}
	}()
	return done
}
