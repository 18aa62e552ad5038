package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"github.com/ccv/ivp/corpus"
)

// errPrivateAddress refuses a fetch that would reach the server's own
// network.
var errPrivateAddress = errors.New("address not public")

// fetchClient is the HTTP client of URL submissions: bounded in time and
// redirects, and unless allowed, unable to connect to loopback, private
// or link-local addresses (checked on the address actually dialled, so a
// name that resolves inward is caught too).
func fetchClient(o CuratorOptions) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second}
	if !o.AllowPrivateFetch {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip := net.ParseIP(host)
			if ip == nil || !ip.IsGlobalUnicast() || ip.IsPrivate() {
				return fmt.Errorf("%s: %w", host, errPrivateAddress)
			}
			return nil
		}
	}
	tr := &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: 10 * time.Second,
		ResponseHeaderTimeout: o.FetchTimeout}
	return &http.Client{Transport: tr, Timeout: o.FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			return nil
		}}
}

// fetch reads the HTML page at raw for a URL submission.
func (c *Curator) fetch(ctx context.Context, raw string) ([]byte, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fieldErr(corpus.FieldURL, "Vul een volledig webadres in, beginnend met https://.")
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fieldErr(corpus.FieldURL, "Vul een volledig webadres in, beginnend met https://.")
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	req.Header.Set("User-Agent", "ivp-indienen/1")
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, fetchError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fieldErr(corpus.FieldURL, fmt.Sprintf("De pagina kon niet worden opgehaald (status %d).", resp.StatusCode))
	}
	if resp.ContentLength > c.opts.MaxUploadSize {
		return nil, tooLarge(corpus.FieldURL, c.opts.MaxUploadSize)
	}
	if !htmlContentType(resp.Header.Get("Content-Type")) {
		return nil, notHTML()
	}
	return c.readPage(resp.Body)
}

// readPage reads a fetched page up to the size limit and checks by its
// content that it is HTML.
func (c *Curator) readPage(body io.Reader) ([]byte, error) {
	head := make([]byte, 1024)
	n, err := io.ReadFull(body, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fetchError(err)
	}
	if sniff(head[:n]) != mediaHTML {
		return nil, notHTML()
	}
	data, err := c.readRest(head[:n], body, corpus.FieldURL)
	var fe *corpus.FieldError
	if err != nil && !errors.As(err, &fe) {
		return nil, fetchError(err)
	}
	return data, err
}

// htmlContentType accepts a missing type (the content is sniffed) and the
// HTML types.
func htmlContentType(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

func notHTML() *corpus.FieldError {
	return &corpus.FieldError{Field: corpus.FieldURL, Err: corpus.ErrUnsupportedType,
		Msg: "Het adres geeft geen HTML-pagina; upload een PDF als bestand."}
}

func fetchError(err error) *corpus.FieldError {
	msg := "De pagina kon niet worden opgehaald."
	var ne net.Error
	switch {
	case errors.Is(err, errPrivateAddress):
		msg = "Dit adres is niet van buitenaf bereikbaar."
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		msg = "De pagina reageerde niet op tijd."
	}
	return &corpus.FieldError{Field: corpus.FieldURL, Msg: msg, Err: fmt.Errorf("%w: %v", corpus.ErrInvalid, err)}
}
