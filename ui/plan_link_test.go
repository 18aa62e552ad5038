package ui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// linkDesk has two published plans of Amsterdam: an IVP 2024-2027 and a
// second plan with the metadata edit (type, period, gemeenten) given.
func linkDesk(t *testing.T, edit url.Values) (*desk, *agent, int64, int64) {
	t.Helper()
	d := newDesk(t, nil)
	a := d.agent(t)
	for _, plan := range generatedPlans(t) {
		a.submit(plan)
	}
	items, err := d.store.Queue(t.Context(), corpus.QueueFilter{})
	if err != nil || len(items) != 2 {
		t.Fatalf("queue: %d items, %v", len(items), err)
	}
	ivp, other := items[1].Document.ID, items[0].Document.ID
	if ivp > other {
		ivp, other = other, ivp
	}
	a.login(curatorEmail)
	review := reviewPath(other)
	edit.Set("csrf", a.csrf(review))
	if edit.Get("title") == "" {
		edit.Set("title", "Uitvoeringsprogramma veiligheid 2025")
	}
	if r := a.post(review+"/gegevens", edit); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", r.status, r.body)
	}
	for _, id := range []int64{ivp, other} {
		if r := a.post(reviewPath(id)+"/goedkeuren", url.Values{"csrf": {a.csrf(reviewPath(id))}}); r.status != http.StatusSeeOther {
			t.Fatalf("approve %d: %d", id, r.status)
		}
	}
	return d, a, ivp, other
}

func reviewPath(id int64) string { return "/beheer/documenten/" + strconv.FormatInt(id, 10) }

// timeline reads the lifecycle of a plan from its public JSON.
func timeline(t *testing.T, a *agent, id int64) map[int64]string {
	t.Helper()
	var out struct {
		Lifecycle []struct {
			ID        int64  `json:"id"`
			Relation  string `json:"relation"`
			Confirmed bool   `json:"confirmed"`
		} `json:"lifecycle"`
	}
	r := a.get("/api/v1/documents/" + strconv.FormatInt(id, 10))
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 {
		t.Fatalf("document JSON %d: %d, %v", id, r.status, err)
	}
	m := map[int64]string{}
	for _, s := range out.Lifecycle {
		m[s.ID] = s.Relation
		if s.Confirmed {
			m[s.ID] += "+bevestigd"
		}
	}
	return m
}

// TestPlanLinkCuratorConfirms: a curator links an uitvoeringsplan of
// another gemeente (nothing detected) to an IVP by its number; both public
// pages then show the timeline, the audit log has the decision, and
// removing it takes the timeline away again.
func TestPlanLinkCuratorConfirms(t *testing.T) {
	d, a, ivp, up := linkDesk(t, url.Values{"type": {"uitvoeringsplan"}, "period": {"2025"}, "gemeenten": {"Utrecht"}})
	if got := timeline(t, a, up); len(got) != 0 {
		t.Fatalf("before any link the uitvoeringsplan has a timeline: %v", got)
	}
	review := reviewPath(up)
	r := a.post(review+"/samenhang", url.Values{"csrf": {a.csrf(review)}, "other": {strconv.FormatInt(ivp, 10)}, "relation": {"volgt-op"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("link: %d\n%s", r.status, r.body)
	}
	page := a.get(r.header.Get("Location")).html(t)
	if got := page.Find("#samenhang .koppeling-bevestigd").Text(); !strings.Contains(got, "#"+strconv.FormatInt(ivp, 10)) {
		t.Errorf("review page links: %q", got)
	}
	if got := timeline(t, a, up); got[ivp] != "hoofdplan+bevestigd" || got[up] != "dit+bevestigd" {
		t.Errorf("uitvoeringsplan timeline: %v", got)
	}
	if got := timeline(t, a, ivp); got[up] != "uitwerking+bevestigd" || got[ivp] != "dit" {
		t.Errorf("IVP timeline: %v", got)
	}
	doc := a.get("/documenten/" + strconv.FormatInt(up, 10)).html(t)
	if got := doc.Find("#levensloop .stap-hoofdplan a").AttrOr("href", ""); got != "/documenten/"+strconv.FormatInt(ivp, 10) {
		t.Errorf("the document page's timeline links the IVP as %q", got)
	}
	entries, err := d.store.AuditLog(t.Context(), corpus.AuditFilter{DocumentID: up, Action: corpus.ActionLink})
	if err != nil || len(entries) != 1 || entries[0].UserEmail != curatorEmail {
		t.Errorf("audit: %+v, %v", entries, err)
	}
	r = a.post(review+"/samenhang", url.Values{"csrf": {a.csrf(review)}, "other": {strconv.FormatInt(ivp, 10)},
		"relation": {"volgt-op"}, "state": {"verwijderd"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if got := timeline(t, a, up); len(got) != 0 {
		t.Errorf("after removal the uitvoeringsplan still has a timeline: %v", got)
	}
	if a.get("/documenten/"+strconv.FormatInt(up, 10)).html(t).Find("#levensloop").Length() != 0 {
		t.Error("after removal the document page still shows a timeline")
	}
}

// TestPlanLinkDetectedRemoved: a detected link (an uitvoeringsplan of the
// same gemeente whose title names the IVP; its text names another, older
// one) is proposed on the review page; a curator's removal wins over the
// detection, and the API can restore it.
func TestPlanLinkDetectedRemoved(t *testing.T) {
	_, a, ivp, up := linkDesk(t, url.Values{"type": {"uitvoeringsplan"}, "period": {"2025"}, "gemeenten": {"Amsterdam"},
		"title": {"Uitvoeringsprogramma 2025 bij het Integraal Veiligheidsplan 2024 – 2027"}})
	if got := timeline(t, a, up); got[ivp] != "hoofdplan" {
		t.Fatalf("detected timeline: %v", got)
	}
	review := reviewPath(ivp)
	if got := a.get(review).html(t).Find("#samenhang .koppeling-voorgesteld").Text(); !strings.Contains(got, "Volgt op dit document") {
		t.Errorf("the IVP's review page does not propose the link: %q", got)
	}
	r := a.post(review+"/samenhang", url.Values{"csrf": {a.csrf(review)}, "other": {strconv.FormatInt(up, 10)},
		"relation": {"gevolgd-door"}, "state": {"verwijderd"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if got := timeline(t, a, up); len(got) != 0 {
		t.Errorf("a removed detected link still shows: %v", got)
	}
	api := "/api/v1/beheer/documents/" + strconv.FormatInt(up, 10)
	var rev struct {
		CSRF  string `json:"csrf_token"`
		Links []struct {
			Other int64  `json:"other"`
			State string `json:"state"`
		} `json:"links"`
	}
	if err := json.Unmarshal([]byte(a.get(api).body), &rev); err != nil || len(rev.Links) != 1 || rev.Links[0].State != "verwijderd" {
		t.Fatalf("review JSON links: %+v, %v", rev.Links, err)
	}
	body := map[string]any{"other": ivp, "relation": "volgt-op", "state": "bevestigd"}
	if r := a.do(jsonPost(t, api+"/links", "", body)); r.status != http.StatusForbidden {
		t.Errorf("API link without CSRF token: %d, want 403", r.status)
	}
	if r := a.do(jsonPost(t, api+"/links", rev.CSRF, body)); r.status != http.StatusOK || !strings.Contains(r.body, `"bevestigd"`) {
		t.Errorf("API link: %d %s", r.status, r.body)
	}
	if got := timeline(t, a, up); got[ivp] != "hoofdplan+bevestigd" {
		t.Errorf("restored timeline: %v", got)
	}
}

// TestPlanLinkBadInput: a wrong document number gets a Dutch message on
// the form (422) and stores nothing.
func TestPlanLinkBadInput(t *testing.T) {
	d, a, ivp, up := linkDesk(t, url.Values{"type": {"uitvoeringsplan"}, "period": {"2025"}, "gemeenten": {"Utrecht"}})
	review := reviewPath(up)
	cases := []struct{ name, other, relation, want string }{
		{"not a number", "twaalf", "volgt-op", "nummer van het andere document"},
		{"unknown", "999999", "volgt-op", "geen document met nummer 999999"},
		{"itself", strconv.FormatInt(up, 10), "volgt-op", "niet aan zichzelf"},
		{"bad relation", strconv.FormatInt(ivp, 10), "naast", "andersom"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := a.post(review+"/samenhang", url.Values{"csrf": {a.csrf(review)}, "other": {tc.other}, "relation": {tc.relation}})
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.html(t).Find("#samenhang").Text(), tc.want) {
				t.Errorf("%d, want 422 with %q in the link section: %q", r.status, tc.want, r.html(t).Find("#samenhang").Text())
			}
		})
	}
	if links, err := d.store.PlanLinks(t.Context()); err != nil || len(links) != 0 {
		t.Errorf("links stored after bad input: %v, %v", links, err)
	}
}
