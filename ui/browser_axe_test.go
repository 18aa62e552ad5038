package ui_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ccv/ivp/corpus"
)

// axeScript is the text of axe-core's axe.min.js: from IVP_AXE, or where
// .ci/run installs it ($HOME/.cache/ivp/axe/node_modules/axe-core). The
// test skips without it.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("IVP_AXE")
	if path == "" {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".cache", "ivp", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("accessibility test skipped: no axe-core at %s (.ci/run installs it; or set IVP_AXE)", path)
	}
	return string(b)
}

// axeViolation is one rule axe-core found broken, with the elements.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// axeCheck runs axe-core with its default rules (WCAG 2.x A and AA and
// best practices) on the page the browser shows.
func axeCheck(t *testing.T, ctx context.Context, script string) []axeViolation {
	t.Helper()
	if !run(t, ctx, chromedp.Evaluate[bool](`(typeof axe !== "undefined") || (function(){`+script+`; return true})()`)) {
		t.Fatal("axe-core did not load")
	}
	return run(t, ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
}

// TestBrowserAccessibility has axe-core check every kind of page a user
// or curator sees: start, results, document, the submission form (empty,
// with errors and its status page), login, the error pages and the
// curator's queue, list and review page. None may have a violation.
func TestBrowserAccessibility(t *testing.T) {
	script := axeScript(t)
	ctx := browser(t)
	d := newDesk(t, nil)
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	published, pending, status := publishedAndPending(t, d)
	report := d.agent(t).toets("concept-ivp.pdf", generatedPlans(t)[1])

	pages := []struct{ name, path string }{
		{"start", "/"},
		{"resultaten", "/?q=veiligheid+cameratoezicht"},
		{"gefilterd", "/?q=veiligheid&veld=2"},
		{"niets gevonden", "/?q=qwxyzzz"},
		{"document", "/documenten/" + published},
		{"indienen", "/indienen"},
		{"status", status},
		{"inloggen", "/beheer/login"},
		{"niet gevonden", "/bestaat-niet"},
		{"foute vraag", "/?page=abc"},
		{"api", "/api"},
		{"kwaliteitstoets", "/kwaliteitstoets"},
		{"rapport kwaliteitstoets", report},
		{"indienen na kwaliteitstoets", "/indienen?toets=" + strings.TrimPrefix(report, "/kwaliteitstoets/")},
		{"format uitvoeringsplan", "/uitvoeringsplan"},
		{"format uitvoeringsplan met fouten", "/uitvoeringsplan/format?gemeente=Atlantis&periode=1980"},
		{"format uitvoeringsplan klaar", "/uitvoeringsplan/format?gemeente=Utrecht&periode=2025-2028&prioriteit=1.1&prioriteit=X.drugs&partner=Politie"},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) { checkPage(t, ctx, srv.URL+p.path, script) })
	}
	t.Run("indienen met fouten", func(t *testing.T) {
		navigate(t, ctx, srv.URL+"/indienen")
		run(t, ctx, chromedp.SendKeys(css(`#gemeente-1`), "Atlantis"))
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(css(`#indienformulier button[type=submit]`))); err != nil {
			t.Fatal(err)
		}
		reportAxe(t, ctx, script)
	})

	navigate(t, ctx, srv.URL+"/beheer/login")
	run(t, ctx, chromedp.SendKeys(css(`#email`), curatorEmail))
	run(t, ctx, chromedp.SendKeys(css(`#password`), password))
	load(t, ctx, chromedp.Submit(css(`#password`)))
	for _, p := range []struct{ name, path string }{
		{"wachtrij", "/beheer"},
		{"alle documenten", "/beheer/documenten"},
		{"beoordelen", "/beheer/documenten/" + pending},
		{"taken", "/beheer/taken"},
		{"bronnen", "/beheer/bronnen"},
	} {
		t.Run(p.name, func(t *testing.T) { checkPage(t, ctx, srv.URL+p.path, script) })
	}

	// A fuller corpus, for result pages with paging, facets and chips.
	f := newFixture(t)
	full := httptest.NewServer(f.handler)
	t.Cleanup(full.Close)
	for _, p := range []struct{ name, path string }{
		{"pagina 1", "/?q=veiligheid&size=2"},
		{"pagina 2", "/?q=veiligheid&size=2&page=2"},
		{"filters", "/?q=cameratoezicht&provincie=Gelderland&veld=2"},
		{"document met kopjes", "/documenten/" + strconv.FormatInt(f.ids["ams"], 10)},
	} {
		t.Run(p.name, func(t *testing.T) { checkPage(t, ctx, full.URL+p.path, script) })
	}
}

// publishedAndPending submits both generated plans and publishes the
// first; it returns the IDs of both and the first one's status page.
func publishedAndPending(t *testing.T, d *desk) (published, pending, status string) {
	t.Helper()
	a := d.agent(t)
	status = a.submit(generatedPlans(t)[0])
	first := strconv.FormatInt(d.pendingID(t), 10)
	a.submit(generatedPlans(t)[1])
	a.login(curatorEmail)
	review := "/beheer/documenten/" + first
	if r := a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}}); r.status != 303 {
		t.Fatalf("approve: %d", r.status)
	}
	items, err := d.store.Queue(context.Background(), corpus.QueueFilter{})
	if err != nil || len(items) != 1 {
		t.Fatalf("queue: %d items, %v", len(items), err)
	}
	return first, strconv.FormatInt(items[0].Document.ID, 10), status
}

// navigate opens u whatever its status (error pages are checked too).
func navigate(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
}

func checkPage(t *testing.T, ctx context.Context, u, script string) {
	t.Helper()
	navigate(t, ctx, u)
	reportAxe(t, ctx, script)
}

func reportAxe(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	for _, v := range axeCheck(t, ctx, script) {
		t.Errorf("axe-core: %s", v)
	}
}
