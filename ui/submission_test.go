package ui_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

func TestSubmissionFormAndStatus(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	form := a.get("/indienen")
	if form.status != http.StatusOK {
		t.Fatalf("GET /indienen: %d", form.status)
	}
	if n := form.html(t).Find(`datalist#gemeentelijst option`).Length(); n != 342 {
		t.Errorf("the gemeente list offers %d gemeenten, want 342", n)
	}
	status := a.submit(generatedPlans(t)[0])
	page := a.get(status)
	doc := page.html(t)
	ref := strings.TrimSpace(doc.Find(`#kenmerk`).Text())
	if page.status != http.StatusOK || !strings.HasPrefix(ref, "IVP-") {
		t.Fatalf("status page: %d, kenmerk %q", page.status, ref)
	}
	if got := doc.Find(`#status`).Text(); got != "ontvangen" {
		t.Errorf("status %q, want ontvangen", got)
	}
	if !strings.Contains(doc.Find(`.bevestiging`).Text(), "Bedankt") {
		t.Error("no confirmation after submitting")
	}

	token := strings.TrimPrefix(strings.SplitN(status, "?", 2)[0], "/indienen/status/")
	var js struct{ Reference, Status, StatusLabel string }
	api := a.get("/api/v1/submissions/" + token)
	if err := json.Unmarshal([]byte(api.body), &js); err != nil || api.status != 200 {
		t.Fatalf("status API: %d %v", api.status, err)
	}
	if js.Reference != ref || js.Status != "received" {
		t.Errorf("status API says %+v, want %s received", js, ref)
	}
	if r := a.get("/api/v1/submissions/onbekend"); r.status != http.StatusNotFound {
		t.Errorf("unknown token: %d, want 404", r.status)
	}
	if n := searchTotal(t, a, "veiligheid"); n != 0 {
		t.Errorf("a submitted plan is found by search before review (%d hits)", n)
	}
}

// searchTotal is the number of plans the search API finds for q.
func searchTotal(t testing.TB, a *agent, q string) int {
	t.Helper()
	r := a.get("/api/v1/search?q=" + q)
	var res struct{ Total int }
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.status != 200 {
		t.Fatalf("search %q: %d %v", q, r.status, err)
	}
	return res.Total
}

func TestSubmissionFormErrors(t *testing.T) {
	d := newDesk(t, nil)
	plan := generatedPlans(t)[0]
	with := func(fs []field, key string, f field) []field {
		out := append([]field(nil), fs...)
		for i := range out {
			if out[i].key == key {
				out[i] = f
			}
		}
		return out
	}
	cases := []struct {
		name   string
		edit   func(csrf string) []field
		status int
		field  string // the field with the error, "" for none
	}{
		{"no csrf", func(string) []field { return submissionFields("", plan)[1:] }, 403, ""},
		{"wrong csrf", func(string) []field { return submissionFields("vals", plan) }, 403, ""},
		{"not a pdf", func(c string) []field {
			return with(submissionFields(c, plan), "file", field{key: "file", name: "plan.pdf", file: []byte("GIF89a nep-pdf")})
		}, 415, "file"},
		{"script as pdf", func(c string) []field {
			return with(submissionFields(c, plan), "file", field{key: "file", name: "plan.pdf", file: []byte("#!/bin/sh\nrm -rf /\n")})
		}, 415, "file"},
		{"unknown gemeente", func(c string) []field {
			return with(submissionFields(c, plan), "gemeenten", field{key: "gemeenten", value: "Atlantis"})
		}, 422, "gemeenten"},
		{"bad period", func(c string) []field {
			return with(submissionFields(c, plan), "period", field{key: "period", value: "vanaf volgend jaar"})
		}, 422, "period"},
		{"bad e-mail", func(c string) []field {
			return with(submissionFields(c, plan), "contact_email", field{key: "contact_email", value: "anna"})
		}, 422, "contact_email"},
		{"no file and no url", func(c string) []field {
			return with(submissionFields(c, plan), "file", field{key: "file", name: "leeg.pdf"})
		}, 422, "file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := d.agent(t)
			r := a.postMultipart("/indienen", tc.edit(a.csrf("/indienen")))
			if r.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", r.status, tc.status, r.body)
			}
			if tc.field == "" {
				return
			}
			doc := r.html(t)
			if msg := doc.Find(`#veld-` + tc.field + ` .veldfout`).Text(); msg == "" {
				t.Errorf("no error next to field %s", tc.field)
			}
			if v, _ := doc.Find(`#contact_name`).Attr("value"); v != "Anna de Vries" {
				t.Errorf("the typed name came back as %q", v)
			}
		})
	}
	if items, _ := d.store.Queue(t.Context(), corpus.QueueFilter{Status: corpus.AllStatuses}); len(items) != 0 {
		t.Errorf("refused forms stored %d documents", len(items))
	}
}

func TestSubmissionMalformed(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.csrf("/indienen")
	r := a.post("/indienen", nil)
	if r.status != http.StatusBadRequest {
		t.Errorf("a form that is not multipart: %d, want 400", r.status)
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestSubmissionTooLarge sends a 20 MB upload against a 256 kB limit: the
// answer is 413, and the server stops reading long before the end.
func TestSubmissionTooLarge(t *testing.T) {
	const limit = 256 << 10
	d := newDesk(t, func(o *ui.Options) { o.MaxUploadBytes = limit })
	a := d.agent(t)
	big := append([]byte("%PDF-1.7\n"), make([]byte, 20<<20)...)
	body, ct := multipartBody(t, submissionFields(a.csrf("/indienen"), big))
	cr := &countingReader{r: body}
	req := httptest.NewRequest(http.MethodPost, "http://ivp.test/indienen", cr)
	req.Header.Set("Content-Type", ct)
	r := a.do(req)
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", r.status)
	}
	if cr.n > 2*limit {
		t.Errorf("the server read %d bytes of a %d-byte body before refusing", cr.n, 20<<20)
	}
	doc := r.html(t)
	if msg := doc.Find(`#veld-file .veldfout`).Text(); !strings.Contains(msg, "groter dan") {
		t.Errorf("message next to the file: %q", msg)
	}
	if v, _ := doc.Find(`#contact_email`).Attr("value"); v != "a.devries@amsterdam.nl" {
		t.Errorf("the typed e-mail address came back as %q", v)
	}
}

func TestFeaturesOff(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/indienen", "/indienen/status/abc", "/beheer", "/beheer/login", "/api/v1/beheer/queue"} {
		r := f.get(t, path)
		if r.status != http.StatusNotFound {
			t.Errorf("%s without the services: %d, want 404", path, r.status)
		}
	}
	if strings.Contains(f.get(t, "/").body, `href="/indienen"`) {
		t.Error("the start page links to the submission form while submissions are off")
	}
}
