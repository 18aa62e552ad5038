package ui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/ui"
)

// tryLogin posts the login form from a with a fresh CSRF token and
// returns the answer.
func tryLogin(a *agent, email, pw string) response {
	a.t.Helper()
	return a.post("/beheer/login", url.Values{"csrf": {a.csrf("/beheer/login")}, "email": {email}, "password": {pw}})
}

// TestLoginCannotBeLockedOut is issue 16's attack: requests from one
// address must not keep a curator out who logs in from another.
func TestLoginCannotBeLockedOut(t *testing.T) {
	d := newDesk(t, nil) // the default limits: 20 per address, 5 per account and address
	attacker := d.agent(t)
	attacker.remote = "203.0.113.66:5000"
	for range 30 {
		r := attacker.post("/beheer/login", url.Values{"email": {curatorEmail}, "password": {"raden"}})
		if r.status != http.StatusForbidden {
			t.Fatalf("login without a CSRF token: %d, want 403", r.status)
		}
	}
	for range 30 {
		tryLogin(attacker, curatorEmail, "raden")
	}
	curator := d.agent(t)
	curator.remote = "198.51.100.7:443"
	if r := tryLogin(curator, curatorEmail, password); r.status != http.StatusSeeOther {
		t.Fatalf("the curator from her own address after the attack: %d, want a login\n%s", r.status, r.body)
	}
	if r := curator.get("/beheer"); r.status != http.StatusOK {
		t.Errorf("the curator's session: GET /beheer %d", r.status)
	}
}

func TestLoginLimitsFailedChecksPerAddress(t *testing.T) {
	d := newDesk(t, func(o *ui.Options) {
		o.AccountLoginRate = ui.Rate{Max: 3, Window: time.Hour}
		o.LoginRate = ui.Rate{Max: 6, Window: time.Hour}
	})
	a := d.agent(t)
	for i := range 3 {
		if r := tryLogin(a, curatorEmail, "fout wachtwoord"); r.status != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d, want 401", i+1, r.status)
		}
	}
	r := tryLogin(a, curatorEmail, password)
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("after 3 failures from one address, the 4th check of the account there: %d, want 429", r.status)
	}
	if s, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || s < 1 || s > 1200 {
		t.Errorf("Retry-After %q, want the seconds until one more try (at most 20 minutes)", r.header.Get("Retry-After"))
	}
	page := r.html(t)
	if v, _ := page.Find(`#email`).Attr("value"); v != curatorEmail || !strings.Contains(page.Find("#inlogfout").Text(), "Wacht") {
		t.Errorf("the 429 page: e-mail %q, message %q; want the form back with how long to wait", v, page.Find("#inlogfout").Text())
	}

	// Other accounts from the same address: the address limit of 6
	// failures holds over all of them.
	for i, email := range []string{"x@ccv.nl", "y@ccv.nl", "z@ccv.nl"} {
		if r := tryLogin(a, email, "fout wachtwoord"); r.status != http.StatusUnauthorized {
			t.Fatalf("failure %d from the address: %d, want 401", i+4, r.status)
		}
	}
	if r := tryLogin(a, adminEmail, password); r.status != http.StatusTooManyRequests {
		t.Errorf("after 6 failures from one address, another account: %d, want 429", r.status)
	}

	// A fresh address is not limited, neither for this account nor others.
	b := d.agent(t)
	b.remote = "198.51.100.9:4000"
	if r := tryLogin(b, curatorEmail, password); r.status != http.StatusSeeOther {
		t.Errorf("the right password from another address: %d, want a login", r.status)
	}
	if r := tryLogin(b, adminEmail, password); r.status != http.StatusSeeOther {
		t.Errorf("the admin from another address: %d, want a login", r.status)
	}
}

func TestLoginSuccessDoesNotCount(t *testing.T) {
	d := newDesk(t, func(o *ui.Options) {
		o.AccountLoginRate = ui.Rate{Max: 2, Window: time.Hour}
		o.LoginRate = ui.Rate{Max: 2, Window: time.Hour}
	})
	a := d.agent(t)
	for i := range 5 {
		if r := tryLogin(a, curatorEmail, password); r.status != http.StatusSeeOther {
			t.Fatalf("login %d with the right password: %d, want a login", i+1, r.status)
		}
	}
}
