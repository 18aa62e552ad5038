package ui_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/ui"
)

func TestSecurityHeaders(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	for _, path := range []string{"/", "/indienen", "/beheer/login", "/api/v1/search?q=x", "/static/style.css",
		"/bestaat-niet", "/api/v1/beheer/queue", "/indienen/status/onbekend"} {
		t.Run(path, func(t *testing.T) {
			h := a.get(path).header
			csp := h.Get("Content-Security-Policy")
			if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "script-src") {
				t.Errorf("the policy allows scripts: %q", csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
				t.Errorf("nosniff %q, Referrer-Policy %q", h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
			}
		})
	}
}

// TestNoInlineScript checks that no page has a script element or an
// inline event handler, so the policy without scripts breaks nothing.
func TestNoInlineScript(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	a.submit(generatedPlans(t)[0])
	id := strconv.FormatInt(d.pendingID(t), 10)
	a.login(adminEmail)
	for _, path := range []string{"/indienen", "/beheer", "/beheer/documenten", "/beheer/documenten/" + id, "/beheer/audit"} {
		body := a.get(path).body
		if strings.Contains(body, "<script") || strings.Contains(body, " onclick=") || strings.Contains(body, "javascript:") {
			t.Errorf("%s has inline script", path)
		}
	}
}

func TestSessionCookie(t *testing.T) {
	cases := []struct {
		name   string
		remote string
		proto  string
		secure bool
	}{
		{"plain http", "192.0.2.10:1234", "", false},
		{"https through the trusted proxy", "10.0.0.5:4444", "https", true},
		{"forged header from elsewhere", "192.0.2.10:1234", "https", false},
	}
	d := newDesk(t, func(o *ui.Options) { o.TrustedProxies = []string{"10.0.0.0/24"} })
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := d.agent(t)
			a.remote = tc.remote
			tok := a.csrf("/beheer/login")
			req := httptest.NewRequest(http.MethodPost, "http://ivp.test/beheer/login", strings.NewReader(url.Values{
				"csrf": {tok}, "email": {curatorEmail}, "password": {password}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.proto != "" {
				req.Header.Set("X-Forwarded-Proto", tc.proto)
			}
			r := a.do(req)
			c := sessionCookieOf(r)
			if c == nil {
				t.Fatalf("no session cookie (status %d)", r.status)
			}
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure != tc.secure || c.MaxAge <= 0 {
				t.Errorf("cookie HttpOnly %v SameSite %v Secure %v MaxAge %d; want HttpOnly, Lax, Secure %v, an expiry",
					c.HttpOnly, c.SameSite, c.Secure, c.MaxAge, tc.secure)
			}
		})
	}
}

func sessionCookieOf(r response) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == "ivp_sessie" {
			return c
		}
	}
	return nil
}

// scriptPDF is a PDF whose text is HTML with a script.
func scriptPDF(t testing.TB) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 12)
	pdf.AddPage()
	pdf.MultiCell(0, 8, "Integraal Veiligheidsplan Gouda 2024-2027", "", "", false)
	pdf.MultiCell(0, 6, "De gemeente zet in op cameratoezicht en ondermijning. <script>alert('xss')</script> "+
		"Wij werken samen met politie en <b onmouseover=alert(1)>partners</b> aan een veilige stad.", "", "", false)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExtractedTextEscaped submits a PDF whose text holds a script tag and
// a note with one, and checks every page shows them as text.
func TestExtractedTextEscaped(t *testing.T) {
	d := newDesk(t, nil)
	a := d.agent(t)
	fields := submissionFields(a.csrf("/indienen"), scriptPDF(t))
	for i := range fields {
		switch fields[i].key {
		case "note":
			fields[i].value = `Zie <script>alert("notitie")</script>`
		case "contact_name":
			fields[i].value = `<img src=x onerror=alert(2)>`
		}
	}
	r := a.postMultipart("/indienen", fields)
	if r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d\n%s", r.status, r.body)
	}
	id := strconv.FormatInt(d.pendingID(t), 10)
	a.login(adminEmail)
	review := "/beheer/documenten/" + id
	pages := map[string]response{"review": a.get(review), "queue": a.get("/beheer"),
		"api": a.get("/api/v1/beheer/documents/" + id)}
	a.post(review+"/goedkeuren", url.Values{"csrf": {a.csrf(review)}})
	pages["document"] = a.get("/documenten/" + id)
	pages["search"] = a.get("/?q=cameratoezicht")
	pages["audit"] = a.get("/beheer/audit")
	for name, p := range pages {
		if p.status != http.StatusOK {
			t.Errorf("%s: status %d", name, p.status)
		}
		for _, raw := range []string{"<script>alert", "<img src=x", "<b onmouseover"} {
			if strings.Contains(p.body, raw) {
				t.Errorf("%s page contains %q unescaped", name, raw)
			}
		}
	}
	if text := pages["review"].html(t).Find(".tekst").Text(); !strings.Contains(text, "<script>alert('xss')</script>") {
		t.Errorf("the review page does not show the script tag as text: %q", text)
	}
	if text := pages["review"].html(t).Find("#inzending").Text(); !strings.Contains(text, `<script>alert("notitie")</script>`) {
		t.Errorf("the note is not shown as text: %q", text)
	}
	if text := pages["document"].html(t).Find(".tekst").Text(); !strings.Contains(text, "<script>") {
		t.Errorf("the public page does not show the script tag as text")
	}
}
