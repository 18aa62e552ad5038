package ui_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserJobsPageAndReindexButton: a curator opens the jobs page,
// sees the earlier runs with their errors, presses "Nu herindexeren" and
// watches the rebuild appear and finish, without reloading by hand.
func TestBrowserJobsPageAndReindexButton(t *testing.T) {
	ctx := browser(t)
	jobs := &serverJobs{}
	d := jobsDesk(t, jobs)
	bg := context.Background()
	id, _ := d.store.StartJob(bg, "oogst (gepland)")
	d.store.FinishJob(bg, id, 3, errors.New("Bron \"Waterdam\": De selector \"main a\" vindt geen links op de pagina."))
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+"/beheer/taken"))
	run(t, ctx, chromedp.SendKeys(css(`#email`), curatorEmail))
	run(t, ctx, chromedp.SendKeys(css(`#password`), password))
	load(t, ctx, chromedp.Submit(css(`#password`)))
	if got := run(t, ctx, chromedp.Text(css(`#taken tr.taak-failed`))); !strings.Contains(got, "oogst (gepland)") ||
		!strings.Contains(got, "mislukt") {
		t.Errorf("the earlier harvest shows as %q", got)
	}
	screenshot(t, ctx, "20-taken.png")
	load(t, ctx, chromedp.Click(css(`#herindexeren`)))
	if msg := run(t, ctx, chromedp.Text(css(`#gestart`))); !strings.Contains(msg, "herindexering is gestart") {
		t.Errorf("after the button: %q", msg)
	}
	if jobs.started.Load() != 1 {
		t.Fatalf("the button started %d rebuilds", jobs.started.Load())
	}
	waitForRow(t, ctx, "reindex (beheer)", "klaar")
	screenshot(t, ctx, "21-herindexeerd.png")

	load(t, ctx, chromedp.Click(css(`.beheerbalk a[href="/beheer/bronnen"]`)))
	run(t, ctx, chromedp.SendKeys(css(`#bron-naam`), "Gemeente Waterdam, veiligheid"))
	run(t, ctx, chromedp.SendKeys(css(`#bron-adres`), "https://www.waterdam.example/veiligheid"))
	run(t, ctx, chromedp.SendKeys(css(`#bron-selector`), "main .documenten a, nav.paginering a"))
	run(t, ctx, chromedp.SetValue(css(`#bron-diepte`), "2"))
	load(t, ctx, chromedp.Submit(css(`#bron-naam`)))
	if got := run(t, ctx, chromedp.Text(css(`#bronnen tbody tr`))); !strings.Contains(got, "Gemeente Waterdam, veiligheid") ||
		!strings.Contains(got, "nog niet geoogst") {
		t.Errorf("the new source shows as %q", got)
	}
	screenshot(t, ctx, "22-bronnen.png")
}

// waitForRow waits, while the page reloads itself, for a job row with
// name and status.
func waitForRow(t *testing.T, ctx context.Context, name, status string) {
	t.Helper()
	js := `[...document.querySelectorAll('#taken tbody tr')].some(r => r.cells[0].textContent.trim() === '` + name +
		`' && r.cells[3].textContent.trim() === '` + status + `')`
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Errorf("no %s row with status %s appeared on the jobs page", name, status)
}
