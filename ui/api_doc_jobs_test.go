package ui_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/harvest"
	"github.com/ccv/ivp/ui"
)

// harvestingDesk is a desk whose jobs rebuild its index and harvest
// with a real harvester from site, a municipality's web site. Its jobs
// hold until the test ends, so a second start finds one running.
func harvestingDesk(t *testing.T) (*desk, *httptest.Server) {
	t.Helper()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/veiligheid" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><title>Veiligheid</title><main><p>Het nieuwe plan volgt.</p></main>`)
	}))
	t.Cleanup(site.Close) // after the jobs ended: cleanups run last first
	jobs := &serverJobs{hold: make(chan struct{})}
	d := jobsDesk(t, jobs)
	t.Cleanup(func() { close(jobs.hold) })
	x, err := ingest.NewExtractor(ingest.Options{}, d.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	jobs.harvester, err = harvest.New(d.store, ingest.NewPipeline(d.store, x, nil), harvest.Options{
		Contact: "beheer@ccv.nl", HostInterval: time.Millisecond, AllowAddrs: []string{site.Listener.Addr().String()}})
	if err != nil {
		t.Fatal(err)
	}
	return d, site
}

// sourceCalls adds harvest sources as JSON and as a form, and has bad
// ones refused.
func (v *apiChecker) sourceCalls(a *agent, site, tok string) {
	const path = "/api/v1/beheer/sources"
	js, form := "application/json", "application/x-www-form-urlencoded"
	good := `{"naam":"Waterdam","adres":"` + site + `/veiligheid","selector":"main a[href$='.pdf']","diepte":1,"actief":true}`
	var saved corpus.HarvestSource
	if r := v.do(a, call{method: "POST", target: path, body: []byte(good), contentType: js, csrf: tok, want: 200}); json.Unmarshal([]byte(r.body), &saved) != nil ||
		saved.ID == 0 || !saved.Enabled || saved.URL != site+"/veiligheid" {
		v.t.Errorf("saved source %+v", saved)
	}
	var refused struct{ Fields map[string]string }
	json.Unmarshal([]byte(v.do(a, call{method: "POST", target: path, body: []byte(good), contentType: js, csrf: tok, want: 422}).body), &refused)
	if !strings.Contains(refused.Fields["url"], "al een bron met dit adres") {
		v.t.Errorf("the same address again: fields %v", refused.Fields)
	}
	bad := url.Values{"naam": {""}, "adres": {"gemeente.nl/veiligheid"}, "selector": {"a[href"}, "diepte": {"9"}}
	refused.Fields = nil
	json.Unmarshal([]byte(v.do(a, call{method: "POST", target: path, body: []byte(bad.Encode()), contentType: form, csrf: tok, want: 422}).body), &refused)
	if len(refused.Fields) != 4 {
		v.t.Errorf("a bad source as a form: fields %v, want name, url, selector and depth", refused.Fields)
	}
	off := url.Values{"naam": {"Waterdam archief"}, "adres": {site + "/archief"}, "selector": {"main a"}, "diepte": {"2"}}
	v.do(a, call{method: "POST", target: path, body: []byte(off.Encode()), contentType: form, csrf: tok, want: 200})
	unknown := `{"id":999999,"naam":"Elders","adres":"https://elders.example/","selector":"a","diepte":1}`
	for _, c := range []call{
		{method: "POST", target: path, body: []byte(unknown), contentType: js, csrf: tok, want: 404},
		{method: "POST", target: path, body: []byte(`{"naam":`), contentType: js, csrf: tok, want: 400, badRequest: true},
		{method: "POST", target: path, body: []byte(good), contentType: js, want: 403, badRequest: true},
	} {
		v.do(a, c)
	}
	var list struct{ Sources []corpus.HarvestSource }
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: path, want: 200}).body), &list)
	if len(list.Sources) != 2 || !list.Sources[0].Enabled || list.Sources[1].Enabled {
		v.t.Errorf("listed sources %+v, want Waterdam on and its archive off", list.Sources)
	}
}

// jobCalls starts a rebuild and a harvest, and a second of each while
// the first runs; the public job list then shows both running.
func (v *apiChecker) jobCalls(d *desk, a *agent, tok string) {
	for _, c := range []call{
		{method: "POST", target: "/api/v1/beheer/jobs/reindex", csrf: tok, want: 202},
		{method: "POST", target: "/api/v1/beheer/jobs/reindex", csrf: tok, want: 409},
		{method: "POST", target: "/api/v1/beheer/jobs/harvest", body: []byte(`{}`), contentType: "application/json", csrf: tok, want: 202},
		{method: "POST", target: "/api/v1/beheer/jobs/harvest", csrf: tok, want: 409},
		{method: "POST", target: "/api/v1/beheer/jobs/harvest", want: 403, badRequest: true},
	} {
		v.do(a, c)
	}
	var list struct{ Jobs []corpus.JobRun }
	json.Unmarshal([]byte(v.do(a, call{method: "GET", target: "/api/v1/jobs", want: 200}).body), &list)
	running := map[string]bool{}
	for _, j := range list.Jobs {
		running[j.Name] = j.Outcome == corpus.OutcomeRunning
	}
	if !running["reindex (beheer)"] || !running["oogst (beheer)"] {
		v.t.Errorf("jobs %+v, want the rebuild and the harvest running", list.Jobs)
	}
	anon := d.agent(v.t)
	v.do(anon, call{method: "POST", target: "/api/v1/beheer/jobs/reindex", want: 401, badRequest: true})
	v.do(anon, call{method: "GET", target: "/api/v1/beheer/sources", want: 401})
}

// featureOffCalls: a server that starts no jobs and keeps no sources
// answers 404, one without a harvester refuses a harvest with 409.
func (v *apiChecker) featureOffCalls() {
	off := newDesk(v.t, func(o *ui.Options) { o.Sources = nil })
	a := off.agent(v.t)
	a.login(curatorEmail)
	tok := a.csrf("/beheer")
	src := `{"naam":"Waterdam","adres":"https://www.waterdam.example/veiligheid","selector":"main a","diepte":1}`
	for _, c := range []call{
		{method: "GET", target: "/api/v1/beheer/sources", want: 404},
		{method: "POST", target: "/api/v1/beheer/sources", body: []byte(src), contentType: "application/json", csrf: tok, want: 404},
		{method: "POST", target: "/api/v1/beheer/jobs/reindex", csrf: tok, want: 404},
		{method: "POST", target: "/api/v1/beheer/jobs/harvest", csrf: tok, want: 404},
	} {
		v.do(a, c)
	}
	noHarvester := jobsDesk(v.t, &serverJobs{})
	a = noHarvester.agent(v.t)
	a.login(curatorEmail)
	r := v.do(a, call{method: "POST", target: "/api/v1/beheer/jobs/harvest", csrf: a.csrf("/beheer/taken"), want: 409})
	if !strings.Contains(r.body, "--harvest-contact") {
		v.t.Errorf("a harvest without a harvester: %s", r.body)
	}
}
