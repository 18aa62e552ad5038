package ui

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Cookie and form field names.
const (
	sessionCookie = "ivp_sessie"    // the curator's session token
	formCookie    = "ivp_formulier" // random value the public forms' tokens are bound to
	csrfField     = "csrf"          // hidden form field with the CSRF token
	csrfHeader    = "X-CSRF-Token"  // the same token for API calls
)

// Purposes a token is bound to, so one form's token does not fit another.
const (
	purposeSubmit = "indienen"
	purposeLogin  = "inloggen"
	purposeBeheer = "beheer"
	purposeToets  = "kwaliteitstoets"
)

// sign returns the MAC of purpose and value under the handler's secret.
func (h *handler) sign(purpose, value string) string {
	m := hmac.New(sha256.New, h.secret)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// validToken reports in constant time whether token is the MAC of purpose
// and value. An empty value never validates.
func (h *handler) validToken(purpose, value, token string) bool {
	if value == "" || token == "" {
		return false
	}
	return hmac.Equal([]byte(h.sign(purpose, value)), []byte(token))
}

// randomToken returns 32 random bytes, URL-safe base64.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// formToken returns the CSRF token for a public form (purpose submit or
// login): signed double submit. The token is the MAC of a random value
// kept in a cookie, which is set when missing.
func (h *handler) formToken(c *gin.Context, purpose string) string {
	v, err := c.Cookie(formCookie)
	if err != nil || len(v) != 43 {
		v = randomToken()
		h.setCookie(c, formCookie, v, 0)
	}
	return h.sign(purpose, v)
}

// checkFormToken verifies the CSRF token of a public form against its
// cookie.
func (h *handler) checkFormToken(c *gin.Context, purpose, token string) error {
	v, _ := c.Cookie(formCookie)
	if !h.validToken(purpose, v, token) {
		return errCSRF
	}
	return nil
}

// requestToken is the CSRF token the request carries: the header for API
// calls, else the form field.
func (h *handler) requestToken(c *gin.Context) string {
	if t := c.GetHeader(csrfHeader); t != "" {
		return t
	}
	in, err := h.input(c)
	if err != nil {
		return ""
	}
	return in.Get(csrfField)
}

// errCSRF answers a state-changing request without a valid token.
var errCSRF = &httpError{status: http.StatusForbidden, title: "Formulier verlopen",
	msg: "Dit formulier kon niet worden gecontroleerd: het is verlopen of niet via deze website verstuurd. " +
		"Laad de pagina opnieuw en probeer het nog eens."}
