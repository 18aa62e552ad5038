package ui_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPlanFormat fills in the questionnaire of the format
// uitvoeringsplan in Chromium: the gemeente's priorities are fetched
// from its plan in force, and the format has a chapter per priority,
// the process chapters and both downloads.
func TestBrowserPlanFormat(t *testing.T) {
	ctx := browser(t)
	g := newGenCorpus(t)
	code, prios := gemeenteWithPrios(g.truthBeeld(t, thisYear()))
	srv := httptest.NewServer(g.handler)
	t.Cleanup(srv.Close)
	load(t, ctx, chromedp.Navigate(srv.URL+"/"))
	load(t, ctx, chromedp.Click(css(`footer a[href="/uitvoeringsplan"]`)))
	run(t, ctx, chromedp.SendKeys(css(`#gemeente`), code))
	load(t, ctx, chromedp.Click(css(`#prio-ophalen`)))
	checked := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('input[name=prioriteit]:checked').length`))
	if checked != len(prios) {
		t.Errorf("%d priorities checked after fetching those of %s, its plan has %d", checked, code, len(prios))
	}
	run(t, ctx, chromedp.SendKeys(css(`#periode`), "2025-2028"))
	run(t, ctx, chromedp.Click(css(`input[name=partner][value=Politie]`)))
	run(t, ctx, chromedp.Click(css(`input[name=indeling][value=veld]`)))
	screenshot(t, ctx, "uitvoeringsplan-vragenlijst.png")
	load(t, ctx, chromedp.Click(css(`#planformulier button[type=submit]:not([formaction])`)))
	if h := run(t, ctx, chromedp.Text(css(`h1`))); !strings.HasPrefix(h, "Uitvoeringsplan integrale veiligheid") {
		t.Fatalf("after the questionnaire the page is %q", h)
	}
	heads := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('h2')].map(h => h.textContent)`))
	veld, process := 0, 0
	for _, h := range heads {
		switch {
		case strings.HasPrefix(h, "Veld "):
			veld++
		case h == "Monitoring" || h == "Regie en rolverdeling" || h == "Evaluatie en verantwoording":
			process++
		}
	}
	if veld == 0 || veld > len(prios) || process != 3 {
		t.Errorf("chapters %v: want one per veld of the %d priorities and the 3 process chapters", heads, len(prios))
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.voorbeelden li a[href^="/documenten/"]').length`)); n == 0 {
		t.Error("the format shows no examples linked to their plan")
	}
	for _, link := range []string{"#download-docx", "#download-pdf"} {
		href := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('`+link+`').href`))
		resp, err := http.Get(href) // the page's CSP lets no script fetch; Go follows the link
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 4)
		_, err = io.ReadFull(resp.Body, head)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || err != nil || !(string(head[:2]) == "PK" || string(head) == "%PDF") {
			t.Errorf("%s answers %d starting %q (%v) %s", link, resp.StatusCode, head, err, href)
		}
	}
	screenshot(t, ctx, "uitvoeringsplan-format.png")
}
