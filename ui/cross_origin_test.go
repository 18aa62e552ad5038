package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestCrossOriginRefused: a state-changing request that a browser marks
// as coming from another site is refused, even with a valid CSRF token.
func TestCrossOriginRefused(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	a.login(curatorEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	token := a.csrf(review)
	for _, rt := range beheerRoutes(id) {
		if rt.method == "GET" {
			continue
		}
		for name, header := range map[string][2]string{
			"Sec-Fetch-Site cross-site": {"Sec-Fetch-Site", "cross-site"},
			"Sec-Fetch-Site same-site":  {"Sec-Fetch-Site", "same-site"},
			"Origin of another site":    {"Origin", "https://evil.example"},
		} {
			t.Run(rt.path+" "+name, func(t *testing.T) {
				req := httptest.NewRequest(http.MethodPost, "http://ivp.test"+rt.path,
					strings.NewReader(url.Values{"csrf": {token}, "reason": {"test"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-CSRF-Token", token)
				req.Header.Set(header[0], header[1])
				if r := a.do(req); r.status != http.StatusForbidden {
					t.Errorf("%d, want 403", r.status)
				}
			})
		}
	}
	if doc, _ := d.store.Document(t.Context(), id); doc.Status != corpus.StatusPending {
		t.Errorf("cross-site requests changed the document to %s", doc.Status)
	}
	if r := a.get("/beheer"); r.status != http.StatusOK {
		t.Errorf("cross-site logout ended the session: GET /beheer %d", r.status)
	}

	login := d.agent(t)
	req := httptest.NewRequest(http.MethodPost, "http://ivp.test/beheer/login", strings.NewReader(url.Values{
		"csrf": {login.csrf("/beheer/login")}, "email": {curatorEmail}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := login.do(req); r.status != http.StatusForbidden || !strings.Contains(r.body, "andere website") {
		t.Errorf("a cross-site login: %d, want 403 saying why", r.status)
	}

	// The same requests from this site itself go through.
	req = httptest.NewRequest(http.MethodPost, "http://ivp.test"+review+"/goedkeuren",
		strings.NewReader(url.Values{"csrf": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", "http://ivp.test")
	if r := a.do(req); r.status != http.StatusSeeOther {
		t.Errorf("approve from this site: %d, want 303", r.status)
	}
}

// TestCrossOriginSubmission: the public form refuses a post from another
// site before reading it.
func TestCrossOriginSubmission(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	body, ct := multipartBody(t, submissionFields(a.csrf("/indienen"), generatedPlans(t)[0]))
	req := httptest.NewRequest(http.MethodPost, "http://ivp.test/indienen", body)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Origin", "https://evil.example")
	if r := a.do(req); r.status != http.StatusForbidden {
		t.Errorf("a submission posted from another site: %d, want 403", r.status)
	}
	if items, _ := d.store.Queue(t.Context(), corpus.QueueFilter{Status: corpus.AllStatuses}); len(items) != 0 {
		t.Errorf("the cross-site submission stored %d documents", len(items))
	}
}

// TestCuratorPagesNotStored: every answer of the curator area, the login
// page included, tells caches not to store it.
func TestCuratorPagesNotStored(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	if cc := a.get("/beheer/login").header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("login page: Cache-Control %q, want no-store", cc)
	}
	a.login(adminEmail)
	for _, rt := range beheerRoutes(id) {
		if rt.method != "GET" {
			continue
		}
		r := a.get(rt.path)
		if cc := r.header.Get("Cache-Control"); r.status != http.StatusOK || !strings.Contains(cc, "no-store") {
			t.Errorf("%s: %d, Cache-Control %q, want no-store", rt.path, r.status, cc)
		}
	}
	if cc := a.get("/beheer/documenten/999999").header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("an error page of the curator area: Cache-Control %q, want no-store", cc)
	}
}
