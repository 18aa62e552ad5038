package ui_test

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFeedLinkAndAPIPage: in Chromium, the results page shows the
// feed link of the search as filtered, and the feed behind it lists the
// plans the page shows; the API page lists the endpoints, its contents
// link to their sections, and it fits a phone.
func TestBrowserFeedLinkAndAPIPage(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+"/?q=cameratoezicht"))
	filterOnProvincie(t, ctx, "Gelderland", len(matching("cameratoezicht", inProvincie("Gelderland"))))
	run(t, ctx, chromedp.WaitVisible(css(`a#feed`)))
	href := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('a#feed').href`))
	shown := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.resultaat h3 a')].map(a => a.href)`))
	screenshot(t, ctx, "8-volgen.png")
	var feed feedDoc
	if err := xml.Unmarshal([]byte(fetch(t, href)), &feed); err != nil {
		t.Fatalf("the feed link %s gives no Atom: %v", href, err)
	}
	var listed []string
	for _, e := range feed.Entries {
		listed = append(listed, link(e.Links, "alternate"))
	}
	if !sameSet(listed, shown) || len(listed) != len(shown) {
		t.Errorf("the feed lists %v, the page shows %v", listed, shown)
	}

	load(t, ctx, chromedp.Navigate(srv.URL+"/api"))
	n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('section.api-op').length`))
	if n < 10 {
		t.Errorf("the API page shows %d endpoints", n)
	}
	run(t, ctx, chromedp.Click(css(`.api-inhoud a[href="#get-api-v1-search"]`)))
	run(t, ctx, chromedp.WaitVisible(css(`#get-api-v1-search h2`)))
	top := run(t, ctx, chromedp.Evaluate[float64](`document.getElementById('get-api-v1-search').getBoundingClientRect().top`))
	if top < -1 || top > 50 {
		t.Errorf("after the contents link the search section is %.0fpx from the top", top)
	}
	screenshot(t, ctx, "9-api.png")
	fitsPhone(t, ctx, srv.URL+"/api")
}

// fetch gets url with Go's client and returns the body.
func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%s: status %d, %s", url, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	return string(b)
}
