package ui

import (
	"errors"
	"net/http"
	"strings"

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
// POST /beheer/login. Attempts are limited per client address and per
// e-mail address (429); afterwards it redirects only to a local /beheer
// path, never elsewhere.
func (h *handler) login(c *gin.Context) {
	email := strings.TrimSpace(c.PostForm("email"))
	if !h.allow(c, h.loginLimit, c.ClientIP()) ||
		!h.allow(c, h.accountLimit, strings.ToLower(email)) {
		return
	}
	if err := h.checkFormToken(c, purposeLogin, c.PostForm(csrfField)); err != nil {
		h.fail(c, err)
		return
	}
	next := localTarget(c.PostForm("terug"))
	u, err := h.accounts.Authenticate(c.Request.Context(), email, c.PostForm("password"))
	if errors.Is(err, corpus.ErrBadCredentials) {
		h.html(c, http.StatusUnauthorized, "login", loginPage{Layout: h.layout("Inloggen", false),
			CSRF: h.formToken(c, purposeLogin), Email: email, Next: next,
			Error: "Dit e-mailadres en wachtwoord horen niet bij een actief account."})
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
