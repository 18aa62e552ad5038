package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	sample := generate(t, 5, 7)
	truth := readTruth(t, sample)
	data := t.TempDir()
	code, out, errs := ivp(t, "ingest", "--data", data, sample)
	if code != 0 || strings.Count(out, "\nok ")+boolInt(strings.HasPrefix(out, "ok ")) != 5 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	base := serve(t, data, "--reindex-schedule", "off")

	t.Run("facets count plans", func(t *testing.T) {
		var r apiResult
		if st := getJSON(t, base+"/api/v1/search", &r); st != 200 || r.Total != 5 {
			t.Fatalf("empty query: status %d, total %d, want 200 and 5", st, r.Total)
		}
		want := map[string]int{}
		for _, p := range truth {
			for _, g := range p.Gemeenten {
				want[g]++
			}
		}
		for code, n := range want {
			if got := r.facet("gemeente", code); got != n {
				t.Errorf("gemeente %s: facet says %d plans, truth %d", code, got, n)
			}
		}
	})
	t.Run("a phrase from each plan finds it on the right page", func(t *testing.T) {
		for _, p := range truth {
			checkPhrase(t, base, p, truth)
		}
	})
	t.Run("filter by provincie", func(t *testing.T) {
		var all apiResult
		getJSON(t, base+"/api/v1/search", &all)
		prov := all.Results[0].Gemeenten[0].Provincie
		var r apiResult
		getJSON(t, base+"/api/v1/search?provincie="+url.QueryEscape(prov), &r)
		if r.Total == 0 || r.Total != all.facet("provincie", prov) {
			t.Errorf("provincie %s: %d plans, facet said %d", prov, r.Total, all.facet("provincie", prov))
		}
	})
	t.Run("document page and original file", func(t *testing.T) {
		checkDocument(t, base, sample, truth[0])
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkPhrase searches four consecutive words that occur in this plan only
// (in its middle passages) and expects the plan among the first three,
// with a highlighted passage on the truth page.
func checkPhrase(t *testing.T, base string, p truthPlan, others []truthPlan) {
	t.Helper()
	q, page := uniqueWindow(p, others)
	if q == "" {
		t.Fatalf("%s: no four-word window unique to the plan", p.File)
	}
	var r apiResult
	getJSON(t, base+"/api/v1/search?q="+url.QueryEscape(q), &r)
	for i, d := range r.Results {
		if i > 2 {
			break
		}
		if d.Title != p.Title || !hasGemeente(d.Gemeenten, p.Gemeenten[0]) {
			continue
		}
		for _, ps := range d.Passages {
			if ps.Page == page && strings.Contains(ps.Snippet, "<mark>") {
				return
			}
		}
		t.Errorf("%q: %s found but no passage on page %d: %+v", q, p.File, page, d.Passages)
		return
	}
	t.Errorf("%q: %s (%s) not among the first three of %d results", q, p.File, p.Title, r.Total)
}

func hasGemeente(gs []struct {
	Code      string `json:"code"`
	Provincie string `json:"provincie"`
}, code string) bool {
	for _, g := range gs {
		if g.Code == code {
			return true
		}
	}
	return false
}

// uniqueWindow returns four consecutive words from the second half of the
// plan that no other plan contains, and the page they are on.
func uniqueWindow(p truthPlan, others []truthPlan) (string, int) {
	norm := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	var rest strings.Builder
	for _, o := range others {
		if o.File != p.File {
			for _, op := range o.Passages {
				rest.WriteString(norm(op.Text) + "\n")
			}
		}
	}
	for _, tp := range p.Passages[len(p.Passages)/2:] {
		words := strings.Fields(norm(tp.Text))
		for i := 0; i+4 <= len(words); i++ {
			w := strings.Join(words[i:i+4], " ")
			if len(w) > 20 && !strings.Contains(rest.String(), w) {
				return w, tp.Page
			}
		}
	}
	return "", 0
}

func checkDocument(t *testing.T, base, sample string, p truthPlan) {
	t.Helper()
	var r apiResult
	getJSON(t, base+"/api/v1/search?size=100", &r)
	var id int64
	for _, d := range r.Results {
		if d.Title == p.Title {
			id = d.ID
		}
	}
	if id == 0 {
		t.Fatalf("%s not listed", p.Title)
	}
	st, body, _ := getBody(t, fmt.Sprintf("%s/documenten/%d", base, id))
	link := fmt.Sprintf("/bestanden/%d#page=%d", id, p.Passages[len(p.Passages)-1].Page)
	if st != 200 || !strings.Contains(body, link) {
		t.Errorf("document page: status %d, link %s present: %v", st, link, strings.Contains(body, link))
	}
	st, pdf, hdr := getBody(t, fmt.Sprintf("%s/bestanden/%d", base, id))
	orig, _ := os.ReadFile(filepath.Join(sample, p.File))
	if st != 200 || pdf != string(orig) || !strings.HasPrefix(hdr.Get("Content-Type"), "application/pdf") {
		t.Errorf("original file: status %d, %d bytes (want %d), type %q", st, len(pdf), len(orig), hdr.Get("Content-Type"))
	}
	var doc struct {
		Passages []struct{ Text string } `json:"passages"`
	}
	if st := getJSON(t, fmt.Sprintf("%s/api/v1/documents/%d", base, id), &doc); st != 200 || len(doc.Passages) == 0 {
		t.Errorf("document API: status %d, %d passages", st, len(doc.Passages))
	}
}

// TestScheduledRebuildWhileQuerying runs the cron rebuild every second
// while queries stream in: none may fail or come back empty.
func TestScheduledRebuildWhileQuerying(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	sample := generate(t, 8, 3)
	data := t.TempDir()
	if code, out, _ := ivp(t, "ingest", "--data", data, sample); code != 0 {
		t.Fatalf("ingest: %s", out)
	}
	base := serve(t, data, "--reindex-schedule", "@every 1s")
	// Query until two rebuilds have completed (however slow the machine).
	deadline := time.Now().Add(60 * time.Second)
	queries, rebuilds := 0, 0
	for rebuilds < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d rebuilds completed in 60 s", rebuilds)
		}
		var r apiResult
		if st := getJSON(t, base+"/api/v1/search?q=veiligheid", &r); st != 200 || r.Total != 8 {
			t.Fatalf("query %d during rebuilds: status %d, %d plans, want 200 and 8", queries, st, r.Total)
		}
		queries++
		if queries%10 == 0 {
			rebuilds = successfulRebuilds(t, base, 8)
		}
	}
	t.Logf("%d queries during %d rebuilds, none failed", queries, rebuilds)
}

// successfulRebuilds counts the finished rebuilds of n documents in /api/v1/jobs.
func successfulRebuilds(t *testing.T, base string, n int) int {
	var jobs struct {
		Jobs []struct {
			Outcome   string `json:"outcome"`
			Documents int    `json:"documents"`
		} `json:"jobs"`
	}
	getJSON(t, base+"/api/v1/jobs", &jobs)
	ok := 0
	for _, j := range jobs.Jobs {
		if j.Outcome == "ok" && j.Documents == n {
			ok++
		}
	}
	return ok
}
