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

func TestReviewApproveMakesPlanSearchable(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	status := a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	a.login(curatorEmail)

	queue := a.get("/beheer").html(t)
	if queue.Find(`#lijst tr[data-id="`+strconv.FormatInt(id, 10)+`"]`).Length() != 1 {
		t.Fatal("the submitted plan is not in the queue")
	}
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	page := a.get(review)
	doc := page.html(t)
	if page.status != http.StatusOK || doc.Find(`.tekst .passage .tags`).Length() == 0 {
		t.Fatalf("review page: %d, passages with tags: %d", page.status, doc.Find(`.tekst .passage .tags`).Length())
	}
	if doc.Find(`.checklist-elementen li`).Length() != len(corpus.Checklist) {
		t.Errorf("the checklist shows %d elements, want %d", doc.Find(`.checklist-elementen li`).Length(), len(corpus.Checklist))
	}
	if got := doc.Find(`.vergelijk tbody tr`).First().Find("td").Length(); got != 3 {
		t.Errorf("the metadata table has %d columns beside the label, want submitted, detected, current", got)
	}
	if file := a.get(review + "/bestand"); file.status != 200 || !strings.HasPrefix(file.body, "%PDF-") {
		t.Errorf("the original file: %d %q", file.status, file.body[:min(8, len(file.body))])
	}
	if got := a.get(status).html(t).Find(`#status`).Text(); got != "in behandeling" {
		t.Errorf("after a curator opened it the status page says %q, want in behandeling", got)
	}
	before := searchTotal(t, a, "veiligheid")

	r := a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("approve: %d\n%s", r.status, r.body)
	}
	if notice := a.get(r.header.Get("Location")).html(t).Find(`#melding`).Text(); !strings.Contains(notice, "gepubliceerd") {
		t.Errorf("notice after approve: %q", notice)
	}
	if after := searchTotal(t, a, "veiligheid"); after != before+1 {
		t.Errorf("search finds %d plans after approval, want %d", after, before+1)
	}
	if got := a.get(status).html(t).Find(`#status`).Text(); got != "gepubliceerd" {
		t.Errorf("the status page says %q, want gepubliceerd", got)
	}
	if r := a.get("/documenten/" + strconv.FormatInt(id, 10)); r.status != http.StatusOK {
		t.Errorf("the public page of the approved plan: %d", r.status)
	}
	again := a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}})
	if again.status != http.StatusConflict {
		t.Errorf("approving a published plan: %d, want 409", again.status)
	}
}

func TestReviewRejectNeedsReason(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	status := a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	a.login(curatorEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)

	r := a.post(review+"/afwijzen", url.Values{"csrf": {a.csrf(review)}, "reason": {"  "}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("reject without a reason: %d, want 422", r.status)
	}
	if msg := r.html(t).Find(`#reject-reason`).Parent().Find(".veldfout").Text(); msg == "" {
		t.Error("no error next to the reason")
	}
	reason := "Dit is een concept; stuur het vastgestelde plan."
	r = a.post(review+"/afwijzen", url.Values{"csrf": {a.csrf(review)}, "reason": {reason}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("reject: %d", r.status)
	}
	page := a.get(status).html(t)
	if page.Find(`#status`).Text() != "afgewezen" || page.Find(`#reden`).Text() != reason {
		t.Errorf("status page: %q, reason %q", page.Find(`#status`).Text(), page.Find(`#reden`).Text())
	}
}

func TestReviewEditWithdrawReplace(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	plans := generatedPlans(t)
	a.submit(plans[0])
	id := d.pendingID(t)
	a.login(adminEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)

	bad := url.Values{"csrf": {a.csrf(review)}, "title": {"Nieuw plan"}, "type": {"ivp"},
		"period": {"2027-2024"}, "gemeenten": {"Utrecht", "Nergenshuizen"}}
	r := a.post(review+"/gegevens", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid metadata: %d, want 422", r.status)
	}
	form := r.html(t).Find(`#bewerken`)
	if form.Find(".veldfout").Length() < 2 {
		t.Errorf("errors next to the edit fields: %d, want 2", form.Find(".veldfout").Length())
	}
	if v, _ := form.Find(`#edit-title`).Attr("value"); v != "Nieuw plan" {
		t.Errorf("the typed title came back as %q", v)
	}
	good := url.Values{"csrf": {a.csrf(review)}, "title": {"IVP Utrecht en Zeist 2024-2027"}, "type": {"ivp"},
		"period": {"2024-2027"}, "vastgesteld": {"2024-02-01"}, "gemeenten": {"Utrecht", "Zeist", ""}}
	if r := a.post(review+"/gegevens", good); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", r.status, r.body)
	}
	doc, _ := d.store.Document(t.Context(), id)
	if doc.Title != "IVP Utrecht en Zeist 2024-2027" || strings.Join(doc.GemeenteNames(), ",") != "Utrecht,Zeist" {
		t.Errorf("after edit: %q %v", doc.Title, doc.GemeenteNames())
	}

	up := a.postMultipart(review+"/bestand", []field{{key: "csrf", value: a.csrf(review)},
		{key: "file", name: "ivp-v2.pdf", file: plans[1]}})
	if up.status != http.StatusSeeOther {
		t.Fatalf("replace file: %d\n%s", up.status, up.body)
	}
	if n := a.get(review).html(t).Find(`#bestand-kop`).Parent().Find("li").Length(); n != 1 {
		t.Errorf("earlier versions listed: %d, want 1", n)
	}
	noToken := a.postMultipart(review+"/bestand", []field{{key: "file", name: "x.pdf", file: plans[0]}})
	if noToken.status != http.StatusForbidden {
		t.Errorf("replace without a CSRF token: %d, want 403", noToken.status)
	}

	a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}})
	if n := searchTotal(t, a, "Zeist"); n != 1 {
		t.Fatalf("approved plan found %d times for Zeist, want 1", n)
	}
	if r := a.post(review+"/intrekken", url.Values{"csrf": {a.csrf(review)}}); r.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.status)
	}
	if n := searchTotal(t, a, "Zeist"); n != 0 {
		t.Errorf("a withdrawn plan is still found (%d)", n)
	}
	audit := a.get("/beheer/audit?document=" + strconv.FormatInt(id, 10)).html(t)
	if n := audit.Find(`#audit tbody tr`).Length(); n < 5 {
		t.Errorf("the audit log shows %d actions on the document, want submit, review, edit, replace, approve, withdraw", n)
	}
}

func TestReviewAPI(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	a.login(curatorEmail)
	path := "/api/v1/beheer/documents/" + strconv.FormatInt(id, 10)

	var queue struct{ Items []struct{ ID int64 } }
	if r := a.get("/api/v1/beheer/queue"); json.Unmarshal([]byte(r.body), &queue) != nil || len(queue.Items) != 1 || queue.Items[0].ID != id {
		t.Fatalf("queue API: %s", r.body)
	}
	var rev struct {
		Status     string
		CSRFToken  string `json:"csrf_token"`
		Submission struct {
			ContactName string `json:"contact_name"`
		}
		Document struct{ Passages []struct{ Text string } }
	}
	if r := a.get(path); json.Unmarshal([]byte(r.body), &rev) != nil || rev.CSRFToken == "" {
		t.Fatalf("review API: %d %s", r.status, r.body[:min(200, len(r.body))])
	}
	if rev.Status != "pending" || rev.Submission.ContactName != "Anna de Vries" || len(rev.Document.Passages) == 0 {
		t.Errorf("review API: %+v", rev)
	}
	r := a.do(jsonPost(t, path+"/reject", rev.CSRFToken, map[string]string{}))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `"reason"`) {
		t.Errorf("reject without a reason: %d %s", r.status, r.body)
	}
	r = a.do(jsonPost(t, path+"/metadata", rev.CSRFToken, map[string]any{"title": "API-titel", "type": "evaluatie",
		"period": "2020-2023", "gemeenten": []string{"Leiden"}}))
	if r.status != http.StatusOK {
		t.Fatalf("metadata API: %d %s", r.status, r.body)
	}
	r = a.do(jsonPost(t, path+"/approve", rev.CSRFToken, nil))
	var act struct{ Status string }
	if json.Unmarshal([]byte(r.body), &act) != nil || r.status != http.StatusOK || act.Status != "published" {
		t.Errorf("approve API: %d %s", r.status, r.body)
	}
}
