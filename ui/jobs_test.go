package ui_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest/harvest"
	"github.com/ccv/ivp/ui"
)

// serverJobs starts rebuilds of the desk's real index and harvests with
// a real harvester as recorded jobs, as the server does. Without a
// harvester it refuses harvests, as a server without a contact address
// does.
type serverJobs struct {
	store      *corpus.Store
	ix         *indexer.Indexer
	harvester  *harvest.Harvester
	running    atomic.Bool
	harvesting atomic.Bool
	hold       chan struct{} // when not nil, a job waits for it before it ends
	started    atomic.Int32
	wg         sync.WaitGroup // the running jobs
}

// jobsDesk is a desk whose curator area starts rebuilds through jobs.
// The test waits for a running rebuild before the desk's index closes.
func jobsDesk(t testing.TB, jobs *serverJobs) *desk {
	d := newDesk(t, func(o *ui.Options) { o.Jobs = jobs })
	jobs.store, jobs.ix = d.store, d.ix
	t.Cleanup(jobs.wg.Wait)
	return d
}

func (j *serverJobs) StartRebuild() error {
	err := j.start(&j.running, "reindex (beheer)", func(ctx context.Context, id int64) (int, error) {
		return j.ix.Rebuild(indexer.WithProgress(ctx, func(done, total int) {
			j.store.JobProgress(ctx, id, done, total)
		}), j.store)
	})
	if err == nil {
		j.started.Add(1)
	}
	return err
}

func (j *serverJobs) StartHarvest() error {
	if j.harvester == nil {
		return ui.ErrHarvestOff
	}
	return j.start(&j.harvesting, "oogst (beheer)", func(ctx context.Context, _ int64) (int, error) {
		sum, err := j.harvester.Run(ctx, nil)
		return sum.New + sum.Changed, err
	})
}

// start records the run named name and does work in the background,
// unless on says one is running. The run is recorded before start
// returns, so the job list shows it at once.
func (j *serverJobs) start(on *atomic.Bool, name string, work func(context.Context, int64) (int, error)) error {
	if !on.CompareAndSwap(false, true) {
		return ui.ErrJobRunning
	}
	ctx := context.Background()
	id, err := j.store.StartJob(ctx, name)
	if err != nil {
		on.Store(false)
		return err
	}
	j.wg.Go(func() {
		defer on.Store(false)
		n, err := work(ctx, id)
		if j.hold != nil {
			<-j.hold
		}
		j.store.FinishJob(ctx, id, n, err)
	})
	return nil
}

func TestJobsPageShowsProgressAndHistory(t *testing.T) {
	jobs := &serverJobs{}
	d := jobsDesk(t, jobs)
	ctx := context.Background()
	old, _ := d.store.StartJob(ctx, "oogst (gepland)")
	d.store.FinishJob(ctx, old, 2, errors.New("https://gemeente.example/veiligheid: De server antwoordde met status 404 (Not Found)."))
	id, _ := d.store.StartJob(ctx, "reindex (gepland)")
	d.store.JobProgress(ctx, id, 30, 120)

	a := d.agent(t)
	a.login(curatorEmail)
	r := a.get("/beheer/taken")
	if r.status != http.StatusOK {
		t.Fatalf("GET /beheer/taken: %d", r.status)
	}
	doc := r.html(t)
	running := doc.Find(`#taken tr.taak-running`)
	if got := running.Find(".voortgang").Text(); got != "30 van 120 documenten" {
		t.Errorf("running job shows %q", got)
	}
	if !strings.Contains(running.Text(), "documenten per seconde") || !strings.Contains(running.Text(), "nog ongeveer") {
		t.Errorf("running job shows no rate or time left: %q", running.Text())
	}
	failed := doc.Find(`#taken tr.taak-failed`)
	if !strings.Contains(failed.Text(), "mislukt") || !strings.Contains(failed.Find(".fouten").Text(), "status 404") {
		t.Errorf("failed harvest shows %q", failed.Text())
	}
	if _, ok := doc.Find(`meta[http-equiv=refresh]`).Attr("content"); !ok {
		t.Error("the page does not reload itself while a job runs")
	}
}

func TestJobButtons(t *testing.T) {
	jobs := &serverJobs{hold: make(chan struct{})}
	d := jobsDesk(t, jobs)
	a := d.agent(t)
	a.login(curatorEmail)

	if r := a.post("/beheer/taken/herindexeren", url.Values{}); r.status != http.StatusForbidden {
		t.Errorf("without the CSRF token: status %d, want 403", r.status)
	}
	tok := a.csrf("/beheer/taken")
	r := a.post("/beheer/taken/herindexeren", url.Values{"csrf": {tok}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/beheer/taken?gestart=herindexering" {
		t.Fatalf("start: status %d, Location %q", r.status, r.header.Get("Location"))
	}
	r = a.post("/beheer/taken/herindexeren", url.Values{"csrf": {tok}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Er loopt al een herindexering") {
		t.Errorf("second start while one runs: status %d", r.status)
	}
	close(jobs.hold)
	r = a.post("/beheer/taken/oogsten", url.Values{"csrf": {tok}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "--harvest-contact") {
		t.Errorf("harvest without a harvester: status %d", r.status)
	}
	if n := jobs.started.Load(); n != 1 {
		t.Errorf("%d rebuilds started, want 1", n)
	}
}

func TestSourcesPage(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.login(curatorEmail)
	tok := a.csrf("/beheer/bronnen")

	bad := url.Values{"csrf": {tok}, "naam": {""}, "adres": {"gemeente.nl/veiligheid"}, "selector": {"a[href"},
		"diepte": {"9"}, "actief": {"1"}}
	r := a.post("/beheer/bronnen", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad source: status %d, want 422", r.status)
	}
	doc := r.html(t)
	if n := doc.Find("#bronformulier .veldfout").Length(); n != 4 {
		t.Errorf("%d field messages, want 4: %q", n, doc.Find("#bronformulier .veldfout").Text())
	}
	if v, _ := doc.Find("#bron-adres").Attr("value"); v != "gemeente.nl/veiligheid" {
		t.Errorf("the form lost what was typed: %q", v)
	}
	good := url.Values{"csrf": {tok}, "naam": {"Waterdam"}, "adres": {"https://www.waterdam.example/veiligheid"},
		"selector": {"main .documenten a"}, "diepte": {"2"}, "actief": {"1"}}
	if r := a.post("/beheer/bronnen", good); r.status != http.StatusSeeOther {
		t.Fatalf("good source: status %d\n%s", r.status, r.body)
	}
	if r := a.post("/beheer/bronnen", good); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "al een bron met dit adres") {
		t.Errorf("same address again: status %d", r.status)
	}
	srcs, _ := d.store.HarvestSources(context.Background())
	if len(srcs) != 1 || srcs[0].Depth != 2 || !srcs[0].Enabled {
		t.Fatalf("stored sources %+v", srcs)
	}
	row := a.get("/beheer/bronnen").html(t).Find("#bronnen tbody tr")
	if row.Length() != 1 || !strings.Contains(row.Text(), "nog niet geoogst") {
		t.Errorf("list shows %q", row.Text())
	}
	del := "/beheer/bronnen/" + strconv.FormatInt(srcs[0].ID, 10) + "/verwijderen"
	if r := a.post(del, url.Values{"csrf": {tok}}); r.status != http.StatusSeeOther {
		t.Errorf("delete: status %d", r.status)
	}
	if r := a.post(del, url.Values{"csrf": {tok}}); r.status != http.StatusNotFound {
		t.Errorf("delete again: status %d, want 404", r.status)
	}
}

// TestHarvestedInQueue: a harvested document waits in the queue as
// geoogst, and its review page says where it came from and which
// document it is a newer version of.
func TestHarvestedInQueue(t *testing.T) {
	d := newDesk(t, nil)
	ctx := context.Background()
	plans := generatedPlans(t)
	doc := corpus.Document{Title: "Integraal Veiligheidsplan Waterdam", Type: corpus.TypeIVP,
		Source: "https://www.waterdam.example/ivp.pdf", MediaType: "application/pdf", Pages: 1}
	ps := []corpus.Passage{{Ordinal: 0, PageFrom: 1, PageTo: 1, Text: "Veiligheid in de wijk."}}
	first, err := d.store.AddHarvested(ctx, doc, ps, plans[0], corpus.Harvest{URL: doc.Source,
		Listing: "https://www.waterdam.example/veiligheid", Title: "IVP 2024-2027", Date: "2024-03-12"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := d.store.AddHarvested(ctx, doc, ps, plans[1], corpus.Harvest{URL: doc.Source,
		Listing: "https://www.waterdam.example/veiligheid", PreviousID: first})
	if err != nil {
		t.Fatal(err)
	}
	a := d.agent(t)
	a.login(curatorEmail)
	rows := a.get("/beheer").html(t).Find("#lijst tbody tr")
	if rows.Length() != 2 || !strings.Contains(rows.Text(), "Geoogst van waterdam.example") ||
		!strings.Contains(rows.First().Text(), "nieuwe versie van #"+strconv.FormatInt(first, 10)) {
		t.Errorf("queue rows: %q", rows.Text())
	}
	if n := a.get("/beheer?geoogst=1").html(t).Find("#lijst tbody tr").Length(); n != 2 {
		t.Errorf("only harvested: %d rows, want 2", n)
	}
	if n := a.get("/beheer/documenten?geoogst=1&ingediend=1").html(t).Find("#lijst tbody tr").Length(); n != 0 {
		t.Errorf("harvested and submitted: %d rows, want none", n)
	}
	oogst := a.get("/beheer/documenten/" + strconv.FormatInt(first, 10)).html(t).Find("#oogst")
	for _, want := range []string{"https://www.waterdam.example/veiligheid", "IVP 2024-2027", "2024-03-12"} {
		if !strings.Contains(oogst.Text(), want) {
			t.Errorf("review page does not show %q: %q", want, oogst.Text())
		}
	}
	var api struct {
		Harvest *corpus.Harvest `json:"harvest"`
	}
	if r := a.get("/api/v1/beheer/documents/" + strconv.FormatInt(second, 10)); r.status != http.StatusOK ||
		json.Unmarshal([]byte(r.body), &api) != nil || api.Harvest == nil || api.Harvest.PreviousID != first {
		t.Errorf("the JSON twin: status %d, harvest %+v", r.status, api.Harvest)
	}
	newer := a.get("/beheer/documenten/" + strconv.FormatInt(second, 10)).html(t).Find("#oogst")
	if !strings.Contains(newer.Text(), "gewijzigde versie van document #"+strconv.FormatInt(first, 10)) {
		t.Errorf("newer version's review page: %q", newer.Text())
	}
}
