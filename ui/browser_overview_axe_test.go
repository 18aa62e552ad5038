package ui_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOverviewAccessibility has axe-core (default rules: WCAG 2.x
// A and AA and best practices) check the overview pages of a generated
// corpus and of an empty database, at desktop and phone width.
func TestBrowserOverviewAccessibility(t *testing.T) {
	script := axeScript(t)
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
				reportAxe(t, ctx, script)
			})
		}
	}
}
