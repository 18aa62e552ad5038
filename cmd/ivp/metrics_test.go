package main

import (
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// TestMetricsOnOwnAddress: with --metrics-addr the server serves /metrics
// on a listener of its own without a login (and not on --addr); a
// rebuild (at start or scheduled), the searches sent and a file that
// ingest refused show in it.
func TestMetricsOnOwnAddress(t *testing.T) {
	data := smallStore(t)
	empty := writeFile(t, filepath.Join(t.TempDir(), "leeg.pdf"), nil)
	if code, _, _ := ivp(t, "ingest", "--data", data, empty); code != 1 {
		t.Fatalf("ingest of an empty file: exit %d, want 1", code)
	}
	out := serveWithOutput(t, data, "--metrics-addr", "127.0.0.1:0", "--reindex-schedule", "@every 1s",
		"--harvest-contact", "oov@example.nl", "--harvest-schedule", "@every 1s")
	base := regexp.MustCompile(`serving on (http://\S+)`).FindStringSubmatch(out)[1]
	m := regexp.MustCompile(`metrics on (http://\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no metrics address in %q", out)
	}
	if st, _, _ := getBody(t, base+"/metrics"); st != http.StatusNotFound {
		t.Errorf("/metrics on --addr: status %d, want 404 when it has an address of its own", st)
	}
	var rebuilt, harvested bool
	for deadline := time.Now().Add(20 * time.Second); !(rebuilt && harvested) && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		text := scrapeText(t, m[1])
		rebuilt = strings.Contains(text, `ivp_job_duration_seconds_count{job="rebuild",outcome="ok"}`)
		harvested = strings.Contains(text, `ivp_job_duration_seconds_count{job="harvest",outcome="ok"}`)
	}
	if !rebuilt || !harvested {
		t.Errorf("a rebuild (%v) or a harvest (%v) is missing from the metrics:\n%s", rebuilt, harvested, scrapeText(t, m[1]))
	}
	for range 5 {
		getBody(t, base+"/api/v1/search?q=cameratoezicht")
	}
	text := scrapeText(t, m[1])
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatalf("metrics do not parse: %v", err)
	}
	for _, want := range []string{`ivp_http_requests_total{method="GET",route="/api/v1/search",status="200"} 5`,
		`ivp_index_plans 2`, `ivp_documents{status="published"} 2`, `ivp_extraction_refusals_total{reason="leeg bestand"} 1`} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if fams["go_goroutines"] == nil || fams["process_resident_memory_bytes"] == nil {
		t.Error("the Go runtime and process metrics are missing")
	}
}

// scrapeText fetches a metrics page.
func scrapeText(t *testing.T, url string) string {
	t.Helper()
	st, body, _ := getBody(t, url)
	if st != http.StatusOK {
		t.Fatalf("%s: status %d", url, st)
	}
	return body
}
