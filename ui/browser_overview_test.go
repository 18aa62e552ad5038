package ui_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// overviewPages are the overview pages the browser tests open: code is a
// gemeente with a plan in force; GM1966 (Het Hogeland) has predecessors
// and GM0053 (Winsum) is one.
func overviewPages(code string) []struct{ name, path string } {
	return []struct{ name, path string }{
		{"beeld", "/landelijk-beeld"},
		{"beeld-gefilterd", "/landelijk-beeld?provincie=Gelderland&klasse=4"},
		{"gemeente", "/gemeenten/" + code},
		{"gemeente-zonder-plan", "/gemeenten/GM1680"},
		{"gemeente-met-voorgangers", "/gemeenten/GM1966"},
		{"voormalige-gemeente", "/gemeenten/GM0053"},
		{"matrix", "/speerpunten?sort=5.2&gemeente=" + code},
	}
}

// TestBrowserOverview opens the overview pages of a generated corpus at
// desktop and phone width: nothing is wider than the screen and the map
// is drawn.
func TestBrowserOverview(t *testing.T) {
	ctx := browser(t)
	g := newGenCorpus(t)
	srv := httptest.NewServer(g.handler)
	t.Cleanup(srv.Close)
	code := ""
	for c, tf := range g.truthBeeld(t, thisYear()) {
		if tf.status == "geldend" && len(tf.prios) > 0 && (code == "" || c < code) {
			code = c
		}
	}
	for _, w := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"telefoon", 390, 844}} {
		run(t, ctx, chromedp.EmulateViewport(w.w, w.h))
		for _, p := range overviewPages(code) {
			t.Run(w.name+"-"+p.name, func(t *testing.T) {
				load(t, ctx, chromedp.Navigate(srv.URL+p.path))
				scroll := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
				client := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.clientWidth`))
				if scroll > client {
					t.Errorf("page is %dpx wide on a %dpx screen", scroll, client)
				}
				if mapW := run(t, ctx, chromedp.Evaluate[float64](`(e => e ? e.getBoundingClientRect().width : -1)(document.querySelector('svg.kaart-svg'))`)); strings.HasPrefix(p.name, "beeld") && (mapW < 300 || mapW > float64(client)) {
					t.Errorf("map is %.0fpx wide on a %dpx screen", mapW, client)
				}
				screenshot(t, ctx, "overzicht-"+w.name+"-"+p.name+".png")
			})
		}
	}
}
