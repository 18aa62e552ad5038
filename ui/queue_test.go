package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// addBulk stores a published plan as the bulk import does, and indexes it.
func (d *desk) addBulk(t testing.TB, title, code string) int64 {
	t.Helper()
	g, _ := d.store.Gemeenten().ByCode(code)
	doc := corpus.Document{Title: title, Type: corpus.TypeIVP, PeriodStart: 2023, PeriodEnd: 2026,
		Source: "bulk.pdf", MediaType: "application/pdf", Status: corpus.StatusPublished,
		Gemeenten: []corpus.Gemeente{g}, ExtractorVersion: "test"}
	ps := []corpus.Passage{{Ordinal: 0, PageFrom: 1, PageTo: 1, Text: "Cameratoezicht in het centrum van " + g.Naam + ".",
		Tags: corpus.Tags{Veld: 2, Themes: []string{"2.3"}}}}
	id, _, err := d.store.Add(context.Background(), doc, ps, pdfFile(t, title, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ix.Rebuild(context.Background(), d.store); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestDocumentsListFilters(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	bulk := d.addBulk(t, "Veiligheidsplan Leiden 2023-2026", "GM0546")
	a.submit(generatedPlans(t)[0])
	sub := d.pendingID(t)
	a.login(curatorEmail)
	cases := []struct {
		query string
		want  []int64
	}{
		{"", []int64{sub, bulk}},
		{"?ingediend=1", []int64{sub}},
		{"?status=published", []int64{bulk}},
		{"?gemeente=Leiden", []int64{bulk}},
		{"?gemeente=Amsterdam&status=alle", []int64{sub}},
		{"?q=Leiden", []int64{bulk}},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			r := a.get("/beheer/documenten" + tc.query)
			var got []int64
			r.html(t).Find(`#lijst tbody tr`).Each(func(_ int, s *goquery.Selection) {
				id, _ := strconv.ParseInt(s.AttrOr("data-id", ""), 10, 64)
				got = append(got, id)
			})
			if !sameIDs(got, tc.want) {
				t.Errorf("%s lists %v, want %v", tc.query, got, tc.want)
			}
		})
	}
	if r := a.get("/beheer"); r.html(t).Find(`#lijst tbody tr`).Length() != 1 {
		t.Error("the queue lists more than the pending plan")
	}
	if r := a.get("/beheer/documenten?gemeente=Atlantis"); r.status != http.StatusBadRequest {
		t.Errorf("unknown gemeente: %d, want 400", r.status)
	}
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[int64]bool{}
	for _, x := range a {
		seen[x] = true
	}
	for _, x := range b {
		if !seen[x] {
			return false
		}
	}
	return true
}

// TestBulkDocumentEditAndWithdraw edits and withdraws a plan that came in
// through the bulk import, not through the form.
func TestBulkDocumentEditAndWithdraw(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	id := d.addBulk(t, "Veiligheidsplan Leiden 2023-2026", "GM0546")
	a.login(curatorEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	page := a.get(review).html(t)
	if page.Find(`#inzending`).Length() != 0 || page.Find(`#goedkeuren`).Length() != 0 {
		t.Error("a published bulk plan shows a submission or an approve button")
	}
	edit := url.Values{"csrf": {a.csrf(review)}, "title": {"Veiligheidsplan Leiden en Oegstgeest"},
		"type": {"ivp"}, "period": {"2023-2026"}, "gemeenten": {"Leiden", "Oegstgeest"}}
	if r := a.post(review+"/gegevens", edit); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.status)
	}
	if n := searchTotal(t, a, "Oegstgeest"); n != 1 {
		t.Errorf("after the edit a search for the new gemeente finds %d plans, want 1", n)
	}
	if r := a.post(review+"/intrekken", url.Values{"csrf": {a.csrf(review)}, "reason": {"Vervangen door nieuw plan"}}); r.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.status)
	}
	if r := a.get("/documenten/" + strconv.FormatInt(id, 10)); r.status != http.StatusNotFound {
		t.Errorf("the public page of a withdrawn plan: %d, want 404", r.status)
	}
}
