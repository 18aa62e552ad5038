package ui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestSubmissionStatusLinksPlan follows a submission from its status page:
// once the plan is published the page and its JSON twin link to the
// plan's public page, which opens; before that and after a withdrawal they
// do not.
func TestSubmissionStatusLinksPlan(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	status := strings.SplitN(a.submit(generatedPlans(t)[0]), "?", 2)[0]
	api := "/api/v1/submissions/" + strings.TrimPrefix(status, "/indienen/status/")
	id := d.pendingID(t)
	plan := "/documenten/" + strconv.FormatInt(id, 10)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	link := func() (page, js string) {
		t.Helper()
		page = a.get(status).html(t).Find(`#planlink`).AttrOr("href", "")
		var s struct{ URL string }
		if r := a.get(api); json.Unmarshal([]byte(r.body), &s) != nil || r.status != http.StatusOK {
			t.Fatalf("status API: %d %s", r.status, r.body)
		}
		return page, s.URL
	}
	if p, j := link(); p != "" || j != "" {
		t.Errorf("before review the status links to %q and %q", p, j)
	}
	a.login(curatorEmail)
	if r := a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}}); r.status != http.StatusSeeOther {
		t.Fatalf("approve: %d", r.status)
	}
	if p, j := link(); p != plan || j != plan {
		t.Errorf("a published plan: the status links to %q and %q, want %s", p, j, plan)
	}
	if r := a.get(plan); r.status != http.StatusOK {
		t.Errorf("the linked plan answers %d", r.status)
	}
	if r := a.post(review+"/intrekken", url.Values{"csrf": {a.csrf(review)}}); r.status != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", r.status)
	}
	if p, j := link(); p != "" || j != "" {
		t.Errorf("a withdrawn plan: the status still links to %q and %q", p, j)
	}
}
