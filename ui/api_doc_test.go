package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// apiChecker sends requests to a desk and checks each request and answer
// against the OpenAPI document the desk serves, with kin-openapi.
type apiChecker struct {
	t      *testing.T
	doc    *openapi3.T
	router routers.Router
	seen   map[string]bool // "GET /api/v1/documents/{id}" of every checked call
}

// newAPIChecker loads and validates /api/v1/openapi.json of d.
func newAPIChecker(t *testing.T, d *desk) *apiChecker {
	t.Helper()
	r := d.agent(t).get("/api/v1/openapi.json")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("/api/v1/openapi.json: status %d, Content-Type %q", r.status, r.header.Get("Content-Type"))
	}
	doc, err := openapi3.NewLoader().LoadFromData([]byte(r.body))
	if err != nil {
		t.Fatalf("load the OpenAPI document: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("the document is OpenAPI %s, want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document does not validate: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &apiChecker{t: t, doc: doc, router: router, seen: map[string]bool{}}
}

// call is one API request of a test.
type call struct {
	method, target string
	body           []byte
	contentType    string
	csrf           string
	// badRequest marks a request the test sends against the document on
	// purpose; only its answer is checked.
	badRequest bool
	want       int
}

// do sends c as a and checks request and answer against the document.
func (v *apiChecker) do(a *agent, c call) response {
	v.t.Helper()
	build := func() *http.Request {
		req := httptest.NewRequest(c.method, "http://ivp.test"+c.target, bytes.NewReader(c.body))
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		if c.csrf != "" {
			req.Header.Set("X-CSRF-Token", c.csrf)
		}
		return req
	}
	r := a.do(build())
	if r.status != c.want {
		v.t.Errorf("%s %s: status %d, want %d: %s", c.method, c.target, r.status, c.want, r.body)
	}
	req := build()
	route, params, err := v.router.FindRoute(req)
	if err != nil {
		v.t.Errorf("%s %s is not in the OpenAPI document: %v", c.method, c.target, err)
		return r
	}
	v.seen[route.Method+" "+route.Path] = true
	if route.Operation.Responses.Status(r.status) == nil { // "default" is for statuses no test makes
		v.t.Errorf("%s %s: the document does not name status %d", c.method, route.Path, r.status)
	}
	opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, IncludeResponseStatus: true}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	ctx := context.Background()
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil && !c.badRequest {
		v.t.Errorf("request %s %s does not fit the document: %v", c.method, c.target, err)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: r.status, Header: r.header,
		Body: io.NopCloser(strings.NewReader(r.body)), Options: opts}
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		v.t.Errorf("answer %d to %s %s does not fit the document: %v\n%.600s", r.status, c.method, c.target, err, r.body)
	}
	return r
}

// TestAPIDocumentDescribesEveryEndpoint: the OpenAPI 3.1 document
// validates; every GET and POST route under /api/v1 is in it and is
// called here, on a desk that rebuilds and harvests, on desks without
// those and on one with a plan in force and a scanned plan; and every
// real answer (and every request meant to be valid) validates against it.
func TestAPIDocumentDescribesEveryEndpoint(t *testing.T) {
	d, site := harvestingDesk(t)
	v := newAPIChecker(t, d)
	v.publicCalls(d)
	v.curatorCalls(d)
	a := d.agent(t)
	a.login(curatorEmail)
	tok := a.csrf("/beheer/bronnen")
	v.sourceCalls(a, site.URL, tok)
	v.jobCalls(d, a, tok)
	v.featureOffCalls()
	v.overviewCalls()

	engine, ok := d.handler.(interface{ Routes() gin.RoutesInfo })
	if !ok {
		t.Fatalf("the handler is a %T, which cannot list its routes", d.handler)
	}
	param := regexp.MustCompile(`:(\w+)`)
	for _, rt := range engine.Routes() {
		if rt.Method == http.MethodHead || !strings.HasPrefix(rt.Path, "/api/v1/") {
			continue
		}
		key := rt.Method + " " + param.ReplaceAllString(rt.Path, "{$1}")
		if item := v.doc.Paths.Value(param.ReplaceAllString(rt.Path, "{$1}")); item == nil || item.GetOperation(rt.Method) == nil {
			t.Errorf("route %s is not in the OpenAPI document", key)
		} else if !v.seen[key] {
			t.Errorf("route %s is described but no test calls it", key)
		}
	}
}

// publicCalls exercises the endpoints without a login.
func (v *apiChecker) publicCalls(d *desk) {
	a := d.agent(v.t)
	status := a.submit(generatedPlans(v.t)[0])
	token := strings.TrimPrefix(status, "/indienen/status/")
	report := a.toets("concept.pdf", generatedPlans(v.t)[0])
	refused := a.toetsStarted("versleuteld.pdf", lockedPDF(v.t))
	a.waitRead(refused)
	for _, c := range []call{
		{method: "GET", target: "/api/v1/openapi.json", want: 200},
		{method: "GET", target: "/api/v1/search", want: 200},
		{method: "GET", target: "/api/v1/search?q=veiligheid+%22openbare+orde%22&provincie=Noord-Holland&provincie=Utrecht&jaar=2024&sort=datum&size=5", want: 200},
		{method: "GET", target: "/api/v1/search?veld=9", want: 400, badRequest: true},
		{method: "GET", target: "/api/v1/search?like=999999", want: 404},
		{method: "GET", target: "/api/v1/documents/999999", want: 404},
		{method: "GET", target: "/api/v1/submissions/" + token, want: 200},
		{method: "GET", target: "/api/v1/submissions/onbekend", want: 404},
		{method: "GET", target: "/api/v1" + report, want: 200},
		{method: "GET", target: "/api/v1/kwaliteitstoets/onbekend", want: 404},
		{method: "GET", target: "/api/v1" + refused, want: 422},
		{method: "GET", target: "/api/v1/uitvoeringsplan?gemeente=Utrecht&periode=2025-2028&prioriteit=1.1&prioriteit=X.drugs&partner=Politie&tempo=periode&indeling=veld", want: 200},
		{method: "GET", target: "/api/v1/uitvoeringsplan?gemeente=Atlantis&periode=2028-2025", want: 422},
		{method: "GET", target: "/api/v1/jobs", want: 200},
		{method: "GET", target: "/api/v1/beheer/queue", want: 401},
	} {
		v.do(a, c)
	}
}

// curatorCalls exercises the curator endpoints on two submitted plans:
// review, edit, approve, withdraw, replace the file, reject, audit.
func (v *apiChecker) curatorCalls(d *desk) {
	a := d.agent(v.t)
	a.submit(generatedPlans(v.t)[1])
	items, err := d.store.Queue(context.Background(), corpus.QueueFilter{})
	if err != nil || len(items) != 2 {
		v.t.Fatalf("queue: %d items, %v", len(items), err)
	}
	first, second := "/api/v1/beheer/documents/"+strconv.FormatInt(items[1].Document.ID, 10),
		"/api/v1/beheer/documents/"+strconv.FormatInt(items[0].Document.ID, 10)
	a.login(curatorEmail)
	tok := csrfOf(v.t, v.do(a, call{method: "GET", target: first, want: 200}))
	js := "application/json"
	for _, c := range []call{
		{method: "GET", target: "/api/v1/beheer/queue", want: 200},
		{method: "GET", target: "/api/v1/beheer/queue?status=onzin", want: 400, badRequest: true},
		{method: "GET", target: "/api/v1/beheer/documents?status=alle&pagina=1", want: 200},
		{method: "POST", target: first + "/metadata", body: []byte(`{"title":"IVP Amsterdam 2024-2027","type":"ivp","period":"2024-2027","gemeenten":["Amsterdam"]}`), contentType: js, csrf: tok, want: 200},
		{method: "POST", target: first + "/metadata", body: []byte(`{"title":"","type":"ivp","period":"later","gemeenten":["Amsterdam"]}`), contentType: js, csrf: tok, want: 422},
		{method: "POST", target: first + "/approve", body: []byte(`{}`), contentType: js, csrf: tok, want: 200},
		{method: "POST", target: first + "/approve", body: []byte(`{}`), contentType: js, want: 403, badRequest: true},
		{method: "GET", target: strings.Replace(first, "/beheer", "", 1), want: 200},
		{method: "POST", target: first + "/links", body: []byte(`{"other":` + strings.TrimPrefix(second, "/api/v1/beheer/documents/") + `,"relation":"gevolgd-door"}`), contentType: js, csrf: tok, want: 200},
		{method: "POST", target: first + "/links", body: []byte(`{"other":999999}`), contentType: js, csrf: tok, want: 422},
		{method: "POST", target: first + "/withdraw", body: []byte(`{"reason":"Vervangen door een nieuwer plan."}`), contentType: js, csrf: tok, want: 200},
		{method: "POST", target: second + "/reject", body: []byte(`{}`), contentType: js, csrf: tok, want: 422},
		{method: "POST", target: second + "/reject", body: []byte(`{"reason":"Geen veiligheidsplan."}`), contentType: js, csrf: tok, want: 200},
		{method: "GET", target: "/api/v1/beheer/audit", want: 403},
	} {
		v.do(a, c)
	}
	v.replaceFile(a, first, tok)
	admin := d.agent(v.t)
	admin.login(adminEmail)
	v.do(admin, call{method: "GET", target: "/api/v1/beheer/audit?document=" + strings.TrimPrefix(first, "/api/v1/beheer/documents/"), want: 200})
	v.do(admin, call{method: "GET", target: first, want: 200})
}

// replaceFile sends a new file for the document at doc as a multipart
// form, the CSRF token first.
func (v *apiChecker) replaceFile(a *agent, doc, tok string) {
	// The first plan again, with a comment after its end: other bytes, the
	// same text.
	newer := append(bytes.Clone(generatedPlans(v.t)[0]), "\n% herziene versie\n"...)
	body, ct := multipartBody(v.t, []field{{key: "csrf", value: tok}, {key: "file", file: newer, name: "ivp-nieuw.pdf"}})
	data, err := io.ReadAll(body)
	if err != nil {
		v.t.Fatal(err)
	}
	v.do(a, call{method: "POST", target: doc + "/file", body: data, contentType: ct, want: 200})
}

// csrfOf reads the csrf_token of a review answer.
func csrfOf(t *testing.T, r response) string {
	t.Helper()
	var review struct {
		CSRF string `json:"csrf_token"`
	}
	if err := json.Unmarshal([]byte(r.body), &review); err != nil || review.CSRF == "" {
		t.Fatalf("review without csrf_token: %v\n%.300s", err, r.body)
	}
	return review.CSRF
}

// TestAPIPageShowsTheDocument: /api renders every operation and schema
// of the document as a page that loads nothing from elsewhere, and the
// footer of every page links it.
func TestAPIPageShowsTheDocument(t *testing.T) {
	d := newDesk(t, nil)
	v := newAPIChecker(t, d)
	r := d.agent(t).get("/api")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("/api: status %d, Content-Type %q", r.status, r.header.Get("Content-Type"))
	}
	page := r.html(t)
	ops := 0
	for path, item := range v.doc.Paths.Map() {
		for method := range item.Operations() {
			ops++
			want := method + " " + path
			if page.Find("section.api-op h2 code").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return s.Text() == want
			}).Length() != 1 {
				t.Errorf("the page does not describe %s", want)
			}
		}
	}
	if n := page.Find("section.api-op").Length(); n != ops {
		t.Errorf("the page has %d operations, the document %d", n, ops)
	}
	if n := page.Find("section.api-schema").Length(); n != len(v.doc.Components.Schemas) {
		t.Errorf("the page has %d schemas, the document %d", n, len(v.doc.Components.Schemas))
	}
	page.Find("[src], link[href]").Each(func(_ int, s *goquery.Selection) {
		for _, attr := range []string{"src", "href"} {
			if u, ok := s.Attr(attr); ok && (strings.Contains(u, "//") || strings.HasPrefix(u, "data:")) {
				t.Errorf("the page loads %s from elsewhere", u)
			}
		}
	})
	if href, _ := page.Find("footer a[href='/api']").Attr("href"); href != "/api" {
		t.Error("the footer does not link the API page")
	}
}
