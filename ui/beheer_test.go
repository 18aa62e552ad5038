package ui_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ui"
)

// beheerRoute is one curator route and how it is called.
type beheerRoute struct {
	method, path string
	admin        bool // admins only
}

// beheerRoutes lists every /beheer page and its API twin for document id.
func beheerRoutes(id int64) []beheerRoute {
	doc := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	api := "/api/v1/beheer/documents/" + strconv.FormatInt(id, 10)
	return []beheerRoute{
		{"GET", "/beheer", false}, {"GET", "/beheer/documenten", false}, {"GET", doc, false},
		{"GET", doc + "/bestand", false}, {"POST", doc + "/goedkeuren", false}, {"POST", doc + "/afwijzen", false},
		{"POST", doc + "/intrekken", false}, {"POST", doc + "/gegevens", false}, {"POST", doc + "/bestand", false},
		{"POST", "/beheer/uitloggen", false}, {"GET", "/beheer/audit", true},
		{"GET", "/api/v1/beheer/queue", false}, {"GET", "/api/v1/beheer/documents", false}, {"GET", api, false},
		{"POST", api + "/approve", false}, {"POST", api + "/reject", false}, {"POST", api + "/withdraw", false},
		{"POST", api + "/metadata", false}, {"POST", api + "/file", false}, {"GET", "/api/v1/beheer/audit", true},
		{"POST", doc + "/samenhang", false}, {"POST", api + "/links", false},
	}
}

func (a *agent) call(rt beheerRoute) response {
	a.t.Helper()
	if rt.method == "GET" {
		return a.get(rt.path)
	}
	return a.post(rt.path, url.Values{"reason": {"test"}})
}

func TestBeheerNeedsSession(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	for _, rt := range beheerRoutes(id) {
		t.Run(rt.method+" "+rt.path, func(t *testing.T) {
			r := a.call(rt)
			if strings.HasPrefix(rt.path, "/api/") {
				if r.status != http.StatusUnauthorized || !strings.Contains(r.body, `"error"`) {
					t.Errorf("without a session: %d %s, want 401 JSON", r.status, r.body)
				}
				return
			}
			loc := r.header.Get("Location")
			if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/beheer/login") {
				t.Errorf("without a session: %d to %q, want a redirect to the login page", r.status, loc)
			}
			if rt.method == "GET" && loc != "/beheer/login?terug="+url.QueryEscape(rt.path) {
				t.Errorf("redirect %q does not come back to %s", loc, rt.path)
			}
		})
	}
	a.jar.SetCookies(site, []*http.Cookie{{Name: "ivp_sessie", Value: "geraden-token"}})
	if r := a.get("/api/v1/beheer/queue"); r.status != http.StatusUnauthorized {
		t.Errorf("a made-up session token: %d, want 401", r.status)
	}
	if d, _ := d.store.Document(t.Context(), id); d.Status != corpus.StatusPending {
		t.Errorf("requests without a session changed the document to %s", d.Status)
	}
}

func TestBeheerAdminOnly(t *testing.T) {
	d := newDesk(t, nil)
	cur, adm := d.agent(t), d.agent(t)
	cur.login(curatorEmail)
	adm.login(adminEmail)
	for _, path := range []string{"/beheer/audit", "/api/v1/beheer/audit"} {
		if r := cur.get(path); r.status != http.StatusForbidden {
			t.Errorf("curator %s: %d, want 403", path, r.status)
		}
		if r := adm.get(path); r.status != http.StatusOK {
			t.Errorf("admin %s: %d, want 200", path, r.status)
		}
	}
	if strings.Contains(cur.get("/beheer").body, `href="/beheer/audit"`) {
		t.Error("a curator sees the link to the audit log")
	}
	if r := cur.get("/beheer"); r.status != http.StatusOK {
		t.Errorf("curator /beheer: %d", r.status)
	}
	if err := d.accounts.Disable(t.Context(), curatorEmail); err != nil {
		t.Fatal(err)
	}
	if r := cur.get("/api/v1/beheer/queue"); r.status != http.StatusUnauthorized {
		t.Errorf("a disabled account's session: %d, want 401", r.status)
	}
}

func TestBeheerCSRF(t *testing.T) {
	d := newDesk(t, nil)
	a, other := d.agent(t), d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := d.pendingID(t)
	a.login(curatorEmail)
	other.login(adminEmail)
	review := "/beheer/documenten/" + strconv.FormatInt(id, 10)
	own := a.csrf(review)
	foreign := other.csrf(review)
	cases := []struct {
		name  string
		token string
		want  int
	}{
		{"missing", "", http.StatusForbidden},
		{"wrong", "AAAA" + own[4:], http.StatusForbidden},
		{"another session's", foreign, http.StatusForbidden},
		{"own", own, http.StatusSeeOther},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := a.post(review+"/goedkeuren", url.Values{"csrf": {tc.token}})
			if r.status != tc.want {
				t.Fatalf("approve with %s token: %d, want %d", tc.name, r.status, tc.want)
			}
			doc, _ := d.store.Document(t.Context(), id)
			if published := doc.Status == corpus.StatusPublished; published != (tc.want == http.StatusSeeOther) {
				t.Errorf("after a %d the document is %s", r.status, doc.Status)
			}
			if tc.want == http.StatusForbidden && !strings.Contains(r.html(t).Find(".foutmelding").Text(), "formulier") {
				t.Errorf("403 page does not explain: %q", r.html(t).Find(".foutmelding").Text())
			}
		})
	}
	if r := a.post("/beheer/uitloggen", nil); r.status != http.StatusForbidden {
		t.Errorf("logout without a token: %d, want 403", r.status)
	}
	api := a.do(jsonPost(t, "/api/v1/beheer/documents/"+strconv.FormatInt(id, 10)+"/withdraw", "", nil))
	if api.status != http.StatusForbidden {
		t.Errorf("API call without X-CSRF-Token: %d, want 403", api.status)
	}
}

func TestLoginNoOpenRedirect(t *testing.T) {
	d := newDesk(t, func(o *ui.Options) { o.AccountLoginRate = ui.Rate{Max: -1} })
	cases := []struct{ next, want string }{
		{"/beheer/documenten?status=alle", "/beheer/documenten?status=alle"},
		{"/beheer/audit", "/beheer/audit"},
		{"", "/beheer"},
		{"//evil.example/beheer", "/beheer"},
		{`/\evil.example`, "/beheer"},
		{`/beheer\..\..\evil`, "/beheer"},
		{"https://evil.example/beheer", "/beheer"},
		{"http:evil.example", "/beheer"},
		{"javascript:alert(1)", "/beheer"},
		{"/%2F%2Fevil.example", "/beheer"},
		{"/beheer/../indienen", "/beheer"},
		{"/beheer\r\nLocation: https://evil.example", "/beheer"},
		{"/zoeken", "/beheer"},
	}
	for _, tc := range cases {
		t.Run(tc.next, func(t *testing.T) {
			a := d.agent(t)
			form := a.get("/beheer/login?terug=" + url.QueryEscape(tc.next)).html(t)
			if v, _ := form.Find(`input[name=terug]`).Attr("value"); v != tc.want {
				t.Errorf("login form carries terug=%q, want %q", v, tc.want)
			}
			tok, _ := form.Find(`input[name=csrf]`).Attr("value")
			r := a.post("/beheer/login", url.Values{"csrf": {tok}, "email": {curatorEmail},
				"password": {password}, "terug": {tc.next}})
			if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || loc != tc.want {
				t.Errorf("after login: %d to %q, want %q", r.status, loc, tc.want)
			}
		})
	}
}

func TestLoginAndLogout(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	tok := a.csrf("/beheer/login")
	r := a.post("/beheer/login", url.Values{"csrf": {tok}, "email": {curatorEmail}, "password": {"bijna goed wachtwoord"}})
	if r.status != http.StatusUnauthorized || r.html(t).Find("#inlogfout").Text() == "" {
		t.Fatalf("wrong password: %d, want 401 with a message", r.status)
	}
	if v, _ := r.html(t).Find(`#email`).Attr("value"); v != curatorEmail {
		t.Errorf("the e-mail address came back as %q", v)
	}
	if r := a.post("/beheer/login", url.Values{"email": {curatorEmail}, "password": {password}}); r.status != http.StatusForbidden {
		t.Errorf("login without CSRF token: %d, want 403", r.status)
	}
	a.login(curatorEmail)
	if r := a.get("/beheer"); r.status != http.StatusOK || !strings.Contains(r.body, curatorEmail) {
		t.Fatalf("after login /beheer: %d", r.status)
	}
	out := a.post("/beheer/uitloggen", url.Values{"csrf": {a.csrf("/beheer")}})
	if out.status != http.StatusSeeOther {
		t.Fatalf("logout: %d", out.status)
	}
	if r := a.get("/beheer"); r.status != http.StatusSeeOther {
		t.Errorf("after logout /beheer: %d, want a redirect to the login page", r.status)
	}
}

// jsonPost builds an API POST with a JSON body and an optional CSRF header.
func jsonPost(t testing.TB, path, csrf string, body any) *http.Request {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, "http://ivp.test"+path, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	if csrf != "" {
		req.Header.Set("X-CSRF-Token", csrf)
	}
	return req
}
