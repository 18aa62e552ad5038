package ui_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ui"
)

// heldDesk is a desk whose curator service, once hold is called, stops the
// next submission after it is extracted and its file stored, before its
// rows are, until release is closed: an extraction in progress. held says
// it got there.
func heldDesk(t *testing.T, maxExtractions int) (d *desk, hold func() (held <-chan struct{}, release chan<- struct{})) {
	t.Helper()
	var mu sync.Mutex
	var armed, release chan struct{}
	pause := func(step string) {
		mu.Lock()
		h, r := armed, release
		armed = nil
		mu.Unlock()
		if step == "submit:file-stored" && h != nil {
			close(h)
			<-r
		}
	}
	hold = func() (<-chan struct{}, chan<- struct{}) {
		mu.Lock()
		defer mu.Unlock()
		armed, release = make(chan struct{}), make(chan struct{})
		return armed, release
	}
	d = newDeskWith(t, ingest.CuratorOptions{Pause: pause}, func(opts *ui.Options) {
		opts.MaxExtractions = maxExtractions
	})
	return d, hold
}

// TestUploadBusy holds one submission in the middle of its processing with
// room for one extraction: a second upload, by form or by API, is refused
// with 503 and Retry-After and leaves nothing in the store; once the first
// is done an upload goes through again.
func TestUploadBusy(t *testing.T) {
	d, hold := heldDesk(t, 1)
	plans := generatedPlans(t)
	held, release := hold()
	first := d.agent(t)
	tok := first.csrf("/indienen")
	done := make(chan response, 1)
	go func() { done <- first.postMultipart("/indienen", submissionFields(tok, plans[0])) }()
	<-held

	a := d.agent(t)
	r := a.postMultipart("/indienen", submissionFields(a.csrf("/indienen"), plans[1]))
	if r.status != http.StatusServiceUnavailable {
		t.Errorf("second upload: %d, want 503", r.status)
	}
	if s, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || s <= 0 {
		t.Errorf("Retry-After %q, want a number of seconds", r.header.Get("Retry-After"))
	}
	if msg := r.html(t).Find(`.foutmelding`).Text(); !strings.Contains(strings.ToLower(msg), "probeer het straks opnieuw") {
		t.Errorf("503 page says %q", msg)
	}
	if _, err := d.store.IDBySHA256(t.Context(), corpus.Digest(plans[1])); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("the refused plan is in the store: %v", err)
	}

	close(release)
	if r := <-done; r.status != http.StatusSeeOther {
		t.Fatalf("first upload: %d, want 303\n%s", r.status, r.body)
	}
	if items, err := d.store.Queue(t.Context(), corpus.QueueFilter{}); err != nil || len(items) != 1 {
		t.Errorf("queue after both uploads: %d items, %v; want the first only", len(items), err)
	}
	a.submit(plans[1]) // the slot is free again
}

// TestUploadBusyAPI: a curator replacing a file through the JSON API while
// every extraction slot is taken gets a JSON 503 with Retry-After, and the
// document keeps its file.
func TestUploadBusyAPI(t *testing.T) {
	d, hold := heldDesk(t, 1)
	plans := generatedPlans(t)
	cur := d.agent(t)
	cur.login(curatorEmail)
	cur.submit(plans[0])
	id := d.pendingID(t)
	before, _ := d.store.Document(t.Context(), id)
	held, release := hold()

	first := d.agent(t)
	tok := first.csrf("/indienen")
	done := make(chan response, 1)
	go func() { done <- first.postMultipart("/indienen", submissionFields(tok, plans[1])) }()
	defer func() { close(release); <-done }()
	<-held

	var js struct {
		CSRF string `json:"csrf_token"`
	}
	page := cur.get("/api/v1/beheer/documents/" + strconv.FormatInt(id, 10))
	if err := json.Unmarshal([]byte(page.body), &js); err != nil || js.CSRF == "" {
		t.Fatalf("review API: %d %v, no csrf", page.status, err)
	}
	r := cur.postMultipart("/api/v1/beheer/documents/"+strconv.FormatInt(id, 10)+"/file",
		[]field{{key: "csrf", value: js.CSRF}, {key: "file", name: "v2.pdf", file: plans[1]}})
	var e struct{ Error string }
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" ||
		json.Unmarshal([]byte(r.body), &e) != nil || !strings.Contains(strings.ToLower(e.Error), "probeer het straks opnieuw") {
		t.Errorf("replace while busy: %d, Retry-After %q, %s; want 503 JSON with Retry-After",
			r.status, r.header.Get("Retry-After"), r.body)
	}
	if after, _ := d.store.Document(t.Context(), id); after.SHA256 != before.SHA256 {
		t.Errorf("the document's file changed while the replacement was refused")
	}
}
