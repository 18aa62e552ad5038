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

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

// metricsOff and metricsBehindLogin are the --metrics-addr values that
// open no listener of their own.
const (
	metricsOff         = "off"
	metricsBehindLogin = ""
)

// startMetrics creates the server's metrics (unless --metrics-addr is
// off) and, for a host:port, serves them at /metrics there without a
// login until ctx ends. The returned function closes that listener and
// waits for it.
func (e *env) startMetrics(ctx context.Context, c *config, stdout io.Writer, log *slog.Logger) (func(), error) {
	if c.MetricsAddr == metricsOff {
		return func() {}, nil
	}
	e.metrics = ui.NewMetrics(e.metricsSnapshot)
	if c.MetricsAddr == metricsBehindLogin {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", c.MetricsAddr)
	if err != nil {
		return nil, fmt.Errorf("--metrics-addr %s: %w", c.MetricsAddr, err)
	}
	fmt.Fprintf(stdout, "ivp: metrics on http://%s/metrics\n", ln.Addr())
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", e.metrics.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: time.Minute}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics listener stopped", "err", err)
		}
	}()
	stop := context.AfterFunc(ctx, func() { srv.Close() })
	return func() { stop(); srv.Close(); <-done }, nil
}

// metricsSnapshot reads the numbers of /metrics from store and index.
func (e *env) metricsSnapshot(ctx context.Context) (ui.MetricsSnapshot, error) {
	st, err := e.store.Stats(ctx)
	if err != nil {
		return ui.MetricsSnapshot{}, err
	}
	snap := ui.MetricsSnapshot{Documents: map[string]int{}, Passages: st.Passages,
		ReviewQueue: st.Documents[corpus.StatusPending], Refusals: st.Refusals}
	for status, n := range st.Documents {
		snap.Documents[string(status)] = n
	}
	snap.IndexedPlans, snap.IndexedPassages, err = e.ix.Counts()
	return snap, err
}

// observeJob reports a finished run of a job to the metrics, if any.
func (e *env) observeJob(kind string, start time.Time, err error) {
	outcome := corpus.OutcomeOK
	if err != nil {
		outcome = corpus.OutcomeFailed
	}
	e.metrics.ObserveJob(kind, outcome, time.Since(start))
}
