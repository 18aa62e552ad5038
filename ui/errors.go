package ui

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// httpError is an error with the status and the Dutch text users see.
type httpError struct {
	status int
	title  string // page heading; empty means the default for the status
	msg    string // explanation for users
	err    error  // cause, logged but never shown; may be nil
	// retryAfter, when set, is sent as Retry-After: when to try again.
	retryAfter time.Duration
}

func (e *httpError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("%d %s: %v", e.status, e.msg, e.err)
	}
	return fmt.Sprintf("%d %s", e.status, e.msg)
}

func (e *httpError) Unwrap() error { return e.err }

// badRequest is a 400 with a Dutch message about the request, written as
// a sentence.
func badRequest(msg string) *httpError {
	msg = capitalize(strings.TrimSpace(msg))
	if msg != "" && !strings.ContainsAny(msg[len(msg)-1:], ".!?") {
		msg += "."
	}
	return &httpError{status: http.StatusBadRequest, msg: msg}
}

// fail hands err to the error middleware and stops the handler chain.
func (h *handler) fail(c *gin.Context, err error) {
	_ = c.Error(err)
	c.Abort()
}

// handleErrors is the one error middleware: it turns panics and errors
// recorded with fail into a logged error and a Dutch answer.
func (h *handler) handleErrors(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			h.log.Error("panic", "path", c.Request.URL.Path, "panic", r, "stack", string(debug.Stack()))
			h.answerError(c, &httpError{status: http.StatusInternalServerError, err: fmt.Errorf("panic: %v", r)})
		}
	}()
	c.Next()
	if len(c.Errors) == 0 {
		return
	}
	h.answerError(c, classify(c.Errors.Last().Err))
}

// classify maps any error to the status and text users see.
func classify(err error) *httpError {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, corpus.ErrNotFound):
		return &httpError{status: http.StatusNotFound, err: err}
	case errors.Is(err, corpus.ErrForbidden):
		return &httpError{status: http.StatusForbidden, err: err}
	case errors.Is(err, corpus.ErrWrongStatus):
		return &httpError{status: http.StatusConflict, err: err}
	case errors.Is(err, corpus.ErrTooLarge):
		return &httpError{status: http.StatusRequestEntityTooLarge, err: err}
	case errors.Is(err, corpus.ErrUnsupportedType):
		return &httpError{status: http.StatusUnsupportedMediaType, err: err}
	case errors.Is(err, corpus.ErrInvalid):
		return &httpError{status: http.StatusUnprocessableEntity, err: err, msg: fieldMessages(err)}
	case errors.Is(err, context.Canceled), connectionLost(err):
		return &httpError{status: statusClientGone, err: err}
	case errors.Is(err, context.DeadlineExceeded):
		return &httpError{status: http.StatusServiceUnavailable, err: err,
			msg: "Het zoeken duurde te lang. Probeer het over een ogenblik opnieuw of maak de zoekvraag specifieker."}
	}
	return &httpError{status: http.StatusInternalServerError, err: err}
}

// statusClientGone marks a request whose client went away before it was
// answered (nginx's 499): nothing is written and it is no server error.
const statusClientGone = 499

// connectionLost reports whether err is the client's connection failing
// under a write: closed, reset, or too slow to take the answer.
func connectionLost(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, os.ErrDeadlineExceeded)
}

// answerError logs e once and writes the error page or JSON error. When the
// client has gone (the request's context is cancelled when its connection
// closes) whatever failed is logged as that, not as a server error.
func (h *handler) answerError(c *gin.Context, e *httpError) {
	if e.status >= 500 && c.Request.Context().Err() != nil {
		e = &httpError{status: statusClientGone, err: e}
	}
	level := slog.LevelDebug
	if e.status >= 500 {
		level = slog.LevelError
	}
	h.log.Log(c.Request.Context(), level, "request failed", "method", c.Request.Method,
		"path", c.Request.URL.Path, "status", e.status, "error", e.Error())
	if c.Writer.Written() || e.status == statusClientGone {
		return
	}
	if e.retryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(int(e.retryAfter.Round(time.Second)/time.Second)))
	}
	title, msg := describe(e)
	if isAPI(c) {
		c.AbortWithStatusJSON(e.status, apiError{Error: msg})
		return
	}
	page := errorPage{Layout: h.layout(title, true), Status: e.status, Title: title, Message: msg}
	body, err := h.views.render("error", page)
	if err != nil {
		h.log.Error("render error page", "error", err)
		c.String(e.status, "%s\n\n%s\n", title, msg)
		return
	}
	writeHTML(c, e.status, body)
}

// apiError is the body of every JSON error.
type apiError struct {
	Error string `json:"error"`
}

// errorPage is the view of the error page.
type errorPage struct {
	Layout  layoutData
	Status  int
	Title   string
	Message string
}

// statusTexts are the heading and explanation of an error page per
// status, where the error gives none of its own.
var statusTexts = map[int]struct{ title, msg string }{
	http.StatusNotFound:              {"Niet gevonden", "Wat u zoekt bestaat niet (meer)."},
	http.StatusBadRequest:            {"Ongeldige zoekopdracht", "De zoekopdracht kon niet worden gelezen."},
	http.StatusUnauthorized:          {"Niet ingelogd", "Log in om deze pagina te gebruiken."},
	http.StatusForbidden:             {"Geen toegang", "U heeft geen toegang tot deze pagina of handeling."},
	http.StatusConflict:              {"Niet mogelijk", "Deze handeling past niet bij de huidige status van het document. Laad de pagina opnieuw."},
	http.StatusRequestEntityTooLarge: {"Bestand te groot", "Het bestand is groter dan is toegestaan."},
	http.StatusUnsupportedMediaType:  {"Bestandstype niet ondersteund", "Alleen PDF-bestanden en HTML-pagina's worden aangenomen."},
	http.StatusUnprocessableEntity:   {"Gegevens niet in orde", "Niet alle gegevens zijn goed ingevuld."},
	http.StatusTooManyRequests:       {"Te veel verzoeken", "U heeft dit te vaak achter elkaar geprobeerd. Wacht even en probeer het dan opnieuw."},
	http.StatusServiceUnavailable:    {"Tijdelijk niet beschikbaar", "De zoekdienst is tijdelijk niet beschikbaar. Probeer het over een ogenblik opnieuw."},
}

// describe returns the heading and explanation shown for e.
func describe(e *httpError) (title, msg string) {
	d, ok := statusTexts[e.status]
	if !ok {
		d.title, d.msg = "Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het probleem, neem dan contact op met de beheerder."
	}
	return orDefault(e.title, d.title), orDefault(e.msg, d.msg)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fieldMessages joins the Dutch messages of the field errors in err.
func fieldMessages(err error) string {
	var msgs []string
	for _, fe := range corpus.FieldErrorsOf(err) {
		msgs = append(msgs, fe.Msg)
	}
	return strings.Join(msgs, " ")
}

// fieldMap maps the form field of each field error in err to its Dutch
// message; of two errors for one field the later wins.
func fieldMap(err error) map[string]string {
	out := map[string]string{}
	for _, fe := range corpus.FieldErrorsOf(err) {
		out[fe.Field] = fe.Msg
	}
	return out
}

// isAPI reports whether the request is for the JSON API.
func isAPI(c *gin.Context) bool {
	return strings.HasPrefix(c.Request.URL.Path, "/api/")
}
