package ingest

import (
	"context"
	"errors"
	"math"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/ocr"
	"github.com/ccv/ivp/ingest/pdf"
)

// A page read by OCR whose words are on average less sure than
// minPageConf, or that has fewer than minPageWords, is taken to hold no
// text: noise, a photo, a drawing.
const (
	minPageConf  = 55
	minPageWords = 3
)

// Notes of a page that OCR left without text, shown to curators.
const (
	noteTooLarge = "pagina of afbeelding te groot voor OCR"
	noteTimeout  = "OCR van deze pagina duurde te lang"
	noteFailed   = "OCR-programma faalde op deze pagina"
	noteNoText   = "geen leesbare tekst gevonden"
)

// engine is the OCR engine the options describe.
func (x *Extractor) engine() ocr.Engine {
	o := x.opts.OCR
	return ocr.Engine{Pdftoppm: o.Pdftoppm, Tesseract: o.Tesseract, DPI: o.DPI}
}

// readPage reads page p of the PDF at path by OCR, within
// OCR.PageTimeout. It returns the page with the lines read, or as it was
// with a note saying why not.
func (x *Extractor) readPage(ctx context.Context, path string, p page, images []pdf.Image) (page, corpus.OCRPage) {
	info := corpus.OCRPage{Page: p.number}
	eng := x.engine()
	if p.number == x.opts.OCR.Reread {
		eng.DPI, eng.Careful = RereadDPI, true
	}
	for _, im := range images {
		if eng.CheckImage(im.Width, im.Height) != nil {
			info.Note = noteTooLarge
			return p, info
		}
	}
	pctx, cancel := context.WithTimeout(ctx, x.opts.OCR.PageTimeout)
	defer cancel()
	r, err := eng.Read(pctx, path, p.number, p.width, p.height)
	if err != nil {
		info.Note = pageNote(err, pctx)
		return p, info
	}
	info.Confidence, info.Words, info.Rotation = math.Round(r.Confidence*10)/10, r.Words, r.Rotation
	if r.Confidence < minPageConf || r.Words < minPageWords {
		info.Note = noteNoText
		return p, info
	}
	return ocrPage(p.number, r), info
}

// pageNote says why OCR of a page failed.
func pageNote(err error, pctx context.Context) string {
	switch {
	case errors.Is(err, ocr.ErrTooLarge):
		return noteTooLarge
	case pctx.Err() != nil:
		return noteTimeout
	}
	return noteFailed
}

// ocrPage turns what OCR read into a page of lines, as the text layer
// would have given them. Lines that start right of the middle of the page
// are taken to be a second column.
func ocrPage(n int, r ocr.Page) page {
	p := page{number: n, width: r.Width, height: r.Height}
	for _, l := range r.Lines {
		t := normalizeLine(l.Text)
		if t == "" {
			continue
		}
		col := 0
		if l.X >= 0.45*r.Width {
			col = 1
		}
		p.lines = append(p.lines, line{text: t, x: l.X, w: l.W, y: l.Y, size: l.Size, col: col})
	}
	return p
}

// OCRVersion is appended to ExtractorVersion for a document with pages
// read by OCR.
const OCRVersion = "+ocr"

// markOCR records the pages read by OCR in the document and marks the
// passages that hold text from one of them.
func markOCR(ex *Extracted, pages []corpus.OCRPage) {
	if len(pages) == 0 {
		return
	}
	ex.Document.OCR = pages
	read := map[int]bool{}
	for _, p := range pages {
		read[p.Page] = p.Note == ""
	}
	for i, ps := range ex.Passages {
		for n := ps.PageFrom; n <= ps.PageTo; n++ {
			if read[n] {
				ex.Passages[i].OCR = true
				break
			}
		}
	}
	if len(ex.Document.OCRPageNumbers()) > 0 {
		ex.Document.ExtractorVersion += OCRVersion
	}
}
