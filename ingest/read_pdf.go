package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/ccv/ivp/ingest/pdf"
)

// minLetters is the least text a document must have: fewer letters (per
// page, on average, or in all) mean a scan without a text layer.
const (
	minLetters        = 40
	minLettersPerPage = 15
)

// readPDF reads all pages, cleans them and builds blocks.
func (x *Extractor) readPDF(ctx context.Context, name string, data []byte) (*layout, error) {
	rd, err := pdf.Open(data, x.opts.MaxPages)
	if err != nil {
		return nil, pdfError(name, err)
	}
	if rd.NumPages() == 0 {
		return nil, fail(name, ErrDamaged, errors.New("no pages"))
	}
	doc := &layout{media: mediaPDF}
	var failed []error
	report := progressOf(ctx)
	for i := 1; i <= rd.NumPages(); i++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extract %s: %w", name, err)
		}
		p, err := readPage(rd, i)
		if err != nil {
			failed = append(failed, err)
		}
		doc.pages = append(doc.pages, p)
		report(Progress{Source: name, Page: i, Done: i, Total: rd.NumPages(), Text: true})
	}
	if err := x.readScans(ctx, name, data, rd, doc); err != nil {
		return nil, err
	}
	cover := readCover(doc.pages)
	if err := finishPDF(name, doc, failed); err != nil {
		return nil, x.noTextReason(err, doc)
	}
	if cover.blank {
		doc.title = cover.title(rd.Title(), doc.title)
	}
	return doc, nil
}

// finishPDF cleans the pages read into doc, refuses a document with too
// little text (checkText; failed are the pages that could not be read)
// and finds its title and blocks. Both readPDF and the pdftotext
// fallback end here.
func finishPDF(name string, doc *layout, failed []error) error {
	cleanPages(doc.pages)
	if err := checkText(name, doc, failed); err != nil {
		return err
	}
	doc.title = pdfTitle(doc.pages)
	doc.blocks = buildBlocks(doc.pages)
	return nil
}

// checkText refuses a document with too little text: a scan without a
// text layer, or one whose every page failed.
func checkText(name string, doc *layout, failed []error) error {
	n := doc.letters()
	if n >= minLetters && n >= minLettersPerPage*len(doc.pages) {
		return nil
	}
	if len(failed) == len(doc.pages) {
		return fail(name, ErrPanic, failed[0])
	}
	e := fail(name, ErrNoText, fmt.Errorf("%d letters on %d pages", n, len(doc.pages)))
	e.Pages = len(doc.pages)
	return e
}

// readPage reads one page; a panic in it loses that page only.
func readPage(rd *pdf.Reader, n int) (p page, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = page{number: n}, fmt.Errorf("page %d: %w: %v", n, ErrPanic, r)
		}
	}()
	pp, err := rd.Page(n)
	p = page{number: n, width: pp.Width, height: pp.Height}
	for _, l := range pp.Lines {
		t := normalizeLine(l.Text)
		if t == "" {
			continue
		}
		p.lines = append(p.lines, line{text: t, x: l.X, w: l.W, y: l.Y, size: l.Size, bold: l.Bold, col: l.Col})
	}
	return p, err
}

// noTextReason says, for a file refused for want of text, whether OCR
// read it and found nothing, or why OCR is off.
func (x *Extractor) noTextReason(err error, doc *layout) error {
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrNoText) {
		return err
	}
	switch {
	case len(doc.ocr) > 0:
		e.Reason = "geen tekstlaag, en OCR vond geen leesbare tekst"
		if note := doc.ocr[0].Note; note != "" && note != noteNoText {
			e.Reason += " (" + note + ")"
		}
	case !x.opts.OCR.on() && x.opts.OCR.Off != "":
		e.Reason += "; " + x.opts.OCR.Off
	}
	return e
}

// pdfError maps an error of pdf.Open to an *Error.
func pdfError(name string, err error) *Error {
	switch {
	case errors.Is(err, pdf.ErrEncrypted):
		return fail(name, ErrEncrypted, err)
	case errors.Is(err, pdf.ErrTooManyPages):
		return fail(name, ErrTooManyPages, err)
	case errors.Is(err, pdf.ErrPanic):
		return fail(name, ErrPanic, err)
	}
	return fail(name, ErrDamaged, err)
}
