package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// scannedPlan is a plan of three scanned pages: two read by OCR, one the
// OCR found nothing legible on.
func scannedPlan(t testing.TB, store *corpus.Store, status corpus.Status) int64 {
	t.Helper()
	g, _ := store.Gemeenten().ByCode("GM0363")
	d := corpus.Document{Title: "Veiligheidsplan Amsterdam 2011 (scan)", Type: corpus.TypeIVP, PeriodStart: 2011,
		Source: "scan.pdf", MediaType: "application/pdf", Pages: 3, Status: status, ExtractorVersion: "test+ocr",
		Gemeenten: []corpus.Gemeente{g},
		OCR: []corpus.OCRPage{{Page: 1, Confidence: 93.4, Words: 412}, {Page: 2, Confidence: 71.2, Words: 380, Rotation: 180},
			{Page: 3, Confidence: 21, Words: 2, Note: "geen leesbare tekst gevonden"}}}
	ps := []corpus.Passage{
		{Ordinal: 0, PageFrom: 1, PageTo: 1, Headings: []string{"1 Inleiding"}, Text: "Dit plan is gescand.", OCR: true},
		{Ordinal: 1, PageFrom: 2, PageTo: 2, Headings: []string{"2 Cameratoezicht"}, Text: "Camera's op het plein.", OCR: true},
	}
	id, _, err := store.Add(context.Background(), d, ps, pdfFile(t, d.Title, 3))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestDocumentPageShowsOCR: the public page and its JSON twin say which
// pages were read by OCR, and the passages from them carry the mark.
func TestDocumentPageShowsOCR(t *testing.T) {
	f := newFixture(t)
	id := scannedPlan(t, f.store, corpus.StatusPublished)
	doc := f.get(t, fmt.Sprintf("/documenten/%d", id)).html(t)
	if got := doc.Find("#ocr-uitleg").Text(); !strings.Contains(got, "Pagina's 1 en 2 zijn gescand en met OCR gelezen") {
		t.Errorf("OCR note %q", got)
	}
	if n := doc.Find(".passage .ocr-merk").Length(); n != 2 {
		t.Errorf("%d passages marked OCR, want 2", n)
	}
	var got struct {
		OCRPages []int `json:"ocr_pages"`
		Passages []struct {
			OCR bool `json:"ocr"`
		} `json:"passages"`
	}
	decode(t, f.get(t, fmt.Sprintf("/api/v1/documents/%d", id)), http.StatusOK, &got)
	if fmt.Sprint(got.OCRPages) != "[1 2]" || len(got.Passages) != 2 || !got.Passages[0].OCR {
		t.Errorf("API: ocr_pages %v, passages %+v", got.OCRPages, got.Passages)
	}
	other := f.documentPage(t, "ams")
	if other.Find("#ocr-uitleg, .ocr-merk").Length() != 0 {
		t.Error("a plan with a text layer is shown as read by OCR")
	}
}

// TestReviewPageShowsOCRConfidence: the curator sees every page OCR
// tried, with its confidence, and the pages worth checking stand out.
func TestReviewPageShowsOCRConfidence(t *testing.T) {
	d := newDesk(t, nil)
	id := scannedPlan(t, d.store, corpus.StatusPending)
	a := d.agent(t)
	a.login(curatorEmail)
	r := a.get("/beheer/documenten/" + strconv.FormatInt(id, 10))
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	rows := r.html(t).Find("#ocr table.ocr-tabel tbody tr")
	want := []string{"1 93% 412 Opnieuw lezen", "2 71% 380 lage zekerheid; gedraaid 180° Opnieuw lezen",
		"3 21% 2 geen leesbare tekst gevonden Opnieuw lezen"}
	if rows.Length() != len(want) {
		t.Fatalf("%d OCR rows, want %d", rows.Length(), len(want))
	}
	for i, w := range want {
		row := rows.Eq(i)
		var cells []string
		row.Find("td").Each(func(_ int, c *goquery.Selection) {
			if t := strings.TrimSpace(c.Text()); t != "" {
				cells = append(cells, t)
			}
		})
		if got := strings.Join(cells, " "); got != w {
			t.Errorf("row %d: %q, want %q", i+1, got, w)
		}
		if low := row.HasClass("ocr-laag"); low != (i > 0) {
			t.Errorf("row %d: marked for a check %v", i+1, low)
		}
	}
}

// TestRereadPageRefusesAPageNotReadByOCR posts the re-read form for a
// page that OCR did not read, and for no page: the review page comes back
// with a Dutch message (422), and the document is as it was.
func TestRereadPageRefusesAPageNotReadByOCR(t *testing.T) {
	d := newDesk(t, nil)
	id := scannedPlan(t, d.store, corpus.StatusPending)
	a := d.agent(t)
	a.login(curatorEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	for page, want := range map[string]string{"7": "Pagina 7 is niet met OCR gelezen.", "": "Kies een pagina om opnieuw te lezen."} {
		r := a.post(review+"/ocr", url.Values{"csrf": {a.csrf(review)}, "page": {page}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("page %q: status %d", page, r.status)
		}
		if got := r.html(t).Find("#ocr-fout").Text(); got != want {
			t.Errorf("page %q: message %q, want %q", page, got, want)
		}
	}
	doc, err := d.store.Document(context.Background(), id)
	if err != nil || len(doc.OCR) != 3 || doc.OCR[1].Confidence != 71.2 {
		t.Errorf("document changed: %v %+v", err, doc.OCR)
	}
}
