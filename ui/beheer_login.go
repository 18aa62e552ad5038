package ui

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// loginPage is the view of the login form.
type loginPage struct {
	Layout layoutData
	CSRF   string
	Email  string
	Next   string // where to go after login: a local /beheer path
	Error  string
	Notice string
}

// showLogin shows the login form: GET /beheer/login.
func (h *handler) showLogin(c *gin.Context) {
	p := loginPage{Layout: h.layout("Inloggen", false), CSRF: h.formToken(c, purposeLogin),
		Next: localTarget(c.Query("terug"))}
	if c.Query("uit") == "1" {
		p.Notice = "U bent uitgelogd."
	}
	h.html(c, http.StatusOK, "login", p)
}

// login checks an e-mail and password and starts a session:
// POST /beheer/login. The CSRF token is checked first, so requests not
// sent from the form count for nothing. Only failed password checks are
// limited: per client address, and per e-mail address from that client
// address; a correct password from another address always gets in.
// Afterwards it redirects only to a local /beheer path, never elsewhere.
func (h *handler) login(c *gin.Context) {
	if err := h.checkFormToken(c, purposeLogin, c.PostForm(csrfField)); err != nil {
		h.fail(c, err)
		return
	}
	email := strings.TrimSpace(c.PostForm("email"))
	next := localTarget(c.PostForm("terug"))
	addr := clientKey(c.ClientIP())
	account := strings.ToLower(email) + "\x00" + addr
	if wait, ok := h.loginAllowed(addr, account); !ok {
		c.Header("Retry-After", retryAfter(wait))
		h.loginForm(c, http.StatusTooManyRequests, email, next, "Er is vanaf dit adres te vaak een verkeerd "+
			"wachtwoord opgegeven. Wacht "+wachttijd(wait)+" en probeer het dan opnieuw.")
		return
	}
	u, err := h.accounts.Authenticate(c.Request.Context(), email, c.PostForm("password"))
	if errors.Is(err, corpus.ErrBadCredentials) {
		h.loginLimit.count(addr)
		h.accountLimit.count(account)
		h.loginForm(c, http.StatusUnauthorized, email, next,
			"Dit e-mailadres en wachtwoord horen niet bij een actief account.")
		return
	}
	if err == nil {
		err = h.startSession(c, u)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, next)
}

// loginAllowed reports whether a password may be checked for the client
// address and account key, and otherwise how long until it may.
func (h *handler) loginAllowed(addr, account string) (time.Duration, bool) {
	okAddr, waitAddr := h.loginLimit.check(addr)
	okAccount, waitAccount := h.accountLimit.check(account)
	return max(waitAddr, waitAccount), okAddr && okAccount
}

// loginForm shows the login form again with status and an error.
func (h *handler) loginForm(c *gin.Context, status int, email, next, msg string) {
	h.html(c, status, "login", loginPage{Layout: h.layout("Inloggen", false),
		CSRF: h.formToken(c, purposeLogin), Email: email, Next: next, Error: msg})
}

// startSession ends any session the browser had and starts a new one, so
// a session token planted before login is worthless.
func (h *handler) startSession(c *gin.Context, u corpus.User) error {
	if old, err := c.Cookie(sessionCookie); err == nil && old != "" {
		if err := h.accounts.DeleteSession(c.Request.Context(), old); err != nil {
			return err
		}
	}
	s, err := h.accounts.CreateSession(c.Request.Context(), u.ID, h.opts.SessionTTL)
	if err != nil {
		return err
	}
	h.setCookie(c, sessionCookie, s.Token, h.opts.SessionTTL)
	h.log.Info("curator logged in", "user", u.Email, "client", c.ClientIP())
	return nil
}

// logout ends the session: POST /beheer/uitloggen (requireCurator has
// checked the CSRF token).
func (h *handler) logout(c *gin.Context) {
	if err := h.accounts.DeleteSession(c.Request.Context(), c.GetString(tokenKey)); err != nil {
		h.fail(c, err)
		return
	}
	h.setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/beheer/login?uit=1")
}
