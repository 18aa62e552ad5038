package ui_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserToets uploads a generated plan to the kwaliteitstoets in
// Chromium and reads the report: every element with the verdict the
// generator's truth expects for ontbreekt, advice beside each weak or
// missing one, and the link that submits the plan.
func TestBrowserToets(t *testing.T) {
	ctx := browser(t)
	g := newToetsGen(t)
	srv := httptest.NewServer(g.handler)
	t.Cleanup(srv.Close)
	plan := filepath.Join(t.TempDir(), "concept-ivp.pdf")
	if err := os.WriteFile(plan, g.uploads[0], 0o644); err != nil {
		t.Fatal(err)
	}
	load(t, ctx, chromedp.Navigate(srv.URL+"/kwaliteitstoets"))
	screenshot(t, ctx, "kwaliteitstoets-formulier.png")
	run(t, ctx, chromedp.SetUploadFiles(css(`#file`), []string{plan}))
	load(t, ctx, chromedp.Click(css(`#toetsformulier button[type=submit]`)))
	if h := run(t, ctx, chromedp.Text(css(`h1`))); h != "Rapport kwaliteitstoets" {
		t.Fatalf("after the upload the page is %q", h)
	}
	if s := run(t, ctx, chromedp.Text(css(`#bewaartermijn`))); !strings.Contains(s, "werkt tot en met") {
		t.Errorf("the report does not say until when its link works: %q", s)
	}
	verdicts := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.toets-element')].map(e => e.dataset.verdict + "|" + (e.querySelector('.toets-advies') ? "advies" : ""))`))
	if len(verdicts) != 15 {
		t.Fatalf("%d elements on the report, want 15", len(verdicts))
	}
	wrong := 0
	for i, v := range verdicts {
		verdict, advice, _ := strings.Cut(v, "|")
		lacks := !slices.Contains(g.upTruth[0].ChecklistPresent, i+1)
		if lacks != (verdict == "ontbreekt") {
			wrong++
		}
		if (verdict == "aanwezig") == (advice == "advies") {
			t.Errorf("element %d is %s, advice shown: %v", i+1, verdict, advice != "")
		}
	}
	if wrong > 1 {
		t.Errorf("%d of 15 elements disagree with the truth on ontbreekt", wrong)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.toets-voorbeeld').length`)); n == 0 {
		t.Error("the report shows no examples from published plans")
	}
	if run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#toets-prioriteiten tbody tr').length`)) == 0 {
		t.Error("the report compares no priorities")
	}
	screenshot(t, ctx, "kwaliteitstoets-rapport.png")
	load(t, ctx, chromedp.Click(css(`a#indienen`)))
	if s := run(t, ctx, chromedp.Text(css(`#toets-plan`))); !strings.Contains(s, "niet opnieuw te uploaden") {
		t.Errorf("the submission form from the report says %q", s)
	}
	t.Logf("report of %s: %s wrong", plan, strconv.Itoa(wrong))
}
