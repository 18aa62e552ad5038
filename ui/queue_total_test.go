package ui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ccv/ivp/corpus"
)

// addMany stores n published plans of Leiden without indexing them: the
// curator lists read the store.
func (d *desk) addMany(t testing.TB, n int) {
	t.Helper()
	g, _ := d.store.Gemeenten().ByCode("GM0546")
	for i := range n {
		title := fmt.Sprintf("Veiligheidsplan Leiden deel %d", i+1)
		doc := corpus.Document{Title: title, Type: corpus.TypeIVP, PeriodStart: 2023, PeriodEnd: 2026,
			Source: "bulk.pdf", MediaType: "application/pdf", Status: corpus.StatusPublished,
			Gemeenten: []corpus.Gemeente{g}, ExtractorVersion: "test"}
		ps := []corpus.Passage{{PageFrom: 1, PageTo: 1, Text: "Cameratoezicht in Leiden.", Tags: corpus.Tags{Veld: 2}}}
		if _, _, err := d.store.Add(context.Background(), doc, ps, pdfFile(t, title, 1)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocumentsListTotal lists 61 documents, 50 to a page: both pages say
// 61 and which of them they show, only the first links to a next page, and
// the JSON twin gives the total too.
func TestDocumentsListTotal(t *testing.T) {
	d := newDesk(t, nil)
	d.addMany(t, 61)
	a := d.agent(t)
	a.login(curatorEmail)
	cases := []struct {
		query, shown string
		rows         int
		next         bool
	}{
		{"", "1–50 van 61", 50, true},
		{"?pagina=2", "51–61 van 61", 11, false},
		{"?q=deel+1", "", 11, false}, // deel 1, 10-19: one page, no range
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			doc := a.get("/beheer/documenten" + tc.query).html(t)
			want := "61 documenten"
			if tc.query == "?q=deel+1" {
				want = "11 documenten"
			}
			if got := doc.Find(`#aantal`).Text(); got != want {
				t.Errorf("#aantal %q, want %q", got, want)
			}
			if got := doc.Find(`#bereik`).Text(); got != tc.shown {
				t.Errorf("#bereik %q, want %q", got, tc.shown)
			}
			if n := doc.Find(`#lijst tbody tr`).Length(); n != tc.rows {
				t.Errorf("%d rows, want %d", n, tc.rows)
			}
			if next := doc.Find(`a[rel=next]`).Length() > 0; next != tc.next {
				t.Errorf("a link to the next page: %v, want %v", next, tc.next)
			}
		})
	}
	past := a.get("/beheer/documenten?pagina=9").html(t)
	if href := past.Find(`.leeg a`).AttrOr("href", ""); href != "/beheer/documenten" || past.Find(`#aantal`).Text() != "61 documenten" {
		t.Errorf("a page past the end: %q, link %q", past.Find(`.paginakop, .leeg`).Text(), href)
	}
	var js struct{ Total, Offset int }
	if r := a.get("/api/v1/beheer/documents?pagina=2"); json.Unmarshal([]byte(r.body), &js) != nil || js.Total != 61 || js.Offset != 50 {
		t.Errorf("JSON twin of page 2: %s", r.body[:min(len(r.body), 200)])
	}
}

// TestBrowserDocumentsListPage2 shows page 2 of 61 documents in chromium.
func TestBrowserDocumentsListPage2(t *testing.T) {
	ctx := browser(t)
	d := newDesk(t, nil)
	d.addMany(t, 61)
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	load(t, ctx, chromedp.Navigate(srv.URL+"/beheer/documenten?pagina=2"))
	run(t, ctx, chromedp.SendKeys(css(`#email`), curatorEmail))
	run(t, ctx, chromedp.SendKeys(css(`#password`), password))
	load(t, ctx, chromedp.Submit(css(`#password`)))
	head := run(t, ctx, chromedp.Text(css(`.paginakop p`)))
	if !strings.Contains(head, "61 documenten") || !strings.Contains(head, "51–61 van 61") {
		t.Errorf("page 2 says %q", head)
	}
	screenshot(t, ctx, "beheer-documenten-pagina-2.png")
}
