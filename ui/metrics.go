package ui

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MetricsSnapshot is what the store and the index hold at one moment,
// read at every scrape of /metrics.
type MetricsSnapshot struct {
	// Documents counts the stored documents per status.
	Documents map[string]int
	// Passages counts the stored passages.
	Passages int
	// IndexedPlans and IndexedPassages count what the serving index holds.
	IndexedPlans, IndexedPassages uint64
	// ReviewQueue is how many documents wait for a curator.
	ReviewQueue int
	// Refusals counts the files extraction refused, per reason.
	Refusals map[string]int
}

// MetricsSource reads a MetricsSnapshot.
type MetricsSource func(ctx context.Context) (MetricsSnapshot, error)

// Metrics are the Prometheus metrics of ivp, in a registry of their own:
// HTTP requests by route and status, search latency, background jobs by
// kind and outcome, and at each scrape the numbers of a MetricsSource.
// Build one with NewMetrics, pass it in Options.Metrics and serve
// Handler where configured. It is safe for concurrent use.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	search   prometheus.Histogram
	jobs     *prometheus.HistogramVec
}

// NewMetrics registers the metrics, with the Go runtime's and the
// process's, and reads src (when not nil) at every scrape.
func NewMetrics(src MetricsSource) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "ivp_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status code."},
			[]string{"route", "method", "status"}),
		search: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "ivp_search_duration_seconds",
			Help:    "Time to run one search (pages, API and feeds), without rendering.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}),
		jobs: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "ivp_job_duration_seconds",
			Help:    "Duration of background jobs (rebuild, harvest) by job kind and outcome; _count counts the runs.",
			Buckets: []float64{.1, .5, 1, 5, 15, 60, 300, 900, 3600}}, []string{"job", "outcome"}),
	}
	m.reg.MustRegister(m.requests, m.search, m.jobs,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if src != nil {
		m.reg.MustRegister(&snapshotCollector{src: src})
	}
	return m
}

// ObserveJob records one run of a background job: kind is "rebuild" or
// "harvest" (the harvester reports its runs here), outcome as recorded in
// the store (ok, fout, ...).
func (m *Metrics) ObserveJob(kind, outcome string, took time.Duration) {
	if m != nil {
		m.jobs.WithLabelValues(kind, outcome).Observe(took.Seconds())
	}
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}

// observeSearch records the duration of one search.
func (m *Metrics) observeSearch(took time.Duration) {
	if m != nil {
		m.search.Observe(took.Seconds())
	}
}

// countRequests is the middleware that counts answered requests by route
// pattern; an address no route matches counts as "unmatched".
func (m *Metrics) countRequests(c *gin.Context) {
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).Inc()
}

// snapshotCollector reports a MetricsSource's numbers at each scrape.
type snapshotCollector struct{ src MetricsSource }

var (
	docsDesc = prometheus.NewDesc("ivp_documents", "Stored documents by status.", []string{"status"}, nil)
	passDesc = prometheus.NewDesc("ivp_passages", "Stored passages of all documents.", nil, nil)
	plansIx  = prometheus.NewDesc("ivp_index_plans", "Plans in the serving index.", nil, nil)
	passIx   = prometheus.NewDesc("ivp_index_passages", "Passages in the serving index.", nil, nil)
	queue    = prometheus.NewDesc("ivp_review_queue_length", "Documents waiting for a curator's review.", nil, nil)
	refusals = prometheus.NewDesc("ivp_extraction_refusals_total",
		"Files extraction refused at ingest, by reason, as recorded in the store.", []string{"reason"}, nil)
	scrapeOK = prometheus.NewDesc("ivp_store_scrape_ok", "1 when the store and index could be read for this scrape.", nil, nil)
)

// Describe implements prometheus.Collector.
func (s *snapshotCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{docsDesc, passDesc, plansIx, passIx, queue, refusals, scrapeOK} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (s *snapshotCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	snap, err := s.src(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(scrapeOK, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(scrapeOK, prometheus.GaugeValue, 1)
	for status, n := range snap.Documents {
		ch <- prometheus.MustNewConstMetric(docsDesc, prometheus.GaugeValue, float64(n), status)
	}
	for reason, n := range snap.Refusals {
		ch <- prometheus.MustNewConstMetric(refusals, prometheus.CounterValue, float64(n), reason)
	}
	ch <- prometheus.MustNewConstMetric(passDesc, prometheus.GaugeValue, float64(snap.Passages))
	ch <- prometheus.MustNewConstMetric(plansIx, prometheus.GaugeValue, float64(snap.IndexedPlans))
	ch <- prometheus.MustNewConstMetric(passIx, prometheus.GaugeValue, float64(snap.IndexedPassages))
	ch <- prometheus.MustNewConstMetric(queue, prometheus.GaugeValue, float64(snap.ReviewQueue))
}
