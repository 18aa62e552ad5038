package ui_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts a headless Chromium for the test, or skips it: under
// -short, and when no Chromium is installed (/usr/bin/chromium, or the path
// in IVP_CHROMIUM).
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped under -short")
	}
	path := os.Getenv("IVP_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("browser test skipped: no Chromium at %s (install chromium or set IVP_CHROMIUM)", path)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx, chromedp.WithErrorf(func(string, ...any) {}))
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// run runs one browser action and returns its value; an error ends the test.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// load runs steps that navigate and waits until the new page has loaded
// with status 200.
func load(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 {
		t.Fatalf("%s: status %d", resp.URL, resp.Status)
	}
}

// screenshot saves a full-page PNG as name in $IVP_SCREENSHOTS, if set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("IVP_SCREENSHOTS")
	if dir == "" {
		return
	}
	png := run(t, ctx, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// css selects by CSS selector.
type css = chromedp.CSS

func TestBrowserSearchFilterAndOpen(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+"/"))
	screenshot(t, ctx, "1-start.png")
	run(t, ctx, chromedp.SendKeys(css(`input[name=q]`), "cameratoezicht"))
	load(t, ctx, chromedp.Submit(css(`input[name=q]`)))
	run(t, ctx, chromedp.WaitVisible(css(`.resultaat .passage mark`)))
	all := run(t, ctx, chromedp.Text(css(`#aantal`)))
	screenshot(t, ctx, "2-zoekresultaten.png")

	want := matching("cameratoezicht", inProvincie("Gelderland"))
	if n, _ := strconv.Atoi(all); n <= len(want) {
		t.Errorf("before the filter #aantal was %q, want more than %d", all, len(want))
	}
	filterOnProvincie(t, ctx, "Gelderland", len(want))
	screenshot(t, ctx, "3-gefilterd.png")

	first := run(t, ctx, chromedp.Text(css(`.resultaat h3 a`)))
	load(t, ctx, chromedp.Click(css(`.resultaat h3 a`)))
	if title := run(t, ctx, chromedp.Text(css(`h1#doc-titel`))); title != first {
		t.Errorf("opened %q, want %q", title, first)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.tekst .passage').length`)); n == 0 {
		t.Error("the document page shows no passages")
	}
	screenshot(t, ctx, "4-document.png")
}

// filterOnProvincie clicks a provincie in the sidebar and checks the count
// and that every result lies in that provincie.
func filterOnProvincie(t *testing.T, ctx context.Context, value string, want int) {
	t.Helper()
	load(t, ctx, chromedp.Click(css(`.facet[data-facet=provincie] a.facetwaarde[data-value="`+value+`"]`)))
	run(t, ctx, chromedp.WaitVisible(css(`.chips .chip`)))
	filtered := run(t, ctx, chromedp.Text(css(`#aantal`)))
	values := run(t, ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.resultaat')].map(e => e.dataset.provincies)`))
	if n, _ := strconv.Atoi(filtered); n != want || len(values) != want {
		t.Errorf("after the %s filter: #aantal %q and %d results, want %d", value, filtered, len(values), want)
	}
	for _, v := range values {
		if !strings.Contains(v, value) {
			t.Errorf("result in %q after filtering on %s", v, value)
		}
	}
}

func TestBrowserPhoneWidth(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	run(t, ctx, chromedp.EmulateViewport(390, 844))
	pages := []struct{ name, path string }{
		{"5-telefoon-zoeken", "/?q=cameratoezicht&size=4&provincie=Gelderland&provincie=Zuid-Holland&provincie=Noord-Holland"},
		{"6-telefoon-document", "/documenten/" + strconv.FormatInt(f.ids["ams"], 10)},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			load(t, ctx, chromedp.Navigate(srv.URL+p.path))
			scroll := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			client := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.clientWidth`))
			if scroll > client {
				t.Errorf("page is %dpx wide on a %dpx screen", scroll, client)
			}
			screenshot(t, ctx, p.name+".png")
		})
	}
}

func TestBrowserErrorPage(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	resp, err := chromedp.RunResponse(ctx, chromedp.Navigate(srv.URL+"/?page=abc"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 400 {
		t.Errorf("status %d, want 400", resp.Status)
	}
	if msg := run(t, ctx, chromedp.Text(css(`.foutmelding`))); !strings.Contains(msg, "paginanummer") {
		t.Errorf("message %q", msg)
	}
	screenshot(t, ctx, "7-fout.png")
}
