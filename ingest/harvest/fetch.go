package harvest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// maxRedirects is how many redirects one fetch follows.
const maxRedirects = 5

// page is one fetched page or document.
type page struct {
	URL         *url.URL // where it was found, after redirects
	Status      int
	Header      http.Header
	Body        []byte
	NotModified bool // the server answered 304 to a conditional request
}

// validators are what a conditional request sends back.
type validators struct{ etag, lastModified string }

// fetcher gets pages politely: paced per host, limited in size and time,
// following redirects itself so that every hop is checked and paced.
type fetcher struct {
	opts   Options
	client *http.Client
	pace   *pacer
	allow  map[string]bool
}

func newFetcher(o Options) *fetcher {
	allow := map[string]bool{}
	for _, a := range o.AllowAddrs {
		allow[a] = true
	}
	d := &net.Dialer{Timeout: 10 * time.Second, Control: dialControl(allow)}
	tr := &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 2, IdleConnTimeout: 30 * time.Second}
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	return &fetcher{opts: o, client: client, pace: newPacer(o.HostInterval), allow: allow}
}

// dialControl refuses to connect to an address that is not public
// (loopback, private, link-local), unless it is allowed. It checks the
// address actually dialled, so a name that resolves inward is caught too.
func dialControl(allow map[string]bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		if allow[address] {
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || !publicIP(ip) {
			return &privateError{addr: address}
		}
		return nil
	}
}

func publicIP(ip net.IP) bool { return ip.IsGlobalUnicast() && !ip.IsPrivate() }

// get fetches u, following redirects. With v set the request is
// conditional. Failures come back as *Failure with a Dutch reason.
func (f *fetcher) get(ctx context.Context, u *url.URL, v validators) (*page, error) {
	for hop := 0; ; hop++ {
		p, next, err := f.hop(ctx, u, v)
		if err != nil || next == nil {
			return p, err
		}
		if hop+1 >= maxRedirects {
			return nil, fail(errors.New("too many redirects"), "Te veel doorverwijzingen (meer dan %d).", maxRedirects)
		}
		u = next
	}
}

// hop makes one request: it returns the page, or where a redirect
// points.
func (f *fetcher) hop(ctx context.Context, u *url.URL, v validators) (*page, *url.URL, error) {
	if err := f.pace.wait(ctx, u.Host); err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.DocumentTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fail(err, "Ongeldig adres: %s.", u)
	}
	req.Header.Set("User-Agent", f.opts.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1")
	if v.etag != "" {
		req.Header.Set("If-None-Match", v.etag)
	}
	if v.lastModified != "" {
		req.Header.Set("If-Modified-Since", v.lastModified)
	}
	resp, err := f.client.Do(req)
	f.pace.release(u.Host)
	if err != nil {
		return nil, nil, f.netFailure(err)
	}
	defer resp.Body.Close()
	if isRedirect(resp.StatusCode) {
		next, err := f.redirect(u, resp)
		return nil, next, err
	}
	p, err := f.read(resp, u)
	return p, nil, err
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// redirect checks where a redirect points: http(s) only, and an address
// given as an IP must be public (names are checked when dialled).
func (f *fetcher) redirect(from *url.URL, resp *http.Response) (*url.URL, error) {
	loc, err := from.Parse(resp.Header.Get("Location"))
	if err != nil || loc.Host == "" {
		return nil, fail(err, "Doorverwijzing zonder geldig adres.")
	}
	if loc.Scheme != "http" && loc.Scheme != "https" {
		return nil, fail(errors.New("redirect scheme"), "Doorverwijzing naar %q geweigerd: alleen http en https worden gevolgd.", loc.Scheme)
	}
	loc.Fragment = ""
	if ip := net.ParseIP(loc.Hostname()); ip != nil && !publicIP(ip) && !f.allow[loc.Host] {
		return nil, fail(&privateError{addr: loc.Host},
			"Doorverwijzing naar %s geweigerd: dat adres is niet openbaar.", loc.Host)
	}
	return loc, nil
}

// read reads the answer up to the size limit, refusing a larger one as
// soon as its Content-Length or its bytes show it.
func (f *fetcher) read(resp *http.Response, u *url.URL) (*page, error) {
	p := &page{URL: u, Status: resp.StatusCode, Header: resp.Header}
	if resp.StatusCode == http.StatusNotModified {
		p.NotModified = true
		return p, nil
	}
	max := f.opts.MaxDocumentSize
	if resp.ContentLength > max {
		return nil, tooLarge(max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, f.netFailure(err)
	}
	if int64(len(body)) > max {
		return nil, tooLarge(max)
	}
	p.Body = body
	return p, nil
}

func tooLarge(max int64) *Failure {
	if max >= 1<<20 {
		return fail(errors.New("too large"), "Het bestand is groter dan %d MB en is niet gelezen.", max>>20)
	}
	return fail(errors.New("too large"), "Het bestand is groter dan %d bytes en is niet gelezen.", max)
}

// netFailure gives a failed connection or transfer its Dutch reason.
func (f *fetcher) netFailure(err error) error {
	var pe *privateError
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &pe):
		return fail(err, "Het adres %s is niet openbaar en wordt niet opgehaald.", pe.addr)
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fail(err, "De server antwoordde niet binnen %s.", f.opts.DocumentTimeout)
	}
	return fail(err, "De server is niet bereikbaar.")
}

// privateError refuses a connection to an address that is not public.
type privateError struct{ addr string }

func (e *privateError) Error() string { return e.addr + ": address not public" }

// Failure is why a page or document was not taken, with the reason in
// Dutch for the curator.
type Failure struct {
	Reason string
	Err    error
}

func (e *Failure) Error() string { return e.Reason }

// Unwrap returns the underlying error.
func (e *Failure) Unwrap() error { return e.Err }

func fail(err error, format string, args ...any) *Failure {
	if err == nil {
		err = errors.New("harvest")
	}
	return &Failure{Reason: fmt.Sprintf(format, args...), Err: err}
}

// reasonOf is the Dutch reason of err.
func reasonOf(err error) string {
	var f *Failure
	if errors.As(err, &f) {
		return f.Reason
	}
	return err.Error()
}
