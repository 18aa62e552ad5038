package ui_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSubmitHTMLFile chooses a saved web page in the file picker of
// /indienen, as the picker offers: a page without text comes back with a
// Dutch reason next to the field, a real plan is taken in. The button of
// the picker reads "Kies bestand", and a click on it reaches the picker.
func TestBrowserSubmitHTMLFile(t *testing.T) {
	ctx := browser(t)
	d := newDesk(t, nil)
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	empty, plan := filepath.Join(dir, "menu.html"), filepath.Join(dir, "IVP Zwolle.html")
	if err := os.WriteFile(empty, []byte(`<!doctype html><html><body><div>Menu</div></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, htmlPlan("Zwolle"), 0o644); err != nil {
		t.Fatal(err)
	}

	load(t, ctx, chromedp.Navigate(srv.URL+"/indienen"))
	checkDutchFileButton(t, ctx)
	fillSubmission(t, ctx, empty)
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(css(`#indienformulier button[type=submit]`)))
	if err != nil || resp.Status != 422 {
		t.Fatalf("a page without text: %v, status %v, want 422", err, resp)
	}
	if msg := run(t, ctx, chromedp.Text(css(`#veld-file .veldfout`))); !strings.Contains(msg, "geen tekst") {
		t.Errorf("message next to the file: %q", msg)
	}
	screenshot(t, ctx, "indienen-html-fout.png")

	run(t, ctx, chromedp.SetUploadFiles(css(`#file`), []string{plan}))
	load(t, ctx, chromedp.Click(css(`#indienformulier button[type=submit]`)))
	if ref := run(t, ctx, chromedp.Text(css(`#kenmerk`))); !strings.HasPrefix(ref, "IVP-") {
		t.Fatalf("an HTML plan: confirmation shows kenmerk %q", ref)
	}
}

// checkDutchFileButton checks that the file picker shows "Kies bestand"
// and that the picker itself lies under that text.
func checkDutchFileButton(t *testing.T, ctx context.Context) {
	t.Helper()
	text := `document.querySelector('#veld-file .bestandknop')?.textContent ?? ''`
	if s := run(t, ctx, chromedp.Evaluate[string](text)); s != "Kies bestand" {
		t.Fatalf("the file button reads %q", s)
	}
	under := run(t, ctx, chromedp.Evaluate[string](`(() => {
		const b = document.querySelector('#veld-file .bestandknop');
		b.scrollIntoView({block: 'center'});
		const r = b.getBoundingClientRect();
		const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return e ? e.id : '';
	})()`))
	if under != "file" {
		t.Errorf("a click on the button reaches %q, not the file picker", under)
	}
}

// fillSubmission fills in the submission form with file as the plan.
func fillSubmission(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	run(t, ctx, chromedp.SendKeys(css(`#gemeente-1`), "Zwolle"))
	run(t, ctx, chromedp.SetValue(css(`#type`), "ivp"))
	run(t, ctx, chromedp.SendKeys(css(`#period`), "2025-2028"))
	run(t, ctx, chromedp.SendKeys(css(`#contact_name`), "Pieter Jansen"))
	run(t, ctx, chromedp.SendKeys(css(`#contact_email`), "p.jansen@zwolle.nl"))
	run(t, ctx, chromedp.SetUploadFiles(css(`#file`), []string{file}))
}
