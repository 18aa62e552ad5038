package harvest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// source harvests one source and records in the store what it found.
func (r *run) source(ctx context.Context, src corpus.HarvestSource) error {
	r.src, r.found = src, 0
	r.sum.Sources++
	reason, err := r.listing(ctx, src)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if reason != "" {
		r.failSource(src, reason)
	}
	return r.h.store.RecordHarvestRun(ctx, src.ID, r.found, reason)
}

// listing fetches the source's page and follows the links its selector
// picks. It returns why the source failed, "" when it did not; err only
// when the store failed.
func (r *run) listing(ctx context.Context, src corpus.HarvestSource) (string, error) {
	u, err := url.Parse(src.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "Het adres van de bron is geen volledig webadres.", nil
	}
	doc, reason := r.page(ctx, u)
	if reason != "" {
		return reason, nil
	}
	r.seen[u.String()] = true
	links := findLinks(doc, src.Selector)
	if len(links) == 0 {
		return fmt.Sprintf("De selector %q vindt geen links op de pagina.", src.Selector), nil
	}
	return r.followAll(ctx, links, 1)
}

// page fetches a page that must be an HTML page as asked for, not an
// error or login page; it returns the reason when it is not.
func (r *run) page(ctx context.Context, u *url.URL) (*goquery.Document, string) {
	if reason, err := r.forbidden(ctx, u); err != nil || reason != "" {
		if err != nil {
			return nil, reasonOf(err)
		}
		return nil, reason
	}
	p, err := r.h.fetch.get(ctx, u, validators{})
	if err != nil {
		return nil, reasonOf(err)
	}
	if p.Status != http.StatusOK {
		return nil, statusReason(p.Status)
	}
	if kindOf(p) != kindHTML {
		return nil, "De pagina is geen HTML-pagina."
	}
	doc, err := parsePage(p)
	if err != nil {
		return nil, reasonOf(err)
	}
	if problem := pageProblem(doc); problem != "" {
		return nil, problem
	}
	return doc, ""
}

func statusReason(code int) string {
	return fmt.Sprintf("De server antwoordde met status %d (%s).", code, http.StatusText(code))
}

// forbidden says why robots.txt forbids u ("" when it allows it); err
// when the site cannot be reached.
func (r *run) forbidden(ctx context.Context, u *url.URL) (string, error) {
	rb, err := r.robotsFor(ctx, u)
	if err != nil {
		return "", err
	}
	if rb.allowed(u) {
		return "", nil
	}
	return fmt.Sprintf("robots.txt van %s staat het ophalen van dit adres niet toe.", u.Host), nil
}

// followAll follows the links not seen before in this run. It returns a
// note when the source's link limit stopped it, and err when the store
// failed.
func (r *run) followAll(ctx context.Context, links []link, level int) (string, error) {
	var fresh []link
	for _, l := range links {
		if !r.seen[l.URL.String()] {
			r.seen[l.URL.String()] = true
			fresh = append(fresh, l)
		}
	}
	r.total += len(fresh)
	for _, l := range fresh {
		if r.found >= r.h.opts.MaxLinks {
			return fmt.Sprintf("Na %d links gestopt (de grens per bron); de rest volgt bij een volgende run.", r.h.opts.MaxLinks), nil
		}
		if ctx.Err() != nil {
			return "", nil
		}
		r.found++
		if err := r.follow(ctx, l, level); err != nil {
			return "", fmt.Errorf("harvest %s: %w", l.URL, err)
		}
	}
	return "", nil
}

// follow fetches one link: a PDF or HTML document is stored, and an HTML
// page above the source's depth on which the selector finds links is a
// further listing (the next page of results, a page about one plan).
func (r *run) follow(ctx context.Context, l link, level int) error {
	res := Result{URL: l.URL.String(), Listing: l.Listing, Title: l.Title}
	if reason, err := r.forbidden(ctx, l.URL); err != nil || reason != "" {
		res.Status, res.Reason = StatusSkipped, reason
		if err != nil {
			res.Status, res.Reason = StatusFailed, reasonOf(err)
		}
		r.emit(res)
		return nil
	}
	prev, err := r.h.store.LatestHarvest(ctx, res.URL)
	known := err == nil
	if err != nil && !errors.Is(err, corpus.ErrNotFound) {
		return err
	}
	p, err := r.h.fetch.get(ctx, l.URL, validators{prev.ETag, prev.LastModified})
	switch {
	case err != nil:
		res.Status, res.Reason = StatusFailed, reasonOf(err)
	case p.NotModified && known:
		res.Status, res.DocumentID, res.Reason = StatusUnchanged, prev.DocumentID, "De server meldt: niet gewijzigd."
	case p.Status != http.StatusOK:
		res.Status, res.Reason = StatusFailed, statusReason(p.Status)
	default:
		return r.fetched(ctx, l, p, level, prev, known)
	}
	r.emit(res)
	return nil
}

// fetched handles a document or page that answered 200.
func (r *run) fetched(ctx context.Context, l link, p *page, level int, prev corpus.Harvest, known bool) error {
	res := Result{URL: l.URL.String(), Listing: l.Listing, Title: l.Title}
	switch kindOf(p) {
	case kindPDF:
		return r.document(ctx, l, p, prev, known)
	case kindHTML:
		doc, err := parsePage(p)
		if err != nil {
			res.Status, res.Reason = StatusFailed, reasonOf(err)
			break
		}
		if problem := pageProblem(doc); problem != "" {
			res.Status, res.Reason = StatusFailed, problem
			break
		}
		if level < r.src.Depth {
			if links := findLinks(doc, r.src.Selector); r.unseen(links) > 0 {
				r.done++ // a further listing, not a document
				_, err := r.followAll(ctx, links, level+1)
				return err
			}
		}
		return r.document(ctx, l, p, prev, known)
	default:
		res.Status, res.Reason = StatusSkipped, "Geen PDF- of HTML-document ("+p.Header.Get("Content-Type")+")."
	}
	r.emit(res)
	return nil
}

func (r *run) unseen(links []link) int {
	n := 0
	for _, l := range links {
		if !r.seen[l.URL.String()] {
			n++
		}
	}
	return n
}

// document stores a fetched document for review, unless the store holds
// its file already.
func (r *run) document(ctx context.Context, l link, p *page, prev corpus.Harvest, known bool) error {
	res := Result{URL: l.URL.String(), Listing: l.Listing, Title: l.Title}
	sha := corpus.Digest(p.Body)
	etag, lastMod := p.Header.Get("ETag"), p.Header.Get("Last-Modified")
	if known && prev.SHA256 == sha {
		res.Status, res.DocumentID = StatusUnchanged, prev.DocumentID
		r.emit(res)
		return r.h.store.SetHarvestValidators(ctx, prev.DocumentID, etag, lastMod)
	}
	if id, err := r.h.store.IDBySHA256(ctx, sha); err == nil {
		res.Status, res.DocumentID = StatusUnchanged, id
		res.Reason = fmt.Sprintf("Hetzelfde bestand staat al in de databank als document %d.", id)
		r.emit(res)
		return nil
	}
	ex, err := r.h.p.Prepare(ctx, res.URL, p.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		res.Status, res.Reason = StatusFailed, "Het document kon niet worden gelezen: "+extractReason(err)+"."
		r.emit(res)
		return nil
	}
	h := corpus.Harvest{URL: res.URL, Listing: l.Listing, SourceID: r.src.ID, Title: l.Title, Date: l.Date,
		ETag: etag, LastModified: lastMod}
	res.Status = StatusNew
	if known {
		h.PreviousID, res.PreviousID, res.Status = prev.DocumentID, prev.DocumentID, StatusChanged
	}
	res.DocumentID, err = r.h.store.AddHarvested(ctx, ex.Document, ex.Passages, p.Body, h)
	if errors.Is(err, corpus.ErrDuplicate) { // stored meanwhile by a submission
		res.Status, res.Reason = StatusUnchanged, "Hetzelfde bestand staat al in de databank."
		err = nil
	}
	if err != nil {
		return err
	}
	r.emit(res)
	return nil
}

type kind int

const (
	kindOther kind = iota
	kindPDF
	kindHTML
)

// kindOf tells a PDF or an HTML page by its first bytes, as extraction
// will; the Content-Type only helps with HTML that sniffing misses.
func kindOf(p *page) kind {
	head := bytes.TrimLeft(p.Body[:min(len(p.Body), 1024)], " \t\r\n\ufeff")
	if bytes.HasPrefix(head, []byte("%PDF-")) {
		return kindPDF
	}
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(head))
	ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
	if mt == "text/html" || ((ct == "text/html" || ct == "application/xhtml+xml") && mt == "text/plain") {
		return kindHTML
	}
	return kindOther
}
