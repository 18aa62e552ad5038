package ui

import (
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// withTransferDefaults fills the zero timeouts and the extraction bound.
func (o Options) withTransferDefaults() Options {
	if o.WriteTimeout == 0 {
		o.WriteTimeout = 3 * time.Minute
	}
	if o.TransferTimeout == 0 {
		o.TransferTimeout = 10 * time.Minute
	}
	if o.StallTimeout == 0 {
		o.StallTimeout = 30 * time.Second
	}
	return o
}

// The server's timeouts (set in cmd) are one size for every request: its
// ReadTimeout bounds a request's arrival, its WriteTimeout the answer. Two
// kinds of request need other deadlines, which a handler sets on its own
// connection through http.ResponseController:
//   - once a request has arrived, its handler has WriteTimeout to answer;
//     the read deadline must move with it, or the server's background read
//     (which watches for the client going away) hits the old one and
//     cancels the request's context in the middle of a slow search;
//   - an upload may take TransferTimeout to arrive, as long as it never
//     stalls for StallTimeout, and a large original file TransferTimeout to
//     be sent.
// Without a connection (a test recorder) the deadlines are not set.

// answerIn gives the handler of c d from now to answer, reading nothing more.
func answerIn(c *gin.Context, d time.Duration) {
	at := time.Now().Add(d)
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetReadDeadline(at)
	_ = rc.SetWriteDeadline(at)
}

// answerDeadline is the middleware that moves the read deadline out to the
// answer's once the request has arrived: at once for a request without a
// body, else when its body has been read to the end.
func (h *handler) answerDeadline(c *gin.Context) {
	if c.Request.Body == nil || c.Request.Body == http.NoBody {
		answerIn(c, h.opts.WriteTimeout)
	} else {
		c.Request.Body = &onEOF{ReadCloser: c.Request.Body, f: func() { answerIn(c, h.opts.WriteTimeout) }}
	}
	c.Next()
}

// longTransfer is the middleware of routes that send large files: the
// answer may take TransferTimeout.
func (h *handler) longTransfer(c *gin.Context) {
	answerIn(c, h.opts.TransferTimeout)
	c.Next()
}

// onEOF calls f once, when the body it wraps has been read to its end.
type onEOF struct {
	io.ReadCloser
	f    func()
	done bool
}

func (b *onEOF) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if errors.Is(err, io.EOF) && !b.done {
		b.done = true
		b.f()
	}
	return n, err
}

// uploadDeadlines lets the body of an upload arrive for up to
// TransferTimeout, provided it never stalls for StallTimeout, and leaves
// room for the answer after that. arrived gives the handler WriteTimeout
// from the end of the upload.
func (h *handler) uploadDeadlines(c *gin.Context) (arrived func()) {
	end := time.Now().Add(h.opts.TransferTimeout)
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetWriteDeadline(end.Add(h.opts.WriteTimeout))
	c.Request.Body = &stallBody{ReadCloser: c.Request.Body, rc: rc, stall: h.opts.StallTimeout, end: end}
	return func() { answerIn(c, h.opts.WriteTimeout) }
}

// stallBody moves the read deadline before each read: the next bytes must
// come within stall, and all of them before end.
type stallBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	stall time.Duration
	end   time.Time
}

func (b *stallBody) Read(p []byte) (int, error) {
	next := time.Now().Add(b.stall)
	if next.After(b.end) {
		next = b.end
	}
	_ = b.rc.SetReadDeadline(next)
	return b.ReadCloser.Read(p)
}
