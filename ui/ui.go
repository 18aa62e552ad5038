package ui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// Searcher runs a search and names the serving index generation (the key
// of views derived from the published plans); *search.Searcher
// implements it.
type Searcher interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
	Generation() (string, error)
}

// Documents reads stored plans, their passages and original files and the
// recent job runs; *corpus.Store implements it.
type Documents interface {
	Document(ctx context.Context, id int64) (corpus.Document, error)
	Passages(ctx context.Context, id int64) ([]corpus.Passage, error)
	Documents(ctx context.Context, status corpus.Status) ([]corpus.Document, error)
	FilePath(d corpus.Document) string
	Jobs(ctx context.Context, limit int) ([]corpus.JobRun, error)
	// LeadText is the text of a document's first n passages.
	LeadText(ctx context.Context, id int64, n int) (string, error)
	// PlanLinks are the curators' decisions on links between plans.
	PlanLinks(ctx context.Context) ([]corpus.PlanLink, error)
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
	// X-Forwarded-For (or X-Real-IP) header is believed for the client
	// address in logs and rate limits (Gin's trusted proxies). Default
	// none: the peer's address counts and those headers are ignored. A
	// trusted proxy's X-Forwarded-Proto: https also makes cookies Secure.
	TrustedProxies []string

	// Submissions takes plans in at /indienen; nil turns the submission
	// pages off (they answer 404).
	Submissions Submissions
	// Toets runs the kwaliteitstoets at /kwaliteitstoets; nil turns it
	// off (404). Its uploads count against SubmitRate separately from
	// the submissions.
	Toets Toets
	// ToetsRetention is how long a report of the kwaliteitstoets is kept;
	// the form says so. Set it to the retention of Toets. Default 30 days.
	ToetsRetention time.Duration
	// Curation and Accounts serve the curator area under /beheer; when
	// either is nil the area is off (404).
	Curation Curation
	Accounts Accounts
	// MaxUploadBytes is the largest file a form may upload, enforced while
	// the body streams in. Default 50 MB.
	MaxUploadBytes int64
	// SessionTTL is how long a curator stays logged in. Default 8h.
	SessionTTL time.Duration
	// SecureCookies marks every cookie Secure. When false, cookies are
	// Secure on requests that came over TLS, directly or through a
	// trusted proxy that sets X-Forwarded-Proto: https.
	SecureCookies bool
	// The rate limits count per client address: an IPv4 address, or the
	// /64 of an IPv6 address. A negative Max turns a limit off.
	//
	// SubmitRate limits stored submissions (refused forms do not count).
	// Default 10 per hour.
	SubmitRate Rate
	// LoginRate limits failed password checks per client address, over
	// all accounts. Default 20 per 15 minutes.
	LoginRate Rate
	// AccountLoginRate limits failed password checks of one e-mail
	// address from one client address; other addresses are not affected.
	// Default 5 per 15 minutes.
	AccountLoginRate Rate
	// Secret keys the CSRF tokens; at least 32 bytes. Default: random at
	// start, so forms opened before a restart must be reloaded.
	Secret []byte

	// MaxExtractions is how many uploads (submissions and replaced files)
	// may be extracted at once. A further upload is answered 503 with
	// Retry-After and nothing of it is stored. Default: one per CPU.
	MaxExtractions int
	// WriteTimeout is how long a request may take to be answered once it
	// has arrived; set it to the server's WriteTimeout. The read deadline
	// moves with it, so the server's ReadTimeout bounds only a request's
	// arrival and never cuts a slow search short; after an upload it starts
	// again, so extraction has the full time. Default 3 minutes.
	WriteTimeout time.Duration
	// TransferTimeout is how long an upload form may take to arrive and an
	// original file to be sent, in all; these routes set their own,
	// longer deadlines. Default 10 minutes.
	TransferTimeout time.Duration
	// StallTimeout is how long the body of an upload may stop arriving
	// before the upload is refused and the connection closed. Default 30s.
	StallTimeout time.Duration

	// Metrics, when not nil, counts requests and times searches; with
	// MetricsBehindLogin this server also serves it at /metrics to
	// logged-in curators (otherwise cmd serves Metrics.Handler on an
	// address of its own, or not at all).
	Metrics            *Metrics
	MetricsBehindLogin bool
	// Jobs starts rebuilds and harvests from /beheer/taken; nil leaves the
	// page with the history only.
	Jobs Jobs
	// Sources keeps the harvest sources edited at /beheer/bronnen; nil
	// turns that page off (404).
	Sources Sources
}

// Validate reports settings that cannot work.
func (o Options) Validate() error {
	switch {
	case o.ReadyTimeout < 0:
		return fmt.Errorf("ui: ReadyTimeout %s is negative", o.ReadyTimeout)
	case o.MaxUploadBytes < 0:
		return fmt.Errorf("ui: MaxUploadBytes %d is negative", o.MaxUploadBytes)
	case o.SessionTTL < 0:
		return fmt.Errorf("ui: SessionTTL %s is negative", o.SessionTTL)
	case o.Secret != nil && len(o.Secret) < 32:
		return fmt.Errorf("ui: Secret has %d bytes, want at least 32", len(o.Secret))
	case o.MaxExtractions < 0:
		return fmt.Errorf("ui: MaxExtractions %d is negative", o.MaxExtractions)
	case o.WriteTimeout < 0 || o.TransferTimeout < 0 || o.StallTimeout < 0:
		return fmt.Errorf("ui: a timeout is negative (write %s, transfer %s, stall %s)",
			o.WriteTimeout, o.TransferTimeout, o.StallTimeout)
	}
	for name, r := range map[string]Rate{"SubmitRate": o.SubmitRate, "LoginRate": o.LoginRate,
		"AccountLoginRate": o.AccountLoginRate} {
		if r.Max > 0 && r.Window <= 0 {
			return fmt.Errorf("ui: %s has no Window", name)
		}
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
	if o.MaxUploadBytes == 0 {
		o.MaxUploadBytes = 50 << 20
	}
	if o.ToetsRetention == 0 {
		o.ToetsRetention = 30 * 24 * time.Hour
	}
	if o.SessionTTL == 0 {
		o.SessionTTL = 8 * time.Hour
	}
	o.SubmitRate = o.SubmitRate.orDefault(Rate{Max: 10, Window: time.Hour})
	o.LoginRate = o.LoginRate.orDefault(Rate{Max: 20, Window: 15 * time.Minute})
	o.AccountLoginRate = o.AccountLoginRate.orDefault(Rate{Max: 5, Window: 15 * time.Minute})
	if o.Secret == nil {
		o.Secret = []byte(randomToken())
	}
	return o.withTransferDefaults()
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
	// resolvers read gemeenten, provincies and themes by name or code.
	resolvers *search.Resolvers

	subs     Submissions // nil: submissions off
	toets    Toets       // nil: kwaliteitstoets off
	curation Curation    // nil (or accounts nil): curator area off
	accounts Accounts
	secret   []byte
	proxies  []netip.Prefix
	// extracting bounds the uploads being extracted (MaxExtractions).
	extracting slots
	// Rate limits: submissions per address, failed logins per address and
	// per account and address.
	submitLimit, loginLimit, accountLimit *limiter
	// toetsLimit counts drafts of the kwaliteitstoets per address.
	toetsLimit *limiter
	// apiPage is the readable API description, built at start.
	apiPage apiDocPage
	// overview holds the data and caches of the landelijk beeld, the
	// gemeente pages and the speerpunten matrix.
	overview *overview
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
		gemeenten: gms, taxonomy: tax, resolvers: search.NewResolvers(gms, tax),
		subs: o.Submissions, toets: o.Toets, curation: o.Curation, accounts: o.Accounts, secret: o.Secret,
		submitLimit: newLimiter(o.SubmitRate), loginLimit: newLimiter(o.LoginRate),
		accountLimit: newLimiter(o.AccountLoginRate), toetsLimit: newLimiter(o.SubmitRate)}
	h.extracting = newSlots(o.MaxExtractions)
	if h.overview, err = newOverview(gms); err != nil {
		return nil, fmt.Errorf("ui: %w", err)
	}
	if h.proxies, err = parseProxies(o.TrustedProxies); err != nil {
		return nil, fmt.Errorf("ui: trusted proxies: %w", err)
	}
	doc, err := parseAPIDoc()
	if err != nil {
		return nil, err
	}
	h.apiPage = h.newAPIDocPage(doc)
	e, err := h.engine()
	if err != nil {
		return nil, err
	}
	return &frontEnd{Engine: e, h: h}, nil
}

// frontEnd is the handler New returns: the Gin engine, and WarmOverview.
type frontEnd struct {
	*gin.Engine
	h *handler
}

// WarmOverview computes what the overview pages show for the serving
// index generation, so that the first visitor does not wait for it (at
// 20,000 plans it reads and checks every plan in force: tens of seconds).
// cmd runs it in the background at start.
func (f *frontEnd) WarmOverview(ctx context.Context) error {
	_, err := f.h.currentBeeld(ctx)
	return err
}

// engine builds the Gin engine with middleware and routes.
func (h *handler) engine() (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.RedirectTrailingSlash = true
	if err := e.SetTrustedProxies(h.opts.TrustedProxies); err != nil {
		return nil, fmt.Errorf("ui: trusted proxies: %w", err)
	}
	e.Use(h.logRequests)
	if h.opts.Metrics != nil {
		e.Use(h.opts.Metrics.countRequests)
	}
	e.Use(h.handleErrors, securityHeaders, h.crossOrigin(), h.warnForwarded())
	h.routes(e)
	return e, nil
}
