package ui_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

// TestSubmissionLimitCountsStoredPlans: refused forms do not count, a
// stored plan does, and the form over the limit comes back with 429 and
// everything the user typed.
func TestSubmissionLimitCountsStoredPlans(t *testing.T) {
	d := newDesk(t, func(o *ui.Options) { o.SubmitRate = ui.Rate{Max: 1, Window: time.Hour} })
	plans := generatedPlans(t)
	a := d.agent(t)
	for i := range 3 {
		if r := a.postMultipart("/indienen", submissionFields(a.csrf("/indienen"), []byte("geen pdf"))); r.status != 415 {
			t.Fatalf("refused form %d: %d, want 415", i+1, r.status)
		}
	}
	a.submit(plans[0]) // after three refused forms: the first stored plan is within a limit of 1

	typed := submissionFields(a.csrf("/indienen"), plans[1])
	typed[2] = field{key: "gemeenten", value: "Diemen"}
	r := a.postMultipart("/indienen", typed)
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("a second plan from the address: %d, want 429\n%s", r.status, r.body)
	}
	if s, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || s < 1 || s > 3600 {
		t.Errorf("Retry-After %q, want seconds within the hour", r.header.Get("Retry-After"))
	}
	doc := r.html(t)
	if msg := doc.Find(`.foutsamenvatting`).Text(); !strings.Contains(msg, "Wacht") {
		t.Errorf("the form does not say to wait: %q", msg)
	}
	for sel, want := range map[string]string{"#gemeente-1": "Amsterdam", "#gemeente-2": "Diemen",
		"#period": "2024-2027", "#contact_name": "Anna de Vries", "#contact_email": "a.devries@amsterdam.nl"} {
		if v, _ := doc.Find(sel).Attr("value"); v != want {
			t.Errorf("%s came back as %q, want %q", sel, v, want)
		}
	}
	if v, _ := doc.Find(`#type option[selected]`).Attr("value"); v != "ivp" {
		t.Errorf("type came back as %q, want ivp", v)
	}
	if v := doc.Find(`#note`).Text(); v != "Vastgesteld door de raad." {
		t.Errorf("note came back as %q", v)
	}
	if hint := doc.Find(`#file-hint`).Text(); !strings.Contains(hint, "ivp-amsterdam.pdf") {
		t.Errorf("the file hint does not name the chosen file: %q", hint)
	}

	byURL := submissionFields(a.csrf("/indienen"), nil)
	byURL[8] = field{key: "file", name: "leeg.pdf"}
	byURL[9] = field{key: "url", value: "https://www.amsterdam.nl/ivp-2024"}
	r = a.postMultipart("/indienen", byURL)
	if v, _ := r.html(t).Find(`#url`).Attr("value"); r.status != http.StatusTooManyRequests || v != "https://www.amsterdam.nl/ivp-2024" {
		t.Errorf("a web address over the limit: %d, url came back as %q", r.status, v)
	}

	if items, _ := d.store.Queue(t.Context(), corpus.QueueFilter{Status: corpus.AllStatuses}); len(items) != 1 {
		t.Errorf("%d documents stored, want the one plan within the limit", len(items))
	}
	other := d.agent(t)
	other.remote = "198.51.100.7:5555"
	other.submit(plans[1]) // another address has its own limit
}
