package ui_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPlanLinks: in a real browser a curator confirms a proposed
// link on the review page, and the document page shows the timeline; both
// pages pass axe-core and fit a phone's width.
func TestBrowserPlanLinks(t *testing.T) {
	ctx := browser(t)
	script := axeScript(t)
	d, _, ivp, up := linkDesk(t, url.Values{"type": {"uitvoeringsplan"}, "period": {"2025"}, "gemeenten": {"Amsterdam"},
		"title": {"Uitvoeringsprogramma 2025 bij het Integraal Veiligheidsplan 2024-2027"}})
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	navigate(t, ctx, srv.URL+"/beheer/login")
	run(t, ctx, chromedp.SendKeys(css(`#email`), curatorEmail))
	run(t, ctx, chromedp.SendKeys(css(`#password`), password))
	load(t, ctx, chromedp.Submit(css(`#password`)))

	review := srv.URL + reviewPath(ivp)
	load(t, ctx, chromedp.Navigate(review))
	reportAxe(t, ctx, script)
	screenshotOf(t, ctx, `#samenhang`, "beoordelen-samenhang.png")
	load(t, ctx, chromedp.Click(css(`#samenhang .koppeling-voorgesteld button`)))
	if got := run(t, ctx, chromedp.Text(css(`#samenhang .koppeling-lijst`))); !strings.Contains(got, "Bevestigd door de redactie") {
		t.Errorf("after confirming, the link section says %q", got)
	}

	doc := srv.URL + "/documenten/" + strconv.FormatInt(up, 10)
	for _, w := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"telefoon", 390, 844}} {
		t.Run(w.name, func(t *testing.T) {
			run(t, ctx, chromedp.EmulateViewport(w.w, w.h))
			load(t, ctx, chromedp.Navigate(doc))
			steps := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#levensloop .stap')].map(e => e.className + ': ' + e.innerText.replace(/\s+/g, ' '))`))
			if len(steps) != 2 || !strings.Contains(steps[0], "stap-hoofdplan") || !strings.Contains(steps[0], "bevestigd") || !strings.Contains(steps[1], "stap-dit") {
				t.Errorf("timeline: %q", steps)
			}
			scroll := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			client := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.clientWidth`))
			if scroll > client {
				t.Errorf("page is %dpx wide on a %dpx screen", scroll, client)
			}
			reportAxe(t, ctx, script)
			screenshotOf(t, ctx, `.documentinfo`, "document-tijdlijn-"+w.name+".png")
		})
	}
}

// screenshotOf saves a PNG of the element sel as name in $IVP_SCREENSHOTS,
// if set.
func screenshotOf(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	dir := os.Getenv("IVP_SCREENSHOTS")
	if dir == "" {
		return
	}
	png := run(t, ctx, chromedp.Screenshot(css(sel)))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
