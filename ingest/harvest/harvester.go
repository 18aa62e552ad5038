package harvest

import (
	"context"
	"fmt"
	"net/url"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// Status is what a run did with one document link.
type Status string

// Statuses of a Result, as the CLI prints them.
const (
	StatusNew       Status = "nieuw"        // stored as a new pending document
	StatusUnchanged Status = "ongewijzigd"  // the same file is stored already
	StatusChanged   Status = "gewijzigd"    // changed at its address: stored as a new version
	StatusSkipped   Status = "overgeslagen" // robots.txt forbids it, or it is no PDF or HTML
	StatusFailed    Status = "fout"         // not taken; Reason says why
)

// Result is what a run did with one document link, or with a source
// that failed as a whole (then URL is the source's address).
type Result struct {
	URL        string
	Listing    string // the page that linked it; "" for a source or a URL given by hand
	SourceID   int64
	Status     Status
	Reason     string // Dutch; for skipped and failed, and for unchanged when it says more
	DocumentID int64  // the stored document (new, changed or the unchanged one)
	PreviousID int64  // for a changed document: the version before it
	Title      string // the listing's title of the document
	Done       int    // links handled so far in this run
	Total      int    // links found so far in this run
}

// Summary counts the results of a run.
type Summary struct {
	Sources                                  int
	New, Unchanged, Changed, Skipped, Failed int
	SourcesFailed                            int
}

func (s *Summary) add(r Result) {
	switch r.Status {
	case StatusNew:
		s.New++
	case StatusUnchanged:
		s.Unchanged++
	case StatusChanged:
		s.Changed++
	case StatusSkipped:
		s.Skipped++
	case StatusFailed:
		s.Failed++
	}
}

// Harvester reads the harvest sources in the store and puts what it
// finds into the review queue. Runs do not overlap in one process;
// a run's requests are made one after another.
type Harvester struct {
	store *corpus.Store
	p     *ingest.Pipeline
	opts  Options
	fetch *fetcher
}

// New returns a harvester that stores into store and extracts and tags
// through p (its index is not used: harvested documents are pending).
func New(store *corpus.Store, p *ingest.Pipeline, o Options) (*Harvester, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	return &Harvester{store: store, p: p, opts: o, fetch: newFetcher(o)}, nil
}

// run is the state of one run.
type run struct {
	h      *Harvester
	report func(Result)
	robots map[string]*robots
	seen   map[string]bool
	sum    Summary
	done   int
	total  int
	found  int // document links of the current source
	src    corpus.HarvestSource
}

func (h *Harvester) newRun(report func(Result)) *run {
	if report == nil {
		report = func(Result) {}
	}
	return &run{h: h, report: report, robots: map[string]*robots{}, seen: map[string]bool{}}
}

// Run harvests every enabled source in the store, one after another, and
// calls report with each result as it comes. A failing source is
// recorded with its reason and the run goes on; only a store failure or
// ctx ends it early.
func (h *Harvester) Run(ctx context.Context, report func(Result)) (Summary, error) {
	srcs, err := h.store.HarvestSources(ctx)
	if err != nil {
		return Summary{}, err
	}
	var on []corpus.HarvestSource
	for _, s := range srcs {
		if s.Enabled {
			on = append(on, s)
		}
	}
	return h.RunSources(ctx, on, report)
}

// RunSources harvests the given sources.
func (h *Harvester) RunSources(ctx context.Context, srcs []corpus.HarvestSource, report func(Result)) (Summary, error) {
	r := h.newRun(report)
	for _, src := range srcs {
		if err := r.source(ctx, src); err != nil {
			return r.sum, err
		}
		if ctx.Err() != nil {
			return r.sum, ctx.Err()
		}
	}
	return r.sum, nil
}

// RunURLs harvests the addresses given by hand: one that is a stored
// source's address runs that source; any other is fetched as a document.
func (h *Harvester) RunURLs(ctx context.Context, urls []string, report func(Result)) (Summary, error) {
	srcs, err := h.store.HarvestSources(ctx)
	if err != nil {
		return Summary{}, err
	}
	bySource := map[string]corpus.HarvestSource{}
	for _, s := range srcs {
		bySource[s.URL] = s
	}
	r := h.newRun(report)
	for _, raw := range urls {
		if src, ok := bySource[raw]; ok {
			err = r.source(ctx, src)
		} else {
			err = r.single(ctx, raw)
		}
		if err != nil {
			return r.sum, err
		}
		if ctx.Err() != nil {
			return r.sum, ctx.Err()
		}
	}
	return r.sum, nil
}

// single fetches one address given by hand as a document.
func (r *run) single(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.emit(Result{URL: raw, Status: StatusFailed, Reason: "Geen volledig webadres (http:// of https://)."})
		return nil
	}
	r.src = corpus.HarvestSource{Depth: 1}
	r.total++
	return r.follow(ctx, link{URL: u}, r.src.Depth)
}

// emit counts and reports one result.
func (r *run) emit(res Result) {
	if res.Status != "" {
		r.done++
		r.sum.add(res)
	}
	res.Done, res.Total = r.done, r.total
	if res.SourceID == 0 {
		res.SourceID = r.src.ID
	}
	r.report(res)
}

// failSource reports a source that failed as a whole.
func (r *run) failSource(src corpus.HarvestSource, reason string) {
	r.sum.SourcesFailed++
	r.report(Result{URL: src.URL, SourceID: src.ID, Status: StatusFailed,
		Reason: fmt.Sprintf("Bron %q: %s", src.Name, reason), Done: r.done, Total: r.total})
}

// extractReason is the Dutch reason extraction refused a document.
func extractReason(err error) string { return ingest.ReasonOf(err) }
