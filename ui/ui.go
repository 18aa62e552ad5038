package ui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// Searcher runs a search; *search.Searcher implements it.
type Searcher interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
}

// Documents reads stored plans, their passages and original files and the
// recent job runs; *corpus.Store implements it.
type Documents interface {
	Document(ctx context.Context, id int64) (corpus.Document, error)
	Passages(ctx context.Context, id int64) ([]corpus.Passage, error)
	FilePath(d corpus.Document) string
	Jobs(ctx context.Context, limit int) ([]corpus.JobRun, error)
}

// Readiness reports whether the service can answer searches; /readyz asks it.
type Readiness interface {
	Ready(ctx context.Context) error
}

// ReadyFunc adapts a function to Readiness, e.g. one that pings the store
// and asks the index.
type ReadyFunc func(ctx context.Context) error

// Ready calls f.
func (f ReadyFunc) Ready(ctx context.Context) error { return f(ctx) }

// Options configures the web front end. The zero value is usable.
type Options struct {
	// Version is shown in the page footer. Default "dev".
	Version string
	// Logger receives request logs (at Debug) and errors. Default slog.Default().
	Logger *slog.Logger
	// ReadyTimeout bounds one /readyz check. Default 2s.
	ReadyTimeout time.Duration
	// TrustedProxies are the addresses or CIDRs of reverse proxies whose
	// X-Forwarded-For header is believed for the client address in logs.
	// Default none.
	TrustedProxies []string
}

// Validate reports settings that cannot work.
func (o Options) Validate() error {
	if o.ReadyTimeout < 0 {
		return fmt.Errorf("ui: ReadyTimeout %s is negative", o.ReadyTimeout)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.ReadyTimeout == 0 {
		o.ReadyTimeout = 2 * time.Second
	}
	return o
}

// handler holds the dependencies of the HTTP handlers, which are its methods.
type handler struct {
	opts      Options
	log       *slog.Logger
	search    Searcher
	docs      Documents
	ready     Readiness
	views     *views
	gemeenten *corpus.Gemeenten
	taxonomy  *corpus.Taxonomy
	// provincies is the set of province names in the gemeenten register.
	provincies map[string]bool
}

// New builds the web front end. s and docs are required; a nil ready means
// always ready. It fails when a template is missing or does not parse.
func New(o Options, s Searcher, docs Documents, ready Readiness) (http.Handler, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if s == nil || docs == nil {
		return nil, errors.New("ui: a Searcher and Documents are required")
	}
	if ready == nil {
		ready = ReadyFunc(func(context.Context) error { return nil })
	}
	o = o.withDefaults()
	v, err := parseViews(o.Version)
	if err != nil {
		return nil, err
	}
	gms, err := corpus.LoadGemeenten()
	if err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	h := &handler{opts: o, log: o.Logger, search: s, docs: docs, ready: ready, views: v,
		gemeenten: gms, taxonomy: tax, provincies: map[string]bool{}}
	for _, g := range gms.All() {
		h.provincies[g.Provincie] = true
	}
	return h.engine()
}

// engine builds the Gin engine with middleware and routes.
func (h *handler) engine() (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.RedirectTrailingSlash = true
	if err := e.SetTrustedProxies(h.opts.TrustedProxies); err != nil {
		return nil, fmt.Errorf("ui: trusted proxies: %w", err)
	}
	e.Use(h.logRequests, h.handleErrors, securityHeaders)
	h.routes(e)
	return e, nil
}
