package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/corpus/gen"
)

// Sizes of the kwaliteitstoets benchmark: the published plans the report
// takes its examples and comparison from, and the pages of the plan
// uploaded.
const (
	toetsBenchPlans = 300
	toetsBenchPages = 60
	// toetsBenchSeed makes the plan uploaded: one that lacks elements of
	// the checklist, so that the report looks up examples.
	toetsBenchSeed = 99
)

// BenchmarkToets60Pages uploads a generated plan of 60 pages to the
// kwaliteitstoets of a server built as 'ivp serve' builds it (extraction
// in a worker process, reads in the background) over a store of
// toetsBenchPlans published generated plans, and follows the link the
// upload redirects to until it shows the report: extraction, tagging,
// the checklist and the report page with its examples from published
// plans and its comparison. It reports the seconds per report
// (s/report); the bar is 10 s on 2 cores. The overview data the report
// compares with is computed before the timing starts, as 'ivp serve'
// does at start.
func BenchmarkToets60Pages(b *testing.B) {
	base, client := toetsServer(b)
	body, ct := toetsUploadBody(b, client, base, plan60(b))
	// Warm: the overview data, the worker binary in the page cache.
	page := toetsReportOnce(b, client, base, body, ct)
	if strings.Count(page, `class="kaart toets-element"`) != 15 || !strings.Contains(page, `class="toets-voorbeeld"`) ||
		!strings.Contains(page, `id="toets-prioriteiten"`) {
		b.Fatalf("the report lacks elements, examples or the comparison:\n%.3000s", page)
	}
	var counts []string
	for _, m := range regexp.MustCompile(`id="telling-([a-z]+)">(\d+)<`).FindAllStringSubmatch(page, -1) {
		counts = append(counts, m[1]+" "+m[2])
	}
	b.Logf("the report: %s; %d examples", strings.Join(counts, ", "), strings.Count(page, `class="toets-voorbeeld"`))
	b.ReportAllocs()
	for b.Loop() {
		toetsReportOnce(b, client, base, body, ct)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/report")
}

// toetsServer serves a data directory with toetsBenchPlans published
// plans as 'ivp serve' would, the upload limit off, and returns its URL
// and a client that keeps cookies and does not follow redirects.
func toetsServer(b *testing.B) (string, *http.Client) {
	b.Helper()
	ctx := context.Background()
	var c config
	newFlagSet("serve", &c)
	c.Data, c.SubmitRate = b.TempDir(), "off"
	e, err := open(ctx, &c)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	seq, err := gen.Texts(ctx, toetsBenchPlans, 7, e.store.Gemeenten())
	if err != nil {
		b.Fatal(err)
	}
	for pt, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := e.store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := e.ix.Rebuild(ctx, e.store); err != nil {
		b.Fatal(err)
	}
	h, err := e.handler(&c, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(e.toets.Close) // before the store closes
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return srv.URL, &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// toetsUploadBody is the form of the kwaliteitstoets with plan as its file.
func toetsUploadBody(b *testing.B, client *http.Client, base string, plan []byte) ([]byte, string) {
	b.Helper()
	page := toetsGet(b, client, base+"/kwaliteitstoets")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		b.Fatal("no CSRF token on /kwaliteitstoets")
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("csrf", m[1])
	fw, _ := w.CreateFormFile("file", "concept-ivp.pdf")
	fw.Write(plan)
	w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

// toetsReportOnce uploads the form and follows the link it redirects to
// until the link shows the report, which it returns.
func toetsReportOnce(b *testing.B, client *http.Client, base string, body []byte, ct string) string {
	b.Helper()
	resp, err := client.Post(base+"/kwaliteitstoets", ct, bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	link := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(link, "/kwaliteitstoets/") {
		b.Fatalf("upload: status %d, Location %q", resp.StatusCode, link)
	}
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		page := toetsGet(b, client, base+link)
		if strings.Contains(page, `class="kaart toets-element"`) {
			return page
		}
		if !strings.Contains(page, `id="toets-voortgang"`) {
			b.Fatalf("the link shows neither progress nor the report:\n%.2000s", page)
		}
	}
	b.Fatal("no report within a minute")
	return ""
}

// toetsGet reads a page that must answer 200.
func toetsGet(b *testing.B, client *http.Client, u string) string {
	b.Helper()
	resp, err := client.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v\n%.2000s", u, resp.StatusCode, err, page)
	}
	return string(page)
}

// plan60 is a PDF of toetsBenchPages pages of generated plan text: the
// passages of one plan of gen.Texts under their headings, set densely as
// a long plan is, and again (as the parts of a plan for several years)
// until the pages are filled. What the plan lacks of the checklist, the
// report looks up examples for.
func plan60(b *testing.B) []byte {
	b.Helper()
	seq, err := gen.Texts(context.Background(), 1, toetsBenchSeed, nil)
	if err != nil {
		b.Fatal(err)
	}
	var pt gen.PlanText
	for p, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		pt = p
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 20)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.MultiCell(0, 10, tr(pt.Document.Title), "", "L", false)
	for part := 1; pdf.PageNo() < toetsBenchPages; part++ {
		heading := ""
		for _, p := range pt.Passages {
			if pdf.PageNo() >= toetsBenchPages {
				break
			}
			if h := strings.Join(p.Headings, " · "); h != heading && len(p.Headings) > 0 {
				heading = h
				pdf.Ln(3)
				pdf.SetFont("Helvetica", "B", 13)
				pdf.MultiCell(0, 7, tr(fmt.Sprintf("%d.%s", part, p.Headings[len(p.Headings)-1])), "", "L", false)
			}
			pdf.SetFont("Helvetica", "", 10.5)
			pdf.MultiCell(0, 5, tr(p.Text), "", "L", false)
			pdf.Ln(2)
		}
	}
	if pdf.PageNo() != toetsBenchPages {
		b.Fatalf("the generated plan has %d pages, want %d", pdf.PageNo(), toetsBenchPages)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		b.Fatal(err)
	}
	b.Logf("a generated plan of %d pages, %d KB", pdf.PageNo(), out.Len()>>10)
	return out.Bytes()
}
