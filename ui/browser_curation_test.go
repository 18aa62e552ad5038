package ui_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSubmitReviewPublish walks the whole way in a real browser: a
// municipality submits a generated plan through the form, a curator logs
// in, opens it from the queue and approves it, and the plan is then found
// by a search on the start page.
func TestBrowserSubmitReviewPublish(t *testing.T) {
	ctx := browser(t)
	d := newDesk(t, nil)
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	plan := filepath.Join(t.TempDir(), "IVP Zwolle 2025-2028.pdf")
	if err := os.WriteFile(plan, generatedPlans(t)[0], 0o644); err != nil {
		t.Fatal(err)
	}

	submitIncomplete(t, ctx, srv.URL)
	submitInBrowser(t, ctx, srv.URL, plan)
	id := d.pendingID(t)
	review := approveInBrowser(t, ctx, srv.URL, id)

	load(t, ctx, chromedp.Navigate(srv.URL+"/"))
	run(t, ctx, chromedp.SendKeys(css(`input[name=q]`), "veiligheid"))
	load(t, ctx, chromedp.Submit(css(`input[name=q]`)))
	found := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.resultaat[data-id="`+strconv.FormatInt(id, 10)+`"]').length`))
	if found != 1 {
		t.Errorf("the approved plan is not among the search results")
	}
	fitsPhone(t, ctx, srv.URL+"/indienen", review)
}

// submitIncomplete sends a half-filled form: it comes back with 422 and
// the errors next to the fields.
func submitIncomplete(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	load(t, ctx, chromedp.Navigate(base+"/indienen"))
	run(t, ctx, chromedp.SendKeys(css(`#gemeente-1`), "Atlantis"))
	run(t, ctx, chromedp.SendKeys(css(`#contact_name`), "Pieter Jansen"))
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(css(`#indienformulier button[type=submit]`)))
	if err != nil || resp.Status != 422 {
		t.Fatalf("an incomplete form: %v, want status 422", err)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.veld.ongeldig .veldfout').length`)); n < 4 {
		t.Errorf("%d errors next to fields, want gemeente, type, periode, e-mail and file", n)
	}
	if v := run(t, ctx, chromedp.Evaluate[string](`document.querySelector('#contact_name').value`)); v != "Pieter Jansen" {
		t.Errorf("the typed name came back as %q", v)
	}
	screenshot(t, ctx, "8-indienen-fouten.png")
}

// submitInBrowser fills the form in as a municipality would and sends it.
func submitInBrowser(t *testing.T, ctx context.Context, base, plan string) {
	t.Helper()
	load(t, ctx, chromedp.Navigate(base+"/indienen"))
	run(t, ctx, chromedp.SendKeys(css(`#gemeente-1`), "Zwolle"))
	run(t, ctx, chromedp.SetValue(css(`#type`), "ivp"))
	run(t, ctx, chromedp.SendKeys(css(`#period`), "2025-2028"))
	run(t, ctx, chromedp.SendKeys(css(`#contact_name`), "Pieter Jansen"))
	run(t, ctx, chromedp.SendKeys(css(`#contact_email`), "p.jansen@zwolle.nl"))
	run(t, ctx, chromedp.SendKeys(css(`#note`), "Vastgesteld door de raad op 12 december 2024."))
	run(t, ctx, chromedp.SetUploadFiles(css(`#file`), []string{plan}))
	screenshot(t, ctx, "8-indienen.png")
	load(t, ctx, chromedp.Click(css(`#indienformulier button[type=submit]`)))
	if ref := run(t, ctx, chromedp.Text(css(`#kenmerk`))); !strings.HasPrefix(ref, "IVP-") {
		t.Fatalf("confirmation shows kenmerk %q", ref)
	}
	if s := run(t, ctx, chromedp.Text(css(`#status`))); s != "ontvangen" {
		t.Errorf("status %q, want ontvangen", s)
	}
	screenshot(t, ctx, "9-bevestiging.png")
}

// approveInBrowser goes to the queue, logs in on the way, opens plan id
// and approves it; it returns the review page's address.
func approveInBrowser(t *testing.T, ctx context.Context, base string, id int64) string {
	t.Helper()
	load(t, ctx, chromedp.Navigate(base+"/beheer"))
	run(t, ctx, chromedp.SendKeys(css(`#email`), curatorEmail))
	run(t, ctx, chromedp.SendKeys(css(`#password`), password))
	load(t, ctx, chromedp.Submit(css(`#password`)))
	screenshot(t, ctx, "10-wachtrij.png")
	load(t, ctx, chromedp.Click(css(`#lijst tr[data-id="`+strconv.FormatInt(id, 10)+`"] a`)))
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.tekst .passage .tag-veld').length`)); n == 0 {
		t.Error("the review page shows no tagged passages")
	}
	screenshot(t, ctx, "11-beoordelen.png")
	review := run(t, ctx, chromedp.Location())
	load(t, ctx, chromedp.Click(css(`#goedkeuren`)))
	if msg := run(t, ctx, chromedp.Text(css(`#melding`))); !strings.Contains(msg, "gepubliceerd") {
		t.Errorf("after approving: %q", msg)
	}
	return review
}

// fitsPhone checks that pages need no sideways scrolling on a phone.
func fitsPhone(t *testing.T, ctx context.Context, urls ...string) {
	t.Helper()
	run(t, ctx, chromedp.EmulateViewport(390, 844))
	for _, u := range urls {
		load(t, ctx, chromedp.Navigate(u))
		scroll := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		client := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.clientWidth`))
		if scroll > client {
			t.Errorf("%s is %dpx wide on a %dpx screen", u, scroll, client)
		}
	}
}
