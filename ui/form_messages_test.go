package ui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestSubmissionSaysWhatIsWrong sends values that are wrong in a
// particular way: the message next to the field says how (too long, and
// the most allowed; the last year before the first), not just what the
// field is for.
func TestSubmissionSaysWhatIsWrong(t *testing.T) {
	d := newDesk(t, nil)
	plan := generatedPlans(t)[0]
	cases := []struct {
		name, key, value string
		want             []string // all in the message next to the field
	}{
		{"long name", "contact_name", strings.Repeat("Anna", 2250), []string{"te lang", "9.000", "200"}},
		{"reversed period", "period", "2027-2023", []string{"2023", "vóór", "2027"}},
		{"period before 1990", "period", "1985-1988", []string{"1985", "1990"}},
		{"period of 30 years", "period", "2000-2030", []string{"30 jaar", "hoogstens 20"}},
		{"period far ahead", "period", "2090", []string{"2090", "uiterlijk"}},
		{"period in words", "period", "vanaf volgend jaar", []string{"één jaar (2025)"}},
		{"long e-mail", "contact_email", strings.Repeat("a", 300) + "@gemeente.nl", []string{"te lang", "254"}},
		{"no e-mail", "contact_email", "", []string{"Vul een e-mailadres in"}},
		{"long note", "note", strings.Repeat("x", 4500), []string{"te lang", "4.500", "4.000"}},
		{"long gemeente", "gemeenten", strings.Repeat("Amsterdam", 1000), []string{"…” is geen Nederlandse gemeente"}},
		{"name past the field limit", "contact_name", strings.Repeat("Anna", 20000), []string{"veel te lang", "64 kB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := d.agent(t)
			fs := submissionFields(a.csrf("/indienen"), plan)
			for i := range fs {
				if fs[i].key == tc.key {
					fs[i].value = tc.value
					break
				}
			}
			r := a.postMultipart("/indienen", fs)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			msg := r.html(t).Find(`#veld-` + tc.key + ` .veldfout`).Text()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
			if len(msg) > 300 {
				t.Errorf("message of %d bytes repeats the input", len(msg))
			}
		})
	}
}

// TestReviewEditSaysWhatIsWrong does the same for the curator's edit form
// and the reason of a rejection.
func TestReviewEditSaysWhatIsWrong(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	review := "/beheer/documenten/" + strconv.FormatInt(d.pendingID(t), 10)
	a.login(curatorEmail)
	cases := []struct {
		name, action, key, value string
		want                     []string
	}{
		{"long title", "/gegevens", "title", strings.Repeat("Veiligheid", 66), []string{"te lang", "660", "500"}},
		{"reversed period", "/gegevens", "period", "2027-2023", []string{"2023", "vóór", "2027"}},
		{"date that does not exist", "/gegevens", "vastgesteld", "2024-02-30", []string{"2024-02-30", "bestaat niet"}},
		{"date in words", "/gegevens", "vastgesteld", "maart 2024", []string{"JJJJ-MM-DD"}},
		{"long reason", "/afwijzen", "reason", strings.Repeat("nee", 800), []string{"te lang", "2.400", "2.000"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			form := url.Values{"csrf": {a.csrf(review)}, "title": {"IVP Zwolle"}, "type": {"ivp"},
				"period": {"2024-2027"}, "gemeenten": {"Zwolle"}}
			form.Set(tc.key, tc.value)
			r := a.post(review+tc.action, form)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			id := "#edit-" + tc.key
			if tc.action == "/afwijzen" {
				id = "#reject-" + tc.key
			}
			msg := r.html(t).Find(id).Parent().Find(`.veldfout`).Text()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not say %q", msg, w)
				}
			}
		})
	}
}
