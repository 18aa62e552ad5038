package ui_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// documentPage fetches the page of the plan with key and checks it is a 200.
func (f *fixture) documentPage(t *testing.T, key string) *goquery.Document {
	t.Helper()
	r := f.get(t, fmt.Sprintf("/documenten/%d", f.ids[key]))
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	return r.html(t)
}

func TestDocumentPageMetadata(t *testing.T) {
	f := newFixture(t)
	id := f.ids["ams"]
	doc := f.documentPage(t, "ams")
	if h := doc.Find("h1").Text(); h != planByKey(t, "ams").title {
		t.Errorf("h1 %q", h)
	}
	info := doc.Find(".gegevens").Text()
	for _, want := range []string{"Amsterdam (Noord-Holland)", "2023–2026", "14 maart 2023", "14 pagina's",
		"ams.pdf", "Integraal veiligheidsplan"} {
		if !strings.Contains(info, want) {
			t.Errorf("metadata lacks %q: %s", want, info)
		}
	}
	open := doc.Find(`a.knop:contains("Origineel openen (PDF)")`)
	if href := open.AttrOr("href", ""); href != fmt.Sprintf("/bestanden/%d", id) {
		t.Errorf("open link %q", href)
	}
}

func TestDocumentPagePassages(t *testing.T) {
	f := newFixture(t)
	id := f.ids["ams"]
	doc := f.documentPage(t, "ams")
	ps := doc.Find(".tekst .passage")
	if ps.Length() != len(planByKey(t, "ams").passages) {
		t.Fatalf("%d passages, want %d", ps.Length(), len(planByKey(t, "ams").passages))
	}
	tests := []struct {
		name, selector, want string
	}{
		{"pagina van een passage", `#passage-1 a.paginalink[href="/bestanden/%d#page=12"]`, "p. 12"},
		{"passage over twee pagina's", `#passage-2 a.paginalink[href="/bestanden/%d#page=12"]`, "p. 12–13"},
		{"laatste passage", `#passage-3 a.paginalink[href="/bestanden/%d#page=14"]`, "p. 14"},
		{"kop één keer", `.tekst h3.kop:contains("3.2 Cameratoezicht")`, "3.2 Cameratoezicht"},
		{"hoofdstuk één keer", `.tekst h2.kop:contains("3 Aanpak")`, "3 Aanpak"},
		{"inhoudsopgave", `.inhoudsopgave a[href="#passage-1"]`, "3 Aanpak"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel := tt.selector
			if strings.Contains(sel, "%d") {
				sel = fmt.Sprintf(sel, id)
			}
			s := doc.Find(sel)
			if s.Length() != 1 || s.Text() != tt.want {
				t.Errorf("%s: %d elements, text %q, want one with %q", sel, s.Length(), s.Text(), tt.want)
			}
		})
	}
	if list := doc.Find("#passage-2 .passage-tekst p").Text(); !strings.Contains(list, "ingegrepen.\n- Leidseplein\n- Rembrandtplein") {
		t.Errorf("list items lost their line breaks: %q", list)
	}
}

func TestDocumentNotFound(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, path string
		status     int
	}{
		{"onbekend id", "/documenten/999999", http.StatusNotFound},
		{"geen getal", "/documenten/abc", http.StatusNotFound},
		{"niet gepubliceerd", fmt.Sprintf("/documenten/%d", f.ids["zwolle"]), http.StatusNotFound},
		{"bestand van onbekend id", "/bestanden/999999", http.StatusNotFound},
		{"bestand van niet gepubliceerd", fmt.Sprintf("/bestanden/%d", f.ids["zwolle"]), http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.get(t, tt.path)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d", r.status, tt.status)
			}
			if h := r.html(t).Find("h1").Text(); h != "Document niet gevonden" {
				t.Errorf("heading %q, want Document niet gevonden", h)
			}
		})
	}
}

func TestFileServesOriginal(t *testing.T) {
	f := newFixture(t)
	id := f.ids["arn"]
	r := f.get(t, fmt.Sprintf("/bestanden/%d", id))
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := r.header.Get("Content-Disposition"); cd != `inline; filename=arn.pdf` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if r.body != string(f.files["arn"]) || !strings.HasPrefix(r.body, "%PDF-") {
		t.Errorf("body is not the stored PDF (%d bytes, want %d)", len(r.body), len(f.files["arn"]))
	}

	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/bestanden/%d", id), nil)
	req.Header.Set("Range", "bytes=0-4")
	if rr := f.do(t, req); rr.status != http.StatusPartialContent || rr.body != "%PDF-" {
		t.Errorf("range request: status %d body %q", rr.status, rr.body)
	}
	req = httptest.NewRequest(http.MethodGet, fmt.Sprintf("/bestanden/%d", id), nil)
	req.Header.Set("If-None-Match", r.header.Get("ETag"))
	if rr := f.do(t, req); rr.status != http.StatusNotModified {
		t.Errorf("conditional request: status %d, want 304", rr.status)
	}
}

func TestFileMissingOnDisk(t *testing.T) {
	f := newFixture(t)
	d, err := f.store.Document(t.Context(), f.ids["gron"])
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f.store.FilePath(d))
	if !bytes.Equal(data, f.files["gron"]) {
		t.Fatal("the store does not hold the file where FilePath says")
	}
	if err := os.Remove(f.store.FilePath(d)); err != nil {
		t.Fatal(err)
	}
	r := f.get(t, fmt.Sprintf("/bestanden/%d", d.ID))
	if r.status != http.StatusNotFound {
		t.Fatalf("status %d, want 404", r.status)
	}
	if h := r.html(t).Find("h1").Text(); h != "Bestand niet gevonden" {
		t.Errorf("heading %q", h)
	}
}
