package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest/harvest"
)

const sourcesFile = `[
 {"name": "Waterdam", "url": "https://www.waterdam.example/veiligheid", "selector": "main .documenten a", "depth": 2},
 {"name": "Register", "url": "https://regels.example/zoeken?q=ivp", "selector": ".resultaat h2 a", "enabled": false}
]`

func TestHarvestCommandSetUpAndRefusals(t *testing.T) {
	data := t.TempDir()
	code, _, errs := ivp(t, "harvest", "--data", data)
	if code != 2 || !strings.Contains(errs, "--harvest-contact") {
		t.Errorf("without a contact: exit %d, %q; want 2 and how to set it", code, errs)
	}
	code, _, errs = ivp(t, "harvest", "--data", data, "--harvest-contact", "mailto:oogst@ccv.example")
	if code != 0 || !strings.Contains(errs, "no enabled sources") {
		t.Errorf("without sources: exit %d, %q; want 0 and how to add them", code, errs)
	}
	bad := writeFile(t, filepath.Join(t.TempDir(), "bronnen.json"),
		[]byte(strings.Replace(sourcesFile, `".resultaat h2 a"`, `".resultaat h2 a["`, 1)))
	code, _, errs = ivp(t, "harvest", "--data", data, "--load-sources", bad)
	if code != 1 || !strings.Contains(errs, "source 2") || !strings.Contains(errs, "CSS-selector is ongeldig") {
		t.Errorf("a bad set-up file: exit %d, %q", code, errs)
	}
	if n := len(storedSources(t, data)); n != 0 {
		t.Errorf("a bad file stored %d sources, want none", n)
	}
	good := writeFile(t, filepath.Join(t.TempDir(), "bronnen.json"), []byte(sourcesFile))
	for _, want := range []string{"2 sources added, 0 changed", "0 sources added, 2 changed"} {
		if code, out, errs := ivp(t, "harvest", "--data", data, "--load-sources", good); code != 0 || !strings.Contains(out, want) {
			t.Errorf("load sources: exit %d, %q %q; want %q", code, out, errs, want)
		}
	}
	srcs := storedSources(t, data)
	if len(srcs) != 2 || srcs[0].Name != "Register" || srcs[0].Enabled || srcs[0].Depth != 1 || srcs[1].Depth != 2 {
		t.Errorf("stored sources %+v", srcs)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(srv.Close)
	code, out, _ := ivp(t, "harvest", "--data", data, "--harvest-contact", "mailto:oogst@ccv.example", srv.URL+"/plan.pdf")
	if code != 1 || !strings.HasPrefix(out, "fout         "+srv.URL+"/plan.pdf: ") || !strings.Contains(out, "niet openbaar") {
		t.Errorf("a loopback URL: exit %d, output %q", code, out)
	}
	if hits.Load() != 0 {
		t.Errorf("the harvester reached a loopback address (%d requests)", hits.Load())
	}
	unlock, err := lockHarvest(data) // as a running harvest holds it
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs = ivp(t, "harvest", "--data", data, "--harvest-contact", "mailto:oogst@ccv.example")
	unlock()
	if code != 1 || !strings.Contains(errs, "a harvest is already running") {
		t.Errorf("while another harvest runs: exit %d, %q", code, errs)
	}
}

func storedSources(t *testing.T, data string) []corpus.HarvestSource {
	t.Helper()
	s, err := corpus.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srcs, err := s.HarvestSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// TestHarvestJobRecorded runs a harvest as the server and the command do:
// one line per document, and a job with its progress and its errors.
func TestHarvestJobRecorded(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a generated plan in a worker process")
	}
	sample := generate(t, 1, 3)
	plan, err := os.ReadFile(filepath.Join(sample, readTruth(t, sample)[0].File))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/veiligheid":
			fmt.Fprint(w, `<html><body><main><ul class="documenten"><li><a href="/ivp.pdf">IVP 2025</a></li>
				<li><a href="/weg.pdf">Weg</a></li></ul></main></body></html>`)
		case "/ivp.pdf":
			w.Write(plan)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := config{HarvestContact: "mailto:oogst@ccv.example", HarvestInterval: 10 * time.Millisecond,
		HarvestTimeout: 10 * time.Second, MaxFileSize: 10 << 20, MaxPages: 100, ExtractTimeout: 30 * time.Second,
		ExtractMemory: 1 << 30, OCR: "off"}
	h := testHarvester(t, &c, store, srv)
	if _, err := harvest.NewSources(store).Save(ctx, corpus.HarvestSource{Name: "Test", URL: srv.URL + "/veiligheid",
		Selector: "main .documenten a", Depth: 1, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sum, err := harvestJob(ctx, store, h, "oogst", nil, func(r harvest.Result) { printResult(&out, r) })
	if err != nil || sum.New != 1 || sum.Failed != 1 {
		t.Fatalf("harvest: %+v, %v\n%s", sum, err, out.String())
	}
	want := "nieuw        " + srv.URL + "/ivp.pdf (document 1)\nfout         " + srv.URL +
		"/weg.pdf: De server antwoordde met status 404 (Not Found).\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
	jobs, _ := store.Jobs(ctx, 1)
	if j := jobs[0]; j.Name != "oogst" || j.Outcome != corpus.OutcomeFailed || j.Documents != 1 ||
		j.Done != 2 || j.Total != 2 || !strings.Contains(j.Error, "/weg.pdf") {
		t.Errorf("job %+v", j)
	}
}

// testHarvester is the harvester of c, extracting in a worker process,
// that may reach srv (and no other loopback address).
func testHarvester(t *testing.T, c *config, store *corpus.Store, srv *httptest.Server) *harvest.Harvester {
	t.Helper()
	if _, err := c.harvester(store); err != nil { // the settings are valid as the command builds them
		t.Fatal(err)
	}
	x, err := c.extractor(store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	o := harvest.Options{Contact: c.HarvestContact, HostInterval: c.HarvestInterval, DocumentTimeout: c.HarvestTimeout,
		MaxDocumentSize: c.MaxFileSize, AllowAddrs: []string{strings.TrimPrefix(srv.URL, "http://")}}
	h, err := harvest.New(store, ingestPipeline(store, x), o)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestReindexWhileServing: a command refused the index says what to do
// instead, with the running server's address.
func TestReindexWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the index lock to time out")
	}
	data := t.TempDir()
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	ix, err := indexer.Open(ctx, filepath.Join(data, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	defer markServing(data, "127.0.0.1:8123")()
	plan := writeFile(t, filepath.Join(t.TempDir(), "plan.pdf"), []byte("%PDF-1.4\n"))
	for _, args := range [][]string{{"reindex", "--data", data}, {"ingest", "--data", data, plan}} {
		cmd := args[0]
		code, _, errs := ivp(t, args...)
		for _, want := range []string{"in use by another process", "http://127.0.0.1:8123/beheer/taken", "Nu herindexeren", "ivp harvest"} {
			if code != 1 || !strings.Contains(errs, want) {
				t.Errorf("ivp %s while serving: exit %d, %q; want it to mention %q", cmd, code, errs, want)
			}
		}
	}
}
