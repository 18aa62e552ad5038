package ui_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/harvest"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// Accounts of the curation fixture.
const (
	curatorEmail = "curator@ccv.nl"
	adminEmail   = "admin@ccv.nl"
	password     = "correct paard batterij niet"
)

// desk is the whole submission and curation chain over a real store, a
// real Bleve index and the real curator service, served by ui.New.
type desk struct {
	store    *corpus.Store
	ix       *indexer.Indexer
	accounts *corpus.Accounts
	handler  http.Handler
}

// newDesk builds a desk; opts may change the ui options first.
func newDesk(t testing.TB, opts func(o *ui.Options)) *desk {
	t.Helper()
	return newDeskWith(t, ingest.CuratorOptions{}, opts)
}

// newDeskWith builds a desk whose curator service has the options co (a
// Pause hook, for instance).
func newDeskWith(t testing.TB, co ingest.CuratorOptions, opts func(o *ui.Options)) *desk {
	t.Helper()
	ctx := context.Background()
	d := &desk{}
	var err error
	if d.store, err = corpus.Open(ctx, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.store.Close() })
	if d.ix, err = indexer.Open(ctx, t.TempDir(), indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.ix.Close() })
	x, err := ingest.NewExtractor(ingest.Options{}, d.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	cur, err := ingest.NewCurator(ingest.NewPipeline(d.store, x, d.ix), co)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cur.Close) // before the store closes: no draft is read into a closed store
	d.accounts = corpus.NewAccounts(d.store, bcrypt.MinCost)
	for email, role := range map[string]corpus.Role{curatorEmail: corpus.RoleCurator, adminEmail: corpus.RoleAdmin} {
		if _, err := d.accounts.AddUser(ctx, email, role, password); err != nil {
			t.Fatal(err)
		}
	}
	o := ui.Options{Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Submissions: cur, Curation: cur, Toets: cur, Accounts: d.accounts, Sources: harvest.NewSources(d.store)}
	if opts != nil {
		opts(&o)
	}
	if d.handler, err = ui.New(o, search.New(d.ix), d.store, d.ix); err != nil {
		t.Fatal(err)
	}
	return d
}

var generated struct {
	once  sync.Once
	plans [][]byte
	err   error
}

// generatedPlans returns two generated plan PDFs, made once per test run.
func generatedPlans(t testing.TB) [][]byte {
	t.Helper()
	generated.once.Do(func() {
		dir, err := os.MkdirTemp("", "ivp-ui-gen-")
		if err != nil {
			generated.err = err
			return
		}
		defer os.RemoveAll(dir)
		sum, err := gen.Generate(context.Background(), gen.Options{Out: filepath.Join(dir, "gen"), Plans: 2, Seed: 7}, nil)
		if err != nil {
			generated.err = err
			return
		}
		for _, f := range sum.Files {
			b, err := os.ReadFile(f)
			if err != nil {
				generated.err = err
				return
			}
			generated.plans = append(generated.plans, b)
		}
	})
	if generated.err != nil {
		t.Fatal(generated.err)
	}
	return generated.plans
}

// agent is a browser without a screen: it keeps cookies, comes from one
// address, and does not follow redirects.
type agent struct {
	t      testing.TB
	h      http.Handler
	jar    *cookiejar.Jar
	remote string // client address, "192.0.2.10:1234" by default
}

var site = &url.URL{Scheme: "http", Host: "ivp.test", Path: "/"}

func (d *desk) agent(t testing.TB) *agent {
	jar, _ := cookiejar.New(nil)
	return &agent{t: t, h: d.handler, jar: jar, remote: "192.0.2.10:1234"}
}

// do sends req with the agent's cookies and keeps the cookies it gets.
func (a *agent) do(req *http.Request) response {
	a.t.Helper()
	req.RemoteAddr = a.remote
	for _, c := range a.jar.Cookies(site) {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	a.jar.SetCookies(site, rec.Result().Cookies())
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

func (a *agent) get(target string) response {
	a.t.Helper()
	return a.do(httptest.NewRequest(http.MethodGet, "http://ivp.test"+target, nil))
}

// post sends form values, url-encoded.
func (a *agent) post(target string, form url.Values) response {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "http://ivp.test"+target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return a.do(req)
}

// field is one part of a multipart form: a value, or a file when name is set.
type field struct {
	key, value string
	file       []byte
	name       string
}

// multipartBody encodes fields in order.
func multipartBody(t testing.TB, fields []field) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		var err error
		if f.name != "" {
			var fw io.Writer
			if fw, err = w.CreateFormFile(f.key, f.name); err == nil {
				_, err = fw.Write(f.file)
			}
		} else {
			err = w.WriteField(f.key, f.value)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

// postMultipart sends a multipart form.
func (a *agent) postMultipart(target string, fields []field) response {
	a.t.Helper()
	body, ct := multipartBody(a.t, fields)
	req := httptest.NewRequest(http.MethodPost, "http://ivp.test"+target, body)
	req.Header.Set("Content-Type", ct)
	return a.do(req)
}

// csrf reads the CSRF token of the first form on a page.
func (a *agent) csrf(target string) string {
	a.t.Helper()
	r := a.get(target)
	tok, ok := r.html(a.t).Find(`input[name=csrf]`).Attr("value")
	if r.status != http.StatusOK || !ok || tok == "" {
		a.t.Fatalf("GET %s: status %d, no CSRF token", target, r.status)
	}
	return tok
}

// login logs the agent in and fails the test when that does not work.
func (a *agent) login(email string) {
	a.t.Helper()
	tok := a.csrf("/beheer/login")
	r := a.post("/beheer/login", url.Values{"csrf": {tok}, "email": {email}, "password": {password}})
	if r.status != http.StatusSeeOther {
		a.t.Fatalf("login %s: status %d", email, r.status)
	}
}

// submissionFields is a complete, valid submission of plan as a file, in
// the order of the form.
func submissionFields(csrf string, plan []byte) []field {
	return []field{{key: "csrf", value: csrf}, {key: "gemeenten", value: "Amsterdam"}, {key: "gemeenten"},
		{key: "type", value: "ivp"}, {key: "period", value: "2024-2027"},
		{key: "contact_name", value: "Anna de Vries"}, {key: "contact_email", value: "a.devries@amsterdam.nl"},
		{key: "note", value: "Vastgesteld door de raad."}, {key: "file", file: plan, name: "ivp-amsterdam.pdf"},
		{key: "url"}}
}

// submit sends plan through the form and returns the status page path.
func (a *agent) submit(plan []byte) string {
	a.t.Helper()
	r := a.postMultipart("/indienen", submissionFields(a.csrf("/indienen"), plan))
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/indienen/status/") {
		a.t.Fatalf("submit: status %d, Location %q\n%s", r.status, loc, r.body)
	}
	return loc
}

// pendingID is the ID of the only pending document.
func (d *desk) pendingID(t testing.TB) int64 {
	t.Helper()
	items, err := d.store.Queue(context.Background(), corpus.QueueFilter{})
	if err != nil || len(items) != 1 {
		t.Fatalf("queue: %d items, %v", len(items), err)
	}
	return items[0].Document.ID
}
