package ui_test

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"

	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// TestHeadAnswersLikeGet asks a real server for the public pages with
// HEAD: the same status and headers as GET, and no body.
func TestHeadAnswersLikeGet(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	defer srv.Close()
	for _, path := range []string{"/", "/?q=cameratoezicht", "/api/v1/search?q=camera", "/healthz"} {
		t.Run(path, func(t *testing.T) {
			get, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(get.Body)
			get.Body.Close()
			head, err := http.Head(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			hb, _ := io.ReadAll(head.Body)
			head.Body.Close()
			if head.StatusCode != get.StatusCode || head.StatusCode != http.StatusOK {
				t.Errorf("HEAD %d, GET %d; want 200 for both", head.StatusCode, get.StatusCode)
			}
			for _, h := range []string{"Content-Type", "Content-Security-Policy", "Cache-Control"} {
				if head.Header.Get(h) != get.Header.Get(h) {
					t.Errorf("%s: HEAD %q, GET %q", h, head.Header.Get(h), get.Header.Get(h))
				}
			}
			if len(hb) != 0 || len(body) == 0 {
				t.Errorf("HEAD body %d bytes, GET body %d; want none and some", len(hb), len(body))
			}
		})
	}
}

// goneClient is the connection of a client that went away after sending
// its request: every write fails as net/http's would.
type goneClient struct{ header http.Header }

func (g *goneClient) Header() http.Header { return g.header }
func (g *goneClient) WriteHeader(int)     {}
func (g *goneClient) Write([]byte) (int, error) {
	return 0, &net.OpError{Op: "write", Net: "tcp", Err: syscall.EPIPE}
}

// TestClientGoneIsNoServerError answers a search to a client that has
// gone: the failed write is no server error in the log.
func TestClientGoneIsNoServerError(t *testing.T) {
	f := newFixture(t)
	var log bytes.Buffer
	h, err := ui.New(ui.Options{Version: "test", Logger: slog.New(slog.NewTextHandler(&log, nil))},
		search.New(f.ix), f.store, f.ix)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/?q=cameratoezicht", "/api/v1/search?q=camera", "/documenten/1"} {
		h.ServeHTTP(&goneClient{header: http.Header{}}, httptest.NewRequest(http.MethodGet, path, nil))
	}
	if strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("a client that went away is logged as a server error:\n%s", log.String())
	}
}
