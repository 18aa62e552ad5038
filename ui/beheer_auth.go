package ui

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// Context keys of the logged-in curator.
const (
	userKey  = "ivp.user"
	tokenKey = "ivp.session"
)

// needCuration answers 404 when the curator area is off. It runs first on
// every route of the curator area, the login page included, and keeps
// their answers out of caches (Cache-Control: no-store).
func (h *handler) needCuration(c *gin.Context) {
	noStore(c)
	if h.curation == nil || h.accounts == nil {
		h.fail(c, &httpError{status: http.StatusNotFound, title: "Beheer niet beschikbaar",
			msg: "Het beheergedeelte is op deze server niet ingeschakeld."})
	}
}

// requireCurator lets only a logged-in curator or admin through. Without
// a valid session a page redirects to the login page and the API answers
// 401; an account without a curator role gets 403. A state-changing
// request also needs the session's CSRF token, in the form field csrf or
// the X-CSRF-Token header; without it the answer is 403.
func (h *handler) requireCurator(c *gin.Context) {
	if !h.authenticate(c) {
		return
	}
	if mutates(c.Request) && !h.validToken(purposeBeheer, c.GetString(tokenKey), h.requestToken(c)) {
		h.fail(c, errCSRF)
	}
}

// requireCuratorUpload is requireCurator for the routes that take a file:
// their handler reads the body as a stream with readUpload, whose first
// field must be the CSRF token (checkSessionToken), so no file byte is
// read for a forged request.
func (h *handler) requireCuratorUpload(c *gin.Context) {
	h.authenticate(c)
}

// authenticate finds the session of the request and its user and puts
// them in the context; when there is none, or the user may not curate, it
// answers and reports false.
func (h *handler) authenticate(c *gin.Context) bool {
	token, _ := c.Cookie(sessionCookie)
	var u corpus.User
	err := corpus.ErrNoSession
	if token != "" {
		_, u, err = h.accounts.Session(c.Request.Context(), token)
	}
	switch {
	case errors.Is(err, corpus.ErrNoSession):
		h.loginFirst(c)
		return false
	case err != nil:
		h.fail(c, err)
		return false
	case !u.CanCurate():
		h.fail(c, errNoRole)
		return false
	}
	c.Set(userKey, u)
	c.Set(tokenKey, token)
	return true
}

// requireAdmin lets only admins through; it runs after requireCurator.
func (h *handler) requireAdmin(c *gin.Context) {
	if !h.user(c).IsAdmin() {
		h.fail(c, &httpError{status: http.StatusForbidden, title: "Alleen voor beheerders",
			msg: "Deze pagina is alleen zichtbaar voor beheerders."})
	}
}

var errNoRole = &httpError{status: http.StatusForbidden, title: "Geen toegang",
	msg: "Uw account heeft geen rol waarmee u plannen kunt beoordelen."}

// loginFirst sends a page request to the login page, coming back here
// afterwards, and answers an API request with 401.
func (h *handler) loginFirst(c *gin.Context) {
	if isAPI(c) {
		h.fail(c, &httpError{status: http.StatusUnauthorized, msg: "Niet ingelogd: log in via /beheer/login."})
		return
	}
	target := "/beheer/login"
	if c.Request.Method == http.MethodGet {
		target += "?terug=" + url.QueryEscape(c.Request.URL.RequestURI())
	}
	c.Redirect(http.StatusSeeOther, target)
	c.Abort()
}

// user is the logged-in curator; requireCurator put it there.
func (h *handler) user(c *gin.Context) corpus.User {
	u, _ := c.Get(userKey)
	v, _ := u.(corpus.User)
	return v
}

// sessionCSRF is the CSRF token of the current session.
func (h *handler) sessionCSRF(c *gin.Context) string {
	return h.sign(purposeBeheer, c.GetString(tokenKey))
}

// checkSessionToken checks a CSRF token read from a multipart form.
func (h *handler) checkSessionToken(c *gin.Context) func(string) error {
	return func(token string) error {
		if !h.validToken(purposeBeheer, c.GetString(tokenKey), token) {
			return errCSRF
		}
		return nil
	}
}

// mutates reports whether a request may change state.
func mutates(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// beheerNav is the bar above every curator page.
type beheerNav struct {
	Email   string
	Admin   bool
	CSRF    string
	Current string // queue, documents or audit
}

// beheerLayout is the layout of a curator page.
func (h *handler) beheerLayout(c *gin.Context, title, current string) layoutData {
	l := h.layout(title, false)
	u := h.user(c)
	l.Beheer = &beheerNav{Email: u.Email, Admin: u.IsAdmin(), CSRF: h.sessionCSRF(c), Current: current}
	return l
}
