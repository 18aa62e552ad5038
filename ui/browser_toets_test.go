package ui_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/ccv/ivp/corpus"
)

// TestBrowserToets uploads a generated plan to the kwaliteitstoets in
// Chromium, sees the progress page while the plan is read, and follows
// it (by its meta refresh alone) to the report: every element with the
// verdict the generator's truth expects for ontbreekt, advice beside
// each weak or missing one, and the link that submits the plan. It then
// downloads the report as a PDF through the browser and reads it back,
// and fills in the questionnaire of the format uitvoeringsplan that the
// report links to and downloads its .docx.
func TestBrowserToets(t *testing.T) {
	ctx := browser(t)
	o, reached, release := holdReading()
	g := newToetsGenWith(t, o)
	t.Cleanup(release)
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
	<-reached
	if s := waitFor(t, ctx, `document.querySelector('#toets-voortgang') ? document.querySelector('#toets-voortgang').dataset.stap : ''`,
		"tekst lezen"); s != "tekst lezen" {
		t.Fatalf("while the plan is read the page shows step %q", s)
	}
	if s := run(t, ctx, chromedp.Text(css(`#toets-voortgang`))); !strings.Contains(s, "pagina 1 van") {
		t.Errorf("the progress page says %q, want the page being read", s)
	}
	screenshot(t, ctx, "kwaliteitstoets-voortgang.png")
	release()
	if h := waitFor(t, ctx, `document.querySelector('h1').textContent`, "Rapport kwaliteitstoets"); h != "Rapport kwaliteitstoets" {
		t.Fatalf("after the reading the page is %q", h)
	}
	verdicts := checkBrowserReport(t, ctx, g)
	screenshot(t, ctx, "kwaliteitstoets-rapport.png")
	reportURL := run(t, ctx, chromedp.Evaluate[string](`location.href`))
	checkReportPDF(t, download(t, ctx, `a#pdf`), verdicts)
	load(t, ctx, chromedp.Click(css(`a#indienen`)))
	if s := run(t, ctx, chromedp.Text(css(`#toets-plan`))); !strings.Contains(s, "niet opnieuw te uploaden") {
		t.Errorf("the submission form from the report says %q", s)
	}
	load(t, ctx, chromedp.Navigate(reportURL))
	load(t, ctx, chromedp.Click(css(`a#naar-format`)))
	prios := fillFormat(t, ctx)
	checkFormatDocx(t, download(t, ctx, `#download-docx`), prios)
}

// checkBrowserReport reads the report the browser shows and returns the
// verdict of each element, in order.
func checkBrowserReport(t *testing.T, ctx context.Context, g *toetsGen) []string {
	t.Helper()
	if s := run(t, ctx, chromedp.Text(css(`#bewaartermijn`))); !strings.Contains(s, "werkt tot en met") {
		t.Errorf("the report does not say until when its link works: %q", s)
	}
	if run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('meta[http-equiv=refresh]').length`)) != 0 {
		t.Error("the report still refreshes itself")
	}
	rows := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.toets-element')].map(e => e.dataset.verdict + "|" + (e.querySelector('.toets-advies') ? "advies" : ""))`))
	if len(rows) != len(corpus.Checklist) {
		t.Fatalf("%d elements on the report, want %d", len(rows), len(corpus.Checklist))
	}
	var verdicts []string
	wrong := 0
	for i, v := range rows {
		verdict, advice, _ := strings.Cut(v, "|")
		verdicts = append(verdicts, verdict)
		if lacks := !slices.Contains(g.upTruth[0].ChecklistPresent, i+1); lacks != (verdict == "ontbreekt") {
			wrong++
		}
		if (verdict == "aanwezig") == (advice == "advies") {
			t.Errorf("element %d is %s, advice shown: %v", i+1, verdict, advice != "")
		}
	}
	if wrong > 1 {
		t.Errorf("%d of %d elements disagree with the truth on ontbreekt", wrong, len(rows))
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.toets-voorbeeld').length`)); n == 0 {
		t.Error("the report shows no examples from published plans")
	}
	if run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#toets-prioriteiten tbody tr').length`)) == 0 {
		t.Error("the report compares no priorities")
	}
	return verdicts
}

// checkReportPDF reads the downloaded report with pdftotext: every
// element's verdict is in it. Without pdftotext only its first bytes are
// checked.
func checkReportPDF(t *testing.T, pdf []byte, verdicts []string) {
	t.Helper()
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the downloaded report is no PDF: %.20q", pdf)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("the text of the downloaded PDF is not checked: no pdftotext (poppler-utils)")
		return
	}
	file := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for i, v := range verdicts {
		if want := fmt.Sprintf("%d. %s: %s", i+1, corpus.Checklist[i].Name, v); !strings.Contains(text, want) {
			t.Errorf("the downloaded PDF does not say %q", want)
		}
	}
}

// fillFormat fills in the rest of the questionnaire the report opened
// (its priorities are checked already), asks for the format and returns
// the labels of the priorities chosen.
func fillFormat(t *testing.T, ctx context.Context) []string {
	t.Helper()
	prios := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('input[name=prioriteit]:checked')].map(i => i.parentElement.textContent.trim())`))
	if len(prios) == 0 {
		t.Fatal("the questionnaire from the report has no priority checked")
	}
	run(t, ctx, chromedp.Evaluate[bool](`document.querySelector('#periode').value = '', true`))
	run(t, ctx, chromedp.SendKeys(css(`#periode`), "2025-2028"))
	run(t, ctx, chromedp.Click(css(`input[name=partner][value=Politie]`)))
	load(t, ctx, chromedp.Click(css(`#planformulier button[type=submit]:not([formaction])`)))
	if h := run(t, ctx, chromedp.Text(css(`h1`))); !strings.HasPrefix(h, "Uitvoeringsplan integrale veiligheid") {
		t.Fatalf("after the questionnaire the page is %q", h)
	}
	return prios
}

// checkFormatDocx checks that the downloaded .docx is an OOXML package
// whose XML parses, with a chapter for each priority chosen.
func checkFormatDocx(t *testing.T, docx []byte, prios []string) {
	t.Helper()
	body := readDocx(t, docx)
	heads := strings.Join(body.headings["Heading1"], "\n")
	for _, p := range prios {
		if !strings.Contains(heads, p) {
			t.Errorf("the downloaded .docx has no chapter %q; its chapters: %v", p, body.headings["Heading1"])
		}
	}
}

// waitFor evaluates expr on the page until it gives want (the page may
// reload itself meanwhile), for up to a minute, and returns its last value.
func waitFor(t *testing.T, ctx context.Context, expr, want string) string {
	t.Helper()
	got := ""
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err == nil {
			if got = v; got == want {
				return got
			}
		}
	}
	return got
}

// download clicks the link sel and returns the file Chromium saves of it.
func download(t *testing.T, ctx context.Context, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	progress := chromedp.Events(dctx, cdpbrowser.DownloadProgress)
	allow := true
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &allow})
		return err
	}), chromedp.Click(css(sel))); err != nil {
		t.Fatal(err)
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download of %s: %v", sel, err)
		}
		switch ev.State {
		case cdpbrowser.DownloadProgressStateCompleted:
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return b
		case cdpbrowser.DownloadProgressStateCanceled:
			t.Fatalf("the download of %s was cancelled", sel)
		}
	}
	t.Fatal(errors.New("no download of " + sel + " within 30 seconds"))
	return nil
}

// readDocx opens a .docx as an OOXML package: a zip with the parts Word
// needs, the main part declared as a WordprocessingML document, and every
// XML part parsing; it returns what the document part holds.
func readDocx(t *testing.T, docx []byte) docxBody {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("the .docx is no zip package: %v", err)
	}
	var body docxBody
	parts := map[string][]byte{}
	for _, zf := range z.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = data
		if err := parseXML(data, zf.Name == "word/document.xml", &body); err != nil {
			t.Errorf("%s: %v", zf.Name, err)
		}
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if parts[p] == nil {
			t.Errorf("the .docx has no part %s", p)
		}
	}
	if !bytes.Contains(parts["[Content_Types].xml"], []byte("wordprocessingml.document.main+xml")) {
		t.Error("[Content_Types].xml does not declare the main document part")
	}
	return body
}

// TestBrowserAccessibilityToetsProgress has axe-core check the progress
// page of the kwaliteitstoets while a plan is read, and the link of a
// plan refused in the background. The progress page reloads itself every
// two seconds (a meta refresh, so that it works without JavaScript); axe
// flags every such refresh (WCAG 2.2.1), as it cannot see that the page
// links to a version without it, which the user may choose. So the page
// that refreshes is checked without that one rule, and the page with the
// refresh turned off with every rule. A check that a reload cut short is
// run again.
func TestBrowserAccessibilityToetsProgress(t *testing.T) {
	script := axeScript(t)
	ctx := browser(t)
	o, reached, release := holdReading()
	d := newDeskWith(t, o, nil)
	t.Cleanup(release)
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	a := d.agent(t)
	reading := a.toetsStarted("concept-ivp.pdf", generatedPlans(t)[0])
	<-reached
	refused := a.toetsStarted("versleuteld.pdf", lockedPDF(t))
	a.waitRead(refused)
	t.Run("voortgang", func(t *testing.T) {
		axeRetried(t, ctx, srv.URL+reading, script, `{rules: {"meta-refresh": {enabled: false}}}`)
		off := run(t, ctx, chromedp.Evaluate[string](`(document.querySelector('a#handmatig') || {}).href || ''`))
		if !strings.HasSuffix(off, "?vernieuwen=uit") {
			t.Fatalf("the progress page offers no way to turn its refresh off: %q", off)
		}
	})
	t.Run("voortgang zonder verversen", func(t *testing.T) {
		navigate(t, ctx, srv.URL+reading+"?vernieuwen=uit")
		if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('meta[http-equiv=refresh]').length`)); n != 0 {
			t.Errorf("with the refresh turned off the page still has %d meta refresh", n)
		}
		axeRetried(t, ctx, srv.URL+reading+"?vernieuwen=uit", script, `{}`)
	})
	t.Run("geweigerd", func(t *testing.T) { checkPage(t, ctx, srv.URL+refused, script) })
}

// axeRetried opens u and has axe-core check it with the options opts (a
// JavaScript object), trying again when a reload of the page cut the
// check short.
func axeRetried(t *testing.T, ctx context.Context, u, script, opts string) {
	t.Helper()
	for try := 1; ; try++ {
		navigate(t, ctx, u)
		vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`(function(){ if (typeof axe === "undefined") {`+script+`}
		return axe.run(document, `+opts+`).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))})))})()`, chromedp.EvalAwaitPromise))
		if err != nil && try < 3 {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("axe-core: %s", v)
		}
		return
	}
}
