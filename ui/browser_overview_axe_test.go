package ui_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// overviewAxeSource is axe-core's axe.min.js, from IVP_AXE or where .ci/run
// installs it; the test skips without it. (The names differ from the
// general accessibility test's helpers so both can live in the package.)
func overviewAxeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("IVP_AXE")
	if path == "" {
		home, _ := os.UserHomeDir()
		path = filepath.Join(home, ".cache", "ivp", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("accessibility test skipped: no axe-core at %s (set IVP_AXE)", path)
	}
	return string(b)
}

// overviewAxeFinding is one axe-core rule a page breaks.
type overviewAxeFinding struct {
	ID      string   `json:"id"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// TestBrowserOverviewAccessibility has axe-core (default rules: WCAG 2.x
// A and AA and best practices) check the overview pages of a generated
// corpus and of an empty database, at desktop and phone width.
func TestBrowserOverviewAccessibility(t *testing.T) {
	script := overviewAxeSource(t)
	ctx := browser(t)
	g := newGenCorpus(t)
	srv := httptest.NewServer(g.handler)
	t.Cleanup(srv.Close)
	empty := httptest.NewServer(emptyHandler(t).handler)
	t.Cleanup(empty.Close)
	pages := []struct{ name, url string }{
		{"leeg-beeld", empty.URL + "/landelijk-beeld"},
		{"leeg-gemeente", empty.URL + "/gemeenten/GM0363"},
		{"leeg-matrix", empty.URL + "/speerpunten"},
		{"geen-selectie", srv.URL + "/landelijk-beeld?provincie=Zeeland&klasse=8"},
	}
	for _, p := range overviewPages("GM0080") {
		pages = append(pages, struct{ name, url string }{p.name, srv.URL + p.path})
	}
	for _, w := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"telefoon", 390, 844}} {
		run(t, ctx, chromedp.EmulateViewport(w.w, w.h))
		for _, p := range pages {
			t.Run(w.name+"-"+p.name, func(t *testing.T) {
				load(t, ctx, chromedp.Navigate(p.url))
				run(t, ctx, chromedp.Evaluate[bool](`(typeof axe !== "undefined") || (function(){`+script+`; return true})()`))
				found := run(t, ctx, chromedp.Evaluate[[]overviewAxeFinding](`axe.run(document).then(r => r.violations.map(v => ({
					id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
				for _, f := range found {
					t.Errorf("%s: %s at %v", f.ID, f.Help, f.Targets)
				}
			})
		}
	}
}
