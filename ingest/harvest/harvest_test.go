package harvest_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/harvest"
)

const testContact = "mailto:oogst@ccv.example"

// gemeenteDelay is the Crawl-delay in the gemeente's robots.txt.
const gemeenteDelay = 150 * time.Millisecond

// farm is a harvester over a real store, with the sites it harvests.
type farm struct {
	store    *corpus.Store
	h        *harvest.Harvester
	gemeente *municipality
	register *site
	bad      *site
	slow     *site
	loopback *site
	interval time.Duration
}

func newFarm(t *testing.T, interval time.Duration) *farm {
	t.Helper()
	if testing.Short() {
		t.Skip("harvest runs extract generated plans")
	}
	ctx := context.Background()
	p := testPlans(t)
	f := &farm{interval: interval}
	f.loopback = newSite(t, http.NotFoundHandler())
	f.gemeente = newMunicipality(t, p, f.loopback.URL)
	f.slow = newSlowSite(t)
	f.register = newRegister(t, p, f.slow.URL)
	f.bad = newBadSite(t)
	var err error
	if f.store, err = corpus.Open(ctx, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.store.Close() })
	x, err := ingest.NewExtractor(ingest.Options{}, f.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	// Only the test servers' own addresses are let through; the loopback
	// target of the redirect stays refused like any inward address.
	o := harvest.Options{Contact: testContact, HostInterval: interval, MaxDocumentSize: 4 << 20,
		DocumentTimeout: 700 * time.Millisecond,
		AllowAddrs:      []string{f.gemeente.addr(), f.register.addr(), f.bad.addr(), f.slow.addr(), closedAddr(t)}}
	if f.h, err = harvest.New(f.store, ingest.NewPipeline(f.store, x, nil), o); err != nil {
		t.Fatal(err)
	}
	return f
}

var unreachableURL string

// closedAddr is the address of a server that has stopped: connecting to
// it is refused.
func closedAddr(t *testing.T) string {
	s := newSite(t, http.NotFoundHandler())
	s.Close()
	unreachableURL = s.URL + "/veiligheid"
	return s.addr()
}

// addSources stores the good sources and the bad ones.
func (f *farm) addSources(t *testing.T) {
	t.Helper()
	srcs := []corpus.HarvestSource{
		{Name: "Waterdam veiligheid", URL: f.gemeente.URL + "/veiligheid", Depth: 2,
			Selector: "main ul.documenten a, nav.paginering a"},
		{Name: "Zoekregister", URL: f.register.URL + "/zoeken?q=integrale+veiligheid", Depth: 1,
			Selector: ".resultaat h2 a"},
		{Name: "Onbereikbaar", URL: unreachableURL, Selector: "a", Depth: 1},
		{Name: "Verkeerde selector", URL: f.gemeente.URL + "/veiligheid", Selector: ".nieuwsberichten a", Depth: 1},
		{Name: "Foutpagina", URL: f.bad.URL + "/foutpagina", Selector: "main a", Depth: 1},
		{Name: "Inlogpagina", URL: f.bad.URL + "/mijn/documenten", Selector: "a", Depth: 1},
		{Name: "Storing", URL: f.bad.URL + "/storing", Selector: "a", Depth: 1},
	}
	srcs[3].URL += "?weergave=lijst" // a second source on the same page needs its own address
	for _, s := range srcs {
		s.Enabled = true
		if _, err := harvest.NewSources(f.store).Save(context.Background(), s); err != nil {
			t.Fatalf("save source %s: %v", s.Name, err)
		}
	}
}

// outcome is a result as the tests compare it: the path of the URL and
// the status.
func (f *farm) run(t *testing.T) (map[string]harvest.Result, harvest.Summary) {
	t.Helper()
	got := map[string]harvest.Result{}
	sum, err := f.h.Run(context.Background(), func(r harvest.Result) {
		key := r.URL
		for _, s := range []*site{f.gemeente.site, f.register, f.bad, f.slow} {
			key = strings.TrimPrefix(key, s.URL)
		}
		if _, dup := got[key]; dup {
			t.Errorf("%s reported twice", key)
		}
		got[key] = r
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, sum
}

func TestHarvestFindsSkipsAndRefuses(t *testing.T) {
	f := newFarm(t, 100*time.Millisecond)
	f.addSources(t)
	got, sum := f.run(t)
	want := map[string]harvest.Status{
		"/documenten/ivp-2024-2027.pdf":        harvest.StatusNew,
		"/beleid/integraal-veiligheidsplan":    harvest.StatusNew,
		"/intern/concept-ivp.pdf":              harvest.StatusSkipped,
		"/documenten/jaarplan-veiligheid.pdf":  harvest.StatusNew,
		"/documenten/uitvoeringsplan-2024.pdf": harvest.StatusNew,
		"/oud/analyse.pdf":                     harvest.StatusFailed,
		"/documenten/bijlagen.zip":             harvest.StatusSkipped,
		"/documenten/evaluatie-2022.pdf":       harvest.StatusFailed,
		"/documenten/ontbreekt.pdf":            harvest.StatusFailed,
		"/documenten/kaart.pdf":                harvest.StatusFailed,
		"/documenten/bijlage-cijfers.pdf":      harvest.StatusFailed,
		"/regelingen/CVDR7001":                 harvest.StatusNew,
		"/regeling/traag":                      harvest.StatusFailed,
		"/regelingen/CVDR7002.pdf":             harvest.StatusUnchanged,
		unreachableURL:                         harvest.StatusFailed,
		"/veiligheid?weergave=lijst":           harvest.StatusFailed,
		"/foutpagina":                          harvest.StatusFailed,
		"/mijn/documenten":                     harvest.StatusFailed,
		"/storing":                             harvest.StatusFailed,
	}
	checkStatuses(t, got, want)
	reasons := map[string]string{
		"/intern/concept-ivp.pdf":         "robots.txt",
		"/oud/analyse.pdf":                "niet openbaar",
		"/documenten/bijlagen.zip":        "Geen PDF- of HTML-document",
		"/documenten/evaluatie-2022.pdf":  "foutpagina",
		"/documenten/ontbreekt.pdf":       "status 404",
		"/documenten/kaart.pdf":           "groter dan 4 MB",
		"/documenten/bijlage-cijfers.pdf": "groter dan 4 MB",
		"/regeling/traag":                 "niet binnen",
		"/regelingen/CVDR7002.pdf":        "staat al in de databank als document",
		unreachableURL:                    "niet bereikbaar",
		"/veiligheid?weergave=lijst":      `".nieuwsberichten a" vindt geen links`,
		"/foutpagina":                     "foutpagina",
		"/mijn/documenten":                "in te loggen",
		"/storing":                        "status 503",
	}
	for k, want := range reasons {
		if r := got[k]; !strings.Contains(r.Reason, want) {
			t.Errorf("%s: reason %q, want it to mention %q", k, r.Reason, want)
		}
	}
	if sum.New != 5 || sum.SourcesFailed != 5 {
		t.Errorf("summary %+v, want 5 new documents and 5 failed sources", sum)
	}
	f.checkPolite(t)
	f.checkQueue(t)
	f.checkSourcesRecorded(t)
}

func checkStatuses(t *testing.T, got map[string]harvest.Result, want map[string]harvest.Status) {
	t.Helper()
	for k, st := range want {
		if r, ok := got[k]; !ok {
			t.Errorf("%s: no result, want %s", k, st)
		} else if r.Status != st {
			t.Errorf("%s: %s (%s), want %s", k, r.Status, r.Reason, st)
		}
	}
	for k, r := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected result %s: %s %s", k, r.Status, r.Reason)
		}
	}
}

// checkPolite checks what the sites saw: no request to a forbidden path,
// none to the loopback address, the 200 MB files not read, the
// User-Agent with the contact, and the per-host pace.
func (f *farm) checkPolite(t *testing.T) {
	t.Helper()
	for _, h := range f.gemeente.requests() {
		if strings.HasPrefix(h.path, "/intern/") || strings.HasPrefix(h.path, "/privacy") ||
			strings.HasPrefix(h.path, "/cookies") || h.path == "/wonen" {
			t.Errorf("the harvester fetched %s", h.path)
		}
	}
	if n := len(f.loopback.requests()); n != 0 {
		t.Errorf("the redirect to a loopback address was followed (%d requests)", n)
	}
	if n := f.gemeente.bigBytes.Load(); n > 32<<20 {
		t.Errorf("the 200 MB files sent %d MB before the harvester refused them", n>>20)
	} else {
		t.Logf("the two 200 MB files sent %.1f MB in all before the harvester hung up", float64(n)/(1<<20))
	}
	// The gemeente asks for 150 ms in its robots.txt (Crawl-delay).
	gaps := map[*site]time.Duration{f.gemeente.site: max(f.interval, gemeenteDelay), f.register: f.interval, f.bad: f.interval}
	for s, gap := range gaps {
		hits := s.requests()
		if len(hits) < 2 {
			t.Fatalf("%s saw %d requests", s.URL, len(hits))
		}
		least := time.Hour
		for i, h := range hits {
			if i > 0 {
				least = min(least, h.at.Sub(hits[i-1].at))
			}
			if !strings.Contains(h.userAgent, testContact) {
				t.Errorf("%s got User-Agent %q", h.path, h.userAgent)
			}
			if i > 0 && h.at.Sub(hits[i-1].at) < gap {
				t.Errorf("%s: %s came %s after %s, less than %s", s.URL, h.path, h.at.Sub(hits[i-1].at),
					hits[i-1].path, gap)
			}
		}
		t.Logf("%s: %d requests, least gap %s (at least %s)", s.URL, len(hits), least.Round(time.Millisecond), gap)
	}
}

// checkQueue checks that what was found waits for review as geoogst,
// with where it came from and what the listing showed.
func (f *farm) checkQueue(t *testing.T) {
	t.Helper()
	items, err := f.store.Queue(context.Background(), corpus.QueueFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]*corpus.Harvest{}
	for _, it := range items {
		if it.Document.Status != corpus.StatusPending || it.Harvest == nil {
			t.Errorf("document %d: status %s, harvest %v", it.Document.ID, it.Document.Status, it.Harvest)
			continue
		}
		byURL[strings.TrimPrefix(strings.TrimPrefix(it.Harvest.URL, f.gemeente.URL), f.register.URL)] = it.Harvest
	}
	if len(byURL) != 5 {
		t.Fatalf("queue holds %d harvested documents, want 5", len(byURL))
	}
	cases := []struct{ url, title, date, listing string }{
		{"/documenten/ivp-2024-2027.pdf", "Integraal Veiligheidsplan 2024-2027", "2024-03-12", f.gemeente.URL + "/veiligheid"},
		{"/beleid/integraal-veiligheidsplan", "Veiligheidsplan op de website", "2023-11-02", f.gemeente.URL + "/veiligheid"},
		{"/documenten/jaarplan-veiligheid.pdf", "Jaarplan veiligheid", "2024-01-05", f.gemeente.URL + "/veiligheid"},
		{"/documenten/uitvoeringsplan-2024.pdf", "Uitvoeringsplan 2024", "", f.gemeente.URL + "/veiligheid?pagina=2"},
		{"/regelingen/CVDR7001", "Verordening integrale veiligheid Waterdam 2024", "2024-01-01", f.register.URL + "/zoeken?q=integrale+veiligheid"},
	}
	for _, c := range cases {
		h := byURL[c.url]
		if h == nil {
			t.Errorf("%s not in the queue", c.url)
			continue
		}
		if h.Title != c.title || h.Date != c.date || h.Listing != c.listing {
			t.Errorf("%s: listed as %q of %q on %s, want %q of %q on %s", c.url, h.Title, h.Date, h.Listing,
				c.title, c.date, c.listing)
		}
	}
}

// checkSourcesRecorded checks that every source keeps its last run: the
// bad ones with their Dutch reason.
func (f *farm) checkSourcesRecorded(t *testing.T) {
	t.Helper()
	srcs, err := f.store.HarvestSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if s.LastRun.IsZero() {
			t.Errorf("source %s: no run recorded", s.Name)
		}
		bad := s.Name != "Waterdam veiligheid" && s.Name != "Zoekregister"
		if bad != (s.LastError != "") {
			t.Errorf("source %s: last error %q", s.Name, s.LastError)
		}
	}
}

func TestHarvestSecondRunAddsNothingAndSeesChanges(t *testing.T) {
	f := newFarm(t, 20*time.Millisecond)
	f.addSources(t)
	_, first := f.run(t)
	f.gemeente.reset()
	got, sum := f.run(t)
	if sum.New != 0 || sum.Changed != 0 {
		t.Errorf("second run: %+v, want nothing new or changed", sum)
	}
	for _, k := range []string{"/documenten/ivp-2024-2027.pdf", "/documenten/uitvoeringsplan-2024.pdf",
		"/beleid/integraal-veiligheidsplan", "/regelingen/CVDR7001", "/documenten/jaarplan-veiligheid.pdf"} {
		if got[k].Status != harvest.StatusUnchanged {
			t.Errorf("second run: %s is %s (%s)", k, got[k].Status, got[k].Reason)
		}
	}
	conditional := false
	for _, h := range f.gemeente.requests() {
		if h.path == "/documenten/ivp-2024-2027.pdf" && h.ifNone == `"ivp-1"` {
			conditional = true
		}
	}
	if !conditional {
		t.Error("the second run did not ask for the IVP with If-None-Match")
	}
	f.gemeente.version.Store(1)
	got, third := f.run(t)
	r := got["/documenten/jaarplan-veiligheid.pdf"]
	if r.Status != harvest.StatusChanged || third.New != 0 || third.Changed != 1 || r.PreviousID == 0 {
		t.Fatalf("after the change: jaarplan %s, summary %+v; want one changed", r.Status, third)
	}
	h, err := f.store.HarvestOf(context.Background(), r.DocumentID)
	if err != nil || h == nil || h.PreviousID == 0 {
		t.Fatalf("changed document %d: harvest %+v, %v; want the earlier version named", r.DocumentID, h, err)
	}
	items, _ := f.store.Queue(context.Background(), corpus.QueueFilter{})
	if len(items) != first.New+1 {
		t.Errorf("queue holds %d documents, want %d", len(items), first.New+1)
	}
}

// TestHarvestDefaultPace harvests with the default interval: one request
// per second per host, as the site records it.
func TestHarvestDefaultPace(t *testing.T) {
	f := newFarm(t, 0)
	ctx := context.Background()
	_, err := harvest.NewSources(f.store).Save(ctx, corpus.HarvestSource{Name: "Register", Enabled: true,
		URL: f.register.URL + "/zoeken", Selector: ".resultaat h2 a[href^='/']", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.Run(ctx, nil); err != nil {
		t.Fatal(err)
	}
	hits := f.register.requests()
	if len(hits) != 4 { // robots.txt, the results, two documents
		t.Fatalf("register saw %d requests, want 4", len(hits))
	}
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].at.Sub(hits[i-1].at); gap < time.Second {
			t.Errorf("%s came %s after the request before it", hits[i].path, gap)
		}
	}
}

func TestHarvestURLsByHand(t *testing.T) {
	f := newFarm(t, 10*time.Millisecond)
	var got []harvest.Result
	_, err := f.h.RunURLs(context.Background(), []string{f.gemeente.URL + "/documenten/uitvoeringsplan-2024.pdf",
		"ftp://example.org/plan.pdf", f.gemeente.URL + "/intern/concept-ivp.pdf"}, func(r harvest.Result) {
		got = append(got, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []harvest.Status{harvest.StatusNew, harvest.StatusFailed, harvest.StatusSkipped}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i, r := range got {
		if r.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", r.URL, r.Status, r.Reason, want[i])
		}
	}
	if h, _ := f.store.HarvestOf(context.Background(), got[0].DocumentID); h == nil || h.Listing != "" {
		t.Errorf("a document harvested by hand: %+v, want it recorded without a listing", h)
	}
}
