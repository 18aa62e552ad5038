package ui_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// emptyHandler serves an empty store and index.
func emptyHandler(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	h, err := ui.New(ui.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, search.New(ix), store, ix)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{store: store, ix: ix, handler: h}
}

// TestBeeldEmptyDatabase: without plans the page explains itself, every
// gemeente is grey and the JSON twin says the same.
func TestBeeldEmptyDatabase(t *testing.T) {
	f := emptyHandler(t)
	r := f.get(t, "/landelijk-beeld")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	doc := r.html(t)
	if !strings.Contains(doc.Find(".melding-leeg").Text(), "Nog geen plannen in de database") {
		t.Error("no explanation of the empty database")
	}
	if n, grey := doc.Find("path.gm").Length(), doc.Find("path.gm.st-geen").Length(); n != 342 || grey != 342 {
		t.Errorf("%d shapes, %d grey; want 342 grey", n, grey)
	}
	if !strings.Contains(doc.Find("#speerpunten-kop").Parent().Text(), "geen speerpunten te tellen") {
		t.Error("the speerpunten section does not say why it is empty")
	}
	var out struct {
		Statuses []struct {
			Status string `json:"status"`
			Count  int    `json:"count"`
		} `json:"statuses"`
		Speerpunten []any `json:"speerpunten"`
	}
	r = f.get(t, "/api/v1/landelijk-beeld")
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != http.StatusOK {
		t.Fatalf("status %d, %v: %.200s", r.status, err, r.body)
	}
	if out.Speerpunten == nil || len(out.Speerpunten) != 0 {
		t.Errorf("speerpunten %v, want []", out.Speerpunten)
	}
	for _, s := range out.Statuses {
		if want := map[bool]int{true: 342}[s.Status == "geen"]; s.Count != want {
			t.Errorf("status %s: %d gemeenten, want %d", s.Status, s.Count, want)
		}
	}
}

// TestBeeldBadFilter: an unknown filter value is a Dutch 400 that names it.
func TestBeeldBadFilter(t *testing.T) {
	f := newFixture(t)
	for _, q := range []string{"provincie=Atlantis", "regio=VR99", "klasse=12", "klasse=x"} {
		for _, path := range []string{"/landelijk-beeld?", "/api/v1/landelijk-beeld?"} {
			r := f.get(t, path+q)
			_, v, _ := strings.Cut(q, "=")
			if r.status != http.StatusBadRequest || !strings.Contains(strings.ToLower(r.body), "onbekende") || !strings.Contains(r.body, v) {
				t.Errorf("%s%s: status %d, %.200s", path, q, r.status, r.body)
			}
		}
	}
}

// TestBeeldFollowsIndex: a plan that enters the index changes the page at
// once; the beeld is not rebuilt per request but per index generation.
func TestBeeldFollowsIndex(t *testing.T) {
	f := newFixture(t)
	year := thisYear()
	const code = "GM0153" // Enschede: no plan in the fixture
	status := func() string {
		doc := f.get(t, "/landelijk-beeld").html(t)
		return doc.Find(`path.gm[data-code="`+code+`"]`).AttrOr("class", "")
	}
	if got := status(); got != "gm st-geen" {
		t.Fatalf("before: class %q", got)
	}
	ctx := context.Background()
	gm, _ := f.store.Gemeenten().ByCode(code)
	d := corpus.Document{Title: "Integraal Veiligheidsplan Enschede", Type: corpus.TypeIVP, PeriodStart: year - 1,
		PeriodEnd: year + 2, Source: "enschede.pdf", MediaType: "application/pdf", Status: corpus.StatusPublished,
		ExtractorVersion: "test", Gemeenten: []corpus.Gemeente{gm}, Pages: 1}
	ps := []corpus.Passage{{Ordinal: 0, PageFrom: 1, PageTo: 1, Headings: []string{"3 Prioriteiten", "3.1 Ondermijning"},
		Text: "Ondermijning pakken we samen met de partners aan.", Tags: corpus.Tags{Veld: 5, Themes: []string{"5.2"}}}}
	id, _, err := f.store.Add(ctx, d, ps, pdfFile(t, d.Title, 1))
	if err != nil {
		t.Fatal(err)
	}
	if got := status(); got != "gm st-geen" {
		t.Errorf("stored but not indexed: class %q, want the cached st-geen", got)
	}
	d.ID = id
	if err := f.ix.Add(ctx, d, ps); err != nil {
		t.Fatal(err)
	}
	if got := status(); got != "gm st-geldend" {
		t.Errorf("after indexing: class %q, want st-geldend", got)
	}
}

// TestOverviewEmptySelection: a filter that keeps no gemeente with a plan
// says so on the beeld and the matrix, with a way back, and is no error.
func TestOverviewEmptySelection(t *testing.T) {
	f := newFixture(t) // no plan in Zeeland
	for _, path := range []string{"/landelijk-beeld?provincie=Zeeland", "/speerpunten?provincie=Zeeland"} {
		r := f.get(t, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d", path, r.status)
		}
		doc := r.html(t)
		msg := doc.Find(`.leeg[role=status]`).First().Text()
		if !strings.Contains(msg, "Geen van de 13 gemeenten in provincie Zeeland heeft een geldend plan") || doc.Find(`.leeg[role=status] a`).Length() == 0 {
			t.Errorf("%s: message %q", path, msg)
		}
	}
}

// TestMatrixEmptyDatabase: without plans the matrix explains itself.
func TestMatrixEmptyDatabase(t *testing.T) {
	f := emptyHandler(t)
	r := f.get(t, "/speerpunten")
	if r.status != http.StatusOK || !strings.Contains(r.html(t).Find("main").Text(), "Nog geen plannen in de database") {
		t.Errorf("status %d, no explanation", r.status)
	}
	r = f.get(t, "/api/v1/speerpunten")
	if r.status != http.StatusOK || !strings.Contains(r.body, `"gemeenten":[]`) {
		t.Errorf("JSON: status %d, %.200s", r.status, r.body)
	}
}

// TestOverviewGzip: the large overview pages come gzipped to clients that
// accept it, and the same page uncompressed to others.
func TestOverviewGzip(t *testing.T) {
	f := newFixture(t)
	plain := f.get(t, "/landelijk-beeld")
	for _, tt := range []struct {
		accept string
		gz     bool
	}{{"gzip, deflate, br", true}, {"br;q=1.0, gzip;q=0.8", true}, {"*", true}, {"gzip;q=0", false}, {"identity", false}, {"", false}} {
		req := httptest.NewRequest(http.MethodGet, "/landelijk-beeld", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		r := f.do(t, req)
		body := r.body
		if gz := r.header.Get("Content-Encoding") == "gzip"; gz != tt.gz {
			t.Errorf("Accept-Encoding %q: gzip %v, want %v", tt.accept, gz, tt.gz)
			continue
		}
		if tt.gz {
			zr, err := gzip.NewReader(strings.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(zr)
			body = string(b)
			if len(r.body) > len(body)/3 {
				t.Errorf("gzip of %d bytes is %d", len(body), len(r.body))
			}
		}
		if body != plain.body {
			t.Errorf("Accept-Encoding %q: another page", tt.accept)
		}
	}
}

// TestWarmOverview: the handler can compute the overview in advance; a
// stopped context stops it with an error, and a warm beeld serves pages.
func TestWarmOverview(t *testing.T) {
	f := newFixture(t)
	w, ok := f.handler.(interface{ WarmOverview(context.Context) error })
	if !ok {
		t.Fatal("the handler has no WarmOverview")
	}
	stopped, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.WarmOverview(stopped); err == nil {
		t.Error("WarmOverview with a stopped context succeeded")
	}
	if err := w.WarmOverview(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r := f.get(t, "/landelijk-beeld"); r.status != http.StatusOK {
		t.Errorf("after warming: status %d", r.status)
	}
}
