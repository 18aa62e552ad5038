package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

// toetsReportJSON is what the tests read of /api/v1/kwaliteitstoets/{token}.
type toetsReportJSON struct {
	Title     string
	Gemeenten []string
	Expires   time.Time
	Submitted bool
	Elements  []struct {
		Number   int
		Verdict  string
		Advice   string
		Evidence []struct{ Page int }
		Examples []struct {
			DocumentID int64 `json:"document_id"`
			Ordinal    int
			Text       string
			URL        string
		}
	}
	Priorities []struct {
		Thema string
		Own   bool
	}
}

// uploadToets sends a file to /kwaliteitstoets.
func (a *agent) uploadToets(name string, file []byte) response {
	a.t.Helper()
	return a.postMultipart("/kwaliteitstoets", []field{{key: "csrf", value: a.csrf("/kwaliteitstoets")},
		{key: "file", file: file, name: name}})
}

// toets uploads a plan, waits until its report is ready and returns the
// path of the report's link.
func (a *agent) toets(name string, file []byte) string {
	a.t.Helper()
	loc := a.toetsStarted(name, file)
	a.waitRead(loc)
	return loc
}

// report waits until the plan of the link path is read and reads the
// JSON twin of its report.
func (a *agent) report(path string) toetsReportJSON {
	a.t.Helper()
	a.waitRead(path)
	r := a.get("/api/v1" + path)
	var rep toetsReportJSON
	if err := json.Unmarshal([]byte(r.body), &rep); err != nil || r.status != http.StatusOK {
		a.t.Fatalf("GET /api/v1%s: %d %v", path, r.status, err)
	}
	return rep
}

func TestToetsReportOfAnUpload(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	path := a.toets("concept-ivp.pdf", generatedPlans(t)[0])
	page := a.get(path)
	doc := page.html(t)
	if page.status != http.StatusOK || doc.Find(".toets-element").Length() != len(corpus.Checklist) {
		t.Fatalf("report: %d, %d elements", page.status, doc.Find(".toets-element").Length())
	}
	rep := a.report(path)
	until := time.Until(rep.Expires)
	if until < 29*24*time.Hour || until > 31*24*time.Hour {
		t.Errorf("the report expires in %s, want 30 days", until)
	}
	if got := doc.Find("#bewaartermijn").Text(); !strings.Contains(got, "werkt tot en met") {
		t.Errorf("the page does not say until when the link works: %q", got)
	}
	for _, e := range rep.Elements {
		if (e.Verdict == "aanwezig") != (e.Advice == "") || (e.Verdict != "ontbreekt") != (len(e.Evidence) > 0) {
			t.Errorf("element %d %s: advice %q, %d passages", e.Number, e.Verdict, e.Advice, len(e.Evidence))
		}
	}
	if items, _ := d.store.Queue(context.Background(), corpus.QueueFilter{}); len(items) != 0 {
		t.Errorf("the curator queue shows %d documents after a kwaliteitstoets", len(items))
	}
	if docs, _ := d.store.Documents(context.Background(), ""); len(docs) != 0 {
		t.Errorf("the store has %d documents after a kwaliteitstoets, want none", len(docs))
	}
	if n := searchTotal(t, a, "veiligheid"); n != 0 {
		t.Errorf("search finds %d plans after a kwaliteitstoets", n)
	}
}

// TestToetsLinksToTheFormat follows the report's link to the format
// uitvoeringsplan: the questionnaire has the plan's priorities checked.
func TestToetsLinksToTheFormat(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	path := a.toets("concept-ivp.pdf", generatedPlans(t)[0])
	link, ok := a.get(path).html(t).Find("a#naar-format").Attr("href")
	if !ok || !strings.HasPrefix(link, "/uitvoeringsplan?") {
		t.Fatalf("the report links the format as %q", link)
	}
	var want, got []string
	for _, p := range a.report(path).Priorities {
		if p.Own {
			want = append(want, p.Thema)
		}
	}
	form := a.get(link)
	form.html(t).Find("input[name=prioriteit][checked]").Each(func(_ int, s *goquery.Selection) {
		got = append(got, s.AttrOr("value", ""))
	})
	slices.Sort(want)
	slices.Sort(got)
	if form.status != http.StatusOK || len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the format's form (%d) has %v checked, the report's own priorities are %v", form.status, got, want)
	}
}

func TestToetsRefusesBadInput(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	cases := []struct {
		name   string
		file   []byte
		status int
		want   string
	}{
		{"not a PDF", []byte("Dit is een tekstbestand.\n"), http.StatusUnsupportedMediaType, "geen PDF-bestand"},
		{"scan without text", drawingPDF(t, 2), http.StatusUnprocessableEntity, "geen tekstlaag"},
		{"encrypted", lockedPDF(t), http.StatusUnprocessableEntity, "versleuteld"},
		{"2,001 pages", textPDF(t, 2001), http.StatusUnprocessableEntity, "te veel pagina's"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := a.toetsOutcome("plan.pdf", tc.file)
			msg := r.html(t).Find("#toets-fout").Text()
			if r.status != tc.status || !strings.Contains(msg, tc.want) {
				t.Errorf("status %d, message %q; want %d and %q", r.status, msg, tc.status, tc.want)
			}
		})
	}
	if n, err := d.store.DraftCount(context.Background()); err != nil || n != 0 {
		t.Errorf("%d drafts kept of refused uploads (%v)", n, err)
	}
}

func TestToetsExpiredAndUnknownLinks(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	ctx := context.Background()
	dr, err := d.store.AddDraft(ctx, corpus.Draft{FileName: "oud.pdf"}, []byte("%PDF-1.4"), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	r := a.get("/kwaliteitstoets/" + dr.Token)
	if r.status != http.StatusGone || !strings.Contains(r.body, "verlopen") {
		t.Errorf("expired link: %d, want 410 with a Dutch message", r.status)
	}
	r = a.get("/kwaliteitstoets/onbekend")
	if r.status != http.StatusNotFound || !strings.Contains(r.body, "Rapport niet gevonden") {
		t.Errorf("unknown link: %d, want 404 with a Dutch message", r.status)
	}
	if r := a.get("/api/v1/kwaliteitstoets/onbekend"); r.status != http.StatusNotFound {
		t.Errorf("unknown link in the API: %d, want 404", r.status)
	}
}

// drawingPDF is a PDF whose pages hold only drawings: a scan as far as
// text goes.
func drawingPDF(t testing.TB, n int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	for range n {
		f.AddPage()
		f.SetFillColor(200, 200, 200)
		f.Rect(20, 20, 170, 250, "F")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// textPDF is a PDF of n pages with a line of text on each: more than the
// default page limit when n > 2000.
func textPDF(t testing.TB, n int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 11)
	for i := range n {
		f.AddPage()
		f.Text(20, 30, fmt.Sprintf("Integraal veiligheidsplan, pagina %d: aanpak van woninginbraak en overlast.", i+1))
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lockedPDF is a PDF that opens only with a password.
func lockedPDF(t testing.TB) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetProtection(fpdf.CnProtectPrint, "geheim", "eigenaar")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Text(20, 30, "Integraal Veiligheidsplan")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestToetsSubmitWithoutUploadingAgain(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	ctx := context.Background()
	path := a.toets("concept-ivp.pdf", generatedPlans(t)[0])
	link, ok := a.get(path).html(t).Find("a#indienen").Attr("href")
	if !ok {
		t.Fatal("the report has no link to submit the plan")
	}
	form := a.get(link)
	doc := form.html(t)
	token, _ := doc.Find(`input[name=toets]`).Attr("value")
	if form.status != http.StatusOK || token == "" || doc.Find(`input[type=file]`).Length() != 0 {
		t.Fatalf("submission form from the report: %d, toets %q, %d file fields", form.status, token, doc.Find(`input[type=file]`).Length())
	}
	csrf, _ := doc.Find(`input[name=csrf]`).Attr("value")
	r := a.postMultipart("/indienen", []field{{key: "csrf", value: csrf}, {key: "toets", value: token},
		{key: "gemeenten", value: "Amsterdam"}, {key: "type", value: "ivp"}, {key: "period", value: "2024-2027"},
		{key: "contact_name", value: "Anna de Vries"}, {key: "contact_email", value: "a.devries@amsterdam.nl"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/indienen/status/") {
		t.Fatalf("submit from the report: %d %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
	items, err := d.store.Queue(ctx, corpus.QueueFilter{})
	if err != nil || len(items) != 1 {
		t.Fatalf("queue after submitting the draft: %d items, %v", len(items), err)
	}
	if !a.report(path).Submitted {
		t.Error("the report does not say the plan was submitted")
	}
	if n, _ := d.store.SweepDrafts(ctx, time.Now().Add(365*24*time.Hour)); n != 0 {
		t.Errorf("the sweep deleted %d submitted drafts", n)
	}
	if r := a.get("/indienen?toets=onbekend"); r.status != http.StatusNotFound {
		t.Errorf("submission form for an unknown draft: %d, want 404", r.status)
	}
}

// TestToetsLogsOnlyTheDraftID checks that the request log and the
// service's messages name a draft by its id: never its token (the secret
// of the report's link), its file name or its title.
func TestToetsLogsOnlyTheDraftID(t *testing.T) {
	var logs bytes.Buffer
	d := newDesk(t, func(o *ui.Options) {
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	a := d.agent(t)
	path := a.toets("concept-geheim.pdf", generatedPlans(t)[0])
	rep := a.report(path)
	a.get(path)
	a.get("/indienen?toets=" + strings.TrimPrefix(path, "/kwaliteitstoets/"))
	token := strings.TrimPrefix(path, "/kwaliteitstoets/")
	for _, secret := range []string{token, "concept-geheim", rep.Title} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log contains %q:\n%s", secret, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "draft=") || !strings.Contains(logs.String(), "path=/kwaliteitstoets/:token") {
		t.Errorf("the log does not name the draft by its id:\n%s", logs.String())
	}
}

// TestToetsReportAsPDF downloads the report as a PDF and reads it back
// with pdftotext: every element's verdict is in it, with the advice of
// the elements that need one.
func TestToetsReportAsPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext (poppler-utils)")
	}
	d := newDesk(t, nil)
	a := d.agent(t)
	path := a.toets("concept-ivp.pdf", generatedPlans(t)[0])
	text := pdfTextOf(t, a.get(path+"/rapport.pdf"), "kwaliteitstoets-rapport.pdf")
	for _, e := range a.report(path).Elements {
		want := fmt.Sprintf("%d. %s: %s", e.Number, corpus.Checklist[e.Number-1].Name, e.Verdict)
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q", want)
		}
		if e.Advice != "" && !strings.Contains(text, strings.Join(strings.Fields(e.Advice), " ")[:40]) {
			t.Errorf("the PDF lacks the advice of element %d", e.Number)
		}
	}
	if r := a.get("/kwaliteitstoets/onbekend/rapport.pdf"); r.status != http.StatusNotFound {
		t.Errorf("PDF of an unknown report: %d, want 404", r.status)
	}
}

// TestToetsRateLimit checks that one address can have only SubmitRate
// plans tested per window; the refused upload keeps nothing.
func TestToetsRateLimit(t *testing.T) {
	d := newDesk(t, func(o *ui.Options) { o.SubmitRate = ui.Rate{Max: 1, Window: time.Hour} })
	a := d.agent(t)
	a.toets("eerste.pdf", generatedPlans(t)[0])
	r := a.uploadToets("tweede.pdf", generatedPlans(t)[1])
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" ||
		!strings.Contains(r.html(t).Find("#toets-fout").Text(), "Wacht") {
		t.Errorf("second upload: %d, Retry-After %q; want 429 with a Dutch message", r.status, r.header.Get("Retry-After"))
	}
	if n, _ := d.store.DraftCount(context.Background()); n != 1 {
		t.Errorf("%d drafts kept, want 1", n)
	}
}

// TestToetsTakesHTML tests a plan saved as a web page.
func TestToetsTakesHTML(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "gemeente_ivp.html"))
	if err != nil {
		t.Fatal(err)
	}
	d := newDesk(t, nil)
	a := d.agent(t)
	rep := a.report(a.toets("ivp.html", page))
	present := 0
	for _, e := range rep.Elements {
		if e.Verdict != "ontbreekt" {
			present++
		}
	}
	if len(rep.Elements) != 15 || present == 0 {
		t.Errorf("report of an HTML plan: %d elements, %d found", len(rep.Elements), present)
	}
}

// TestToetsChosenGemeente: a gemeente chosen on the form replaces the one
// extraction finds; a name that is no gemeente is refused and keeps nothing.
func TestToetsChosenGemeente(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	send := func(gemeente string) response {
		return a.postMultipart("/kwaliteitstoets", []field{{key: "csrf", value: a.csrf("/kwaliteitstoets")},
			{key: "gemeente", value: gemeente}, {key: "file", file: generatedPlans(t)[0], name: "plan.pdf"}})
	}
	r := send("Atlantis")
	if msg := r.html(t).Find("#toets-fout").Text(); r.status != http.StatusUnprocessableEntity || !strings.Contains(msg, "geen Nederlandse gemeente") {
		t.Errorf("unknown gemeente: %d %q", r.status, msg)
	}
	if n, _ := d.store.DraftCount(context.Background()); n != 0 {
		t.Errorf("%d drafts kept of a refused form", n)
	}
	r = send("Oudewater")
	rep := a.report(r.header.Get("Location"))
	if len(rep.Gemeenten) != 1 || rep.Gemeenten[0] != "Oudewater" {
		t.Errorf("report of a plan for Oudewater names %v", rep.Gemeenten)
	}
}

// pdfTextOf checks that r is a PDF, keeps it as name (beside the
// screenshots when IVP_SCREENSHOTS is set, to look at) and returns its
// text as pdftotext reads it, with runs of white space made one space.
// Without pdftotext the test skips.
func pdfTextOf(t *testing.T, r response, name string) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("no pdftotext (poppler-utils)")
	}
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %s", r.status, r.header.Get("Content-Type"))
	}
	dir := os.Getenv("IVP_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, []byte(r.body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
