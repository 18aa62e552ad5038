package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

// metricsDesk is a desk whose /metrics is behind the curator login, with
// the store and index numbers read from the desk's own store and index.
func metricsDesk(t *testing.T) (*desk, *ui.Metrics) {
	t.Helper()
	var m *ui.Metrics
	var d *desk
	d = newDesk(t, func(o *ui.Options) {
		m = ui.NewMetrics(func(ctx context.Context) (ui.MetricsSnapshot, error) {
			st, err := d.store.Stats(ctx)
			if err != nil {
				return ui.MetricsSnapshot{}, err
			}
			snap := ui.MetricsSnapshot{Documents: map[string]int{}, Passages: st.Passages,
				ReviewQueue: st.Documents[corpus.StatusPending], Refusals: st.Refusals}
			for s, n := range st.Documents {
				snap.Documents[string(s)] = n
			}
			snap.IndexedPlans, snap.IndexedPassages, err = d.ix.Counts()
			return snap, err
		})
		o.Metrics, o.MetricsBehindLogin = m, true
	})
	return d, m
}

// scrape fetches /metrics as a and parses it with the Prometheus text
// parser.
func scrape(t *testing.T, a *agent) map[string]*dto.MetricFamily {
	t.Helper()
	r := a.get("/metrics")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: status %d, Content-Type %q", r.status, r.header.Get("Content-Type"))
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("/metrics does not parse: %v\n%s", err, r.body)
	}
	return fams
}

// value is the value of the metric of family name whose labels include
// all of labels (name, value pairs); 0 when there is none.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return 0
	}
next:
	for _, m := range f.GetMetric() {
		have := map[string]string{}
		for _, l := range m.GetLabel() {
			have[l.GetName()] = l.GetValue()
		}
		for i := 0; i+1 < len(labels); i += 2 {
			if have[labels[i]] != labels[i+1] {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return 0
}

// TestMetricsMoveWithRequests: /metrics needs a curator's login, parses
// with the Prometheus text parser, and its counters move by exactly the
// requests the test sends; the review queue grows with a submission.
func TestMetricsMoveWithRequests(t *testing.T) {
	d, m := metricsDesk(t)
	anon := d.agent(t)
	if r := anon.get("/metrics"); r.status != http.StatusSeeOther {
		t.Errorf("/metrics without a login: status %d, want 303 to the login page", r.status)
	}
	cur := d.agent(t)
	cur.login(curatorEmail)
	before := scrape(t, cur)

	for _, q := range []string{"cameratoezicht", "ondermijning", "jeugd"} {
		if r := anon.get("/api/v1/search?q=" + q); r.status != http.StatusOK {
			t.Fatalf("search %s: status %d", q, r.status)
		}
	}
	anon.get("/?q=cameratoezicht")
	anon.get("/api/v1/documents/999999")
	anon.get("/bestaat-niet")
	anon.submit(generatedPlans(t)[0])
	m.ObserveJob("harvest", corpus.OutcomeOK, 2*time.Second)
	after := scrape(t, cur)

	moved := func(name string, labels ...string) float64 {
		return value(after, name, labels...) - value(before, name, labels...)
	}
	checks := []struct {
		what      string
		got, want float64
	}{
		{"API searches", moved("ivp_http_requests_total", "route", "/api/v1/search", "status", "200"), 3},
		{"search page", moved("ivp_http_requests_total", "route", "/", "status", "200"), 1},
		{"unknown document", moved("ivp_http_requests_total", "route", "/api/v1/documents/:id", "status", "404"), 1},
		{"unknown address", moved("ivp_http_requests_total", "route", "unmatched", "status", "404"), 1},
		{"submission", moved("ivp_http_requests_total", "route", "/indienen", "method", "POST", "status", "303"), 1},
		{"timed searches", moved("ivp_search_duration_seconds"), 4},
		{"review queue", moved("ivp_review_queue_length"), 1},
		{"pending documents", moved("ivp_documents", "status", "pending"), 1},
		{"harvest runs", moved("ivp_job_duration_seconds", "job", "harvest", "outcome", "ok"), 1},
		{"store readable", value(after, "ivp_store_scrape_ok"), 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: moved by %v, want %v", c.what, c.got, c.want)
		}
	}

	review := "/beheer/documenten/" + strconv.FormatInt(d.pendingID(t), 10)
	if r := cur.post(review+"/goedkeuren", url.Values{"csrf": {cur.csrf(review)}}); r.status != http.StatusSeeOther {
		t.Fatalf("approve: status %d", r.status)
	}
	approved := scrape(t, cur)
	for name, want := range map[string]float64{"ivp_index_plans": 1, "ivp_review_queue_length": 0,
		"ivp_index_passages": value(approved, "ivp_passages")} {
		if got := value(approved, name); got != want || (name == "ivp_index_passages" && got == 0) {
			t.Errorf("after the approval %s is %v, want %v", name, got, want)
		}
	}
}
