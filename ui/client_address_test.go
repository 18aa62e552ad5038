package ui_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/ui"
)

// oneFailure allows one failed password check per address.
func oneFailure(o *ui.Options) {
	o.AccountLoginRate = ui.Rate{Max: 1, Window: time.Hour}
	o.LoginRate = ui.Rate{Max: 1, Window: time.Hour}
}

// TestLimitsGroupIPv6: the addresses of one IPv6 /64 share a limit, as
// one subscriber has them all; another /64 and IPv4 have their own.
func TestLimitsGroupIPv6(t *testing.T) {
	d := newDesk(t, oneFailure)
	from := func(remote string) int {
		a := d.agent(t)
		a.remote = remote
		return tryLogin(a, curatorEmail, "fout wachtwoord").status
	}
	if s := from("[2001:db8:1:2::10]:5000"); s != http.StatusUnauthorized {
		t.Fatalf("first failure: %d, want 401", s)
	}
	if s := from("[2001:db8:1:2:ffff:ffff:ffff:1]:5001"); s != http.StatusTooManyRequests {
		t.Errorf("another address of the same /64: %d, want 429", s)
	}
	if s := from("[2001:db8:1:3::10]:5000"); s != http.StatusUnauthorized {
		t.Errorf("another /64: %d, want 401 (a limit of its own)", s)
	}
	if s := from("192.0.2.44:80"); s != http.StatusUnauthorized {
		t.Errorf("an IPv4 address: %d, want 401", s)
	}
	if s := from("[::ffff:192.0.2.44]:81"); s != http.StatusTooManyRequests {
		t.Errorf("the same IPv4 address written as IPv6: %d, want 429", s)
	}
}

// syncBuffer is a log sink the server's goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// proxied is a browser behind a reverse proxy on loopback that says which
// client it forwards for.
type proxied struct {
	t      *testing.T
	server *httptest.Server
	client *http.Client
}

func (p *proxied) login(forwardedFor, pw string) int {
	p.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, p.server.URL+"/beheer/login", nil)
	req.Header.Set("X-Forwarded-For", forwardedFor)
	resp, err := p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	resp.Body.Close()
	if err != nil {
		p.t.Fatal(err)
	}
	tok, _ := doc.Find(`input[name=csrf]`).Attr("value")
	form := url.Values{"csrf": {tok}, "email": {curatorEmail}, "password": {pw}}
	req, _ = http.NewRequest(http.MethodPost, p.server.URL+"/beheer/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", forwardedFor)
	resp, err = p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func newProxied(t *testing.T, trusted []string, log io.Writer) *proxied {
	d := newDesk(t, func(o *ui.Options) {
		oneFailure(o)
		o.TrustedProxies = trusted
		o.Logger = slog.New(slog.NewTextHandler(log, nil))
	})
	srv := httptest.NewServer(d.handler)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &proxied{t: t, server: srv, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// TestForwardedForOnlyFromTrustedProxies: X-Forwarded-For counts only
// from a trusted proxy. Without one, a client cannot dodge its limit by
// naming another address, and the operator is warned once that requests
// come through a proxy.
func TestForwardedForOnlyFromTrustedProxies(t *testing.T) {
	t.Run("no trusted proxy", func(t *testing.T) {
		var log syncBuffer
		p := newProxied(t, nil, &log)
		if s := p.login("198.51.100.1", "fout wachtwoord"); s != http.StatusUnauthorized {
			t.Fatalf("first failure: %d, want 401", s)
		}
		if s := p.login("198.51.100.2", "fout wachtwoord"); s != http.StatusTooManyRequests {
			t.Errorf("the same peer naming another client: %d, want 429", s)
		}
		if n := strings.Count(log.String(), "no proxy is trusted"); n != 1 {
			t.Errorf("the warning about an untrusted proxy was logged %d times, want once:\n%s", n, log.String())
		}
	})
	t.Run("trusted loopback proxy", func(t *testing.T) {
		var log syncBuffer
		p := newProxied(t, []string{"127.0.0.1", "::1"}, &log)
		if s := p.login("198.51.100.1", "fout wachtwoord"); s != http.StatusUnauthorized {
			t.Fatalf("first failure: %d, want 401", s)
		}
		if s := p.login("198.51.100.1", "fout wachtwoord"); s != http.StatusTooManyRequests {
			t.Errorf("the same forwarded client again: %d, want 429", s)
		}
		if s := p.login("198.51.100.2", password); s != http.StatusSeeOther {
			t.Errorf("another client through the same proxy: %d, want a login", s)
		}
		if strings.Contains(log.String(), "no proxy is trusted") {
			t.Error("warned about an untrusted proxy while one is trusted")
		}
	})
}
