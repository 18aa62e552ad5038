package ui_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestDuplicateSubmissionTellsNothing: whoever sends in the bytes of a
// plan that was submitted before gets the receipt anyone gets, and the
// curator sees the second submission beside the stored plan.
func TestDuplicateSubmissionTellsNothing(t *testing.T) {
	d := newDesk(t, nil)
	plan := generatedPlans(t)[0]
	municipality, stranger := d.agent(t), d.agent(t)
	stranger.remote = "203.0.113.5:7000"
	first := municipality.get(municipality.submit(plan))

	fields := submissionFields(stranger.csrf("/indienen"), plan)
	fields[6] = field{key: "contact_email", value: "nieuwsgierig@example.org"}
	r := stranger.postMultipart("/indienen", fields)
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/indienen/status/") {
		t.Fatalf("the same plan again: %d to %q, want the redirect any submission gets\n%s", r.status, loc, r.body)
	}
	second := stranger.get(loc)
	if strings.Contains(second.body, "eerder") || strings.Contains(second.body, "databank") {
		t.Error("the receipt says the plan was there before")
	}
	for _, sel := range []string{".bevestiging h1", "#status"} {
		if a, b := first.html(t).Find(sel).Text(), second.html(t).Find(sel).Text(); a != b {
			t.Errorf("%s: the first submitter read %q, the second %q", sel, a, b)
		}
	}
	if a, b := first.html(t).Find("#kenmerk").Text(), second.html(t).Find("#kenmerk").Text(); a == b || !strings.HasPrefix(b, "IVP-") {
		t.Errorf("kenmerk %q for the second submission, the first had %q", b, a)
	}

	admin := d.agent(t)
	admin.login(adminEmail)
	var log []struct {
		Action     string          `json:"action"`
		DocumentID int64           `json:"document_id"`
		After      json.RawMessage `json:"after"`
	}
	if err := json.Unmarshal([]byte(admin.get("/api/v1/beheer/audit").body), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range log {
		if e.Action == "submit_duplicate" && e.DocumentID == d.pendingID(t) &&
			strings.Contains(string(e.After), "nieuwsgierig@example.org") {
			found = true
		}
	}
	if !found {
		t.Errorf("the curator does not see the second submission of document %d: %+v", d.pendingID(t), log)
	}
}
