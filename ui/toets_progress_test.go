package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// toetsProgressJSON is what the tests read of the JSON twin while a plan
// is read, or after it was refused.
type toetsProgressJSON struct {
	Status  string
	Stap    string
	Pagina  int
	Paginas int
	Fout    string
}

// toetsStarted uploads a plan and returns the link the upload redirects
// to, where its reading can be followed.
func (a *agent) toetsStarted(name string, file []byte) string {
	a.t.Helper()
	r := a.uploadToets(name, file)
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/kwaliteitstoets/") {
		a.t.Fatalf("toets: status %d, Location %q\n%s", r.status, loc, r.body)
	}
	return loc
}

// toetsOutcome uploads a plan and returns the answer of its link once the
// reading has ended; an upload refused at once is that answer itself.
func (a *agent) toetsOutcome(name string, file []byte) response {
	a.t.Helper()
	r := a.uploadToets(name, file)
	if r.status != http.StatusSeeOther {
		return r
	}
	loc := r.header.Get("Location")
	a.waitRead(loc)
	return a.get(loc)
}

// waitRead waits until the JSON twin of the link path no longer says
// "bezig": the report is ready, or the plan was refused.
func (a *agent) waitRead(path string) {
	a.t.Helper()
	for end := time.Now().Add(2 * time.Minute); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		var st struct{ Status string }
		r := a.get("/api/v1" + path)
		if err := json.Unmarshal([]byte(r.body), &st); err != nil {
			a.t.Fatalf("GET /api/v1%s: %d %v", path, r.status, err)
		}
		if st.Status != "bezig" {
			return
		}
	}
	a.t.Fatalf("%s still says bezig after two minutes", path)
}

// holdReading returns curator options whose first reading of a draft
// stops at its first page until release is called; reached is closed
// then. Reads run two at a time, so that a second draft is not held up.
// Callers register release as a cleanup after building the desk, so that
// it runs before the curator's Close, which waits for the held read.
func holdReading() (o ingest.CuratorOptions, reached <-chan struct{}, release func()) {
	at, hold := make(chan struct{}), make(chan struct{})
	var once, rel sync.Once
	o.Pause = func(step string) {
		if step == "toets:pagina" {
			once.Do(func() { close(at); <-hold })
		}
	}
	o.DraftReads = 2
	release = func() { rel.Do(func() { close(hold) }) }
	return o, at, release
}

// TestToetsShowsProgress uploads a plan and opens its link while the
// plan is read: the progress page (refreshing itself, without
// JavaScript) names the step and the page, its JSON twin the same; then
// the same link shows the report.
func TestToetsShowsProgress(t *testing.T) {
	o, reached, release := holdReading()
	d := newDeskWith(t, o, nil)
	t.Cleanup(release)
	a := d.agent(t)
	path := a.toetsStarted("concept-ivp.pdf", generatedPlans(t)[0])
	select {
	case <-reached:
	case <-time.After(time.Minute):
		t.Fatal("the reading of the plan did not start")
	}
	page := a.get(path)
	doc := page.html(t)
	status := doc.Find(`#toets-voortgang[role=status][aria-live=polite]`)
	refresh, _ := doc.Find(`meta[http-equiv=refresh]`).Attr("content")
	if page.status != http.StatusOK || refresh != "2" || status.Length() != 1 {
		t.Fatalf("progress page: %d, refresh %q, %d live status regions", page.status, refresh, status.Length())
	}
	var p toetsProgressJSON
	r := a.get("/api/v1" + path)
	if err := json.Unmarshal([]byte(r.body), &p); err != nil || r.status != http.StatusOK {
		t.Fatalf("JSON twin while reading: %d %v", r.status, err)
	}
	if p.Status != "bezig" || p.Stap != "tekst lezen" || p.Pagina != 1 || p.Paginas < 2 {
		t.Errorf("JSON twin while reading: %+v, want bezig at tekst lezen, page 1 of the plan's pages", p)
	}
	want := "Stap 2 van 4: tekst lezen, pagina 1 van " + strconv.Itoa(p.Paginas)
	if got := strings.Join(strings.Fields(status.Text()), " "); !strings.Contains(got, want) {
		t.Errorf("the status says %q, want %q", got, want)
	}
	if cur := doc.Find(`.stappen li[aria-current=step]`).Text(); cur != "tekst lezen" {
		t.Errorf("the current step in the list is %q", cur)
	}
	if !strings.Contains(doc.Find("main").Text(), "Dit duurt meestal enkele seconden") {
		t.Error("the progress page does not say what to expect")
	}
	manual := a.get(path + "?vernieuwen=uit").html(t)
	if manual.Find(`meta[http-equiv=refresh]`).Length() != 0 || manual.Find(`a#vernieuwen`).AttrOr("href", "") != path+"?vernieuwen=uit" {
		t.Error("with the refresh turned off the page refreshes itself or has no link to refresh by hand")
	}
	if r := a.get(path + "/rapport.pdf"); r.status != http.StatusSeeOther || r.header.Get("Location") != path {
		t.Errorf("the PDF while reading: %d to %q, want 303 to the link", r.status, r.header.Get("Location"))
	}
	release()
	a.waitRead(path)
	page = a.get(path)
	doc = page.html(t)
	if page.status != http.StatusOK || doc.Find("h1").Text() != "Rapport kwaliteitstoets" ||
		doc.Find(".toets-element").Length() != len(corpus.Checklist) || doc.Find(`meta[http-equiv=refresh]`).Length() != 0 {
		t.Errorf("after reading the link shows %d %q with %d elements", page.status, doc.Find("h1").Text(), doc.Find(".toets-element").Length())
	}
	if rep := a.report(path); len(rep.Elements) != len(corpus.Checklist) {
		t.Errorf("the JSON twin has %d elements after reading", len(rep.Elements))
	}
}

// TestToetsRefusedInBackground: a plan that passes the quick checks but
// cannot be read is refused on its link, with the Dutch reason and 422,
// in HTML and JSON; nothing of it is kept, in the store or on disk.
func TestToetsRefusedInBackground(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	d := newDesk(t, nil)
	a := d.agent(t)
	for _, tc := range []struct {
		name string
		file []byte
		want string
	}{{"encrypted", lockedPDF(t), "versleuteld"}, {"scan without text", drawingPDF(t, 2), "geen tekstlaag"}} {
		t.Run(tc.name, func(t *testing.T) {
			path := a.toetsStarted("plan.pdf", tc.file)
			a.waitRead(path)
			for range 2 { // the reason stays for a while: a reload says it again
				page := a.get(path)
				msg := page.html(t).Find("#toets-fout").Text()
				if page.status != http.StatusUnprocessableEntity || !strings.Contains(msg, tc.want) {
					t.Errorf("the link: %d %q, want 422 saying %q", page.status, msg, tc.want)
				}
			}
			var p toetsProgressJSON
			r := a.get("/api/v1" + path)
			if err := json.Unmarshal([]byte(r.body), &p); err != nil || r.status != http.StatusUnprocessableEntity ||
				p.Status != "geweigerd" || !strings.Contains(p.Fout, tc.want) {
				t.Errorf("JSON twin: %d %+v (%v)", r.status, p, err)
			}
		})
	}
	if n, err := d.store.DraftCount(context.Background()); err != nil || n != 0 {
		t.Errorf("%d drafts kept of plans refused in the background (%v)", n, err)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("files left of the refused uploads: %v", ents)
	}
}
