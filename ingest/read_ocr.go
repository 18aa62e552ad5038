package ingest

import (
	"context"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/ccv/ivp/ingest/pdf"
)

// minScanPixels is the least size of the largest image on a page without
// text for the page to count as a scan: a logo alone is not worth OCR.
const minScanPixels = 200_000

// scan is a page without a text layer that OCR is to read.
type scan struct {
	index  int // in layout.pages
	images []pdf.Image
}

// readScans reads the pages of doc that have no text layer but an image
// by OCR, when it is on, page by page, replacing what little text they
// had. A file with more such pages than OCR.MaxPages is refused, unless
// its text layer is enough without them; then they are left as they are.
func (x *Extractor) readScans(ctx context.Context, name string, data []byte, rd *pdf.Reader, doc *layout) error {
	o := x.opts.OCR
	if !o.on() {
		return nil
	}
	scans := findScans(rd, doc)
	switch {
	case len(scans) == 0:
		return nil
	case len(scans) > o.MaxPages && enoughText(doc):
		return nil
	case len(scans) > o.MaxPages:
		e := fail(name, ErrOCRPages, fmt.Errorf("%d pages need OCR, at most %d", len(scans), o.MaxPages))
		e.Reason = fmt.Sprintf("%s: %d (ten hoogste %d)", e.Reason, len(scans), o.MaxPages)
		e.Pages = len(doc.pages)
		return e
	}
	path, err := tempPDF(data)
	if err != nil {
		return fmt.Errorf("extract %s: ocr: %w", name, err)
	}
	defer os.Remove(path)
	return x.readPages(ctx, name, path, scans, doc)
}

// findScans returns the pages with too few letters to have a text layer
// that draw an image of some size.
func findScans(rd *pdf.Reader, doc *layout) []scan {
	var out []scan
	for i, p := range doc.pages {
		if pageLetters(p) >= minLettersPerPage {
			continue
		}
		imgs, err := rd.Images(p.number)
		if err != nil {
			continue
		}
		for _, im := range imgs {
			if int64(im.Width)*int64(im.Height) >= minScanPixels {
				out = append(out, scan{index: i, images: imgs})
				break
			}
		}
	}
	return out
}

// enoughText reports whether doc's text layer passes checkText as it is.
func enoughText(doc *layout) bool {
	n := doc.letters()
	return n >= minLetters && n >= minLettersPerPage*len(doc.pages)
}

// tempPDF writes data to a temporary file for pdftoppm, which reads
// files only.
func tempPDF(data []byte) (string, error) {
	f, err := os.CreateTemp("", "ivp-ocr-*.pdf")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// readPages reads scans by OCR, OCR.Jobs at a time, reporting progress
// under ctx, and puts what they hold into doc. Cancelling ctx (the file's
// time limit) stops them all.
func (x *Extractor) readPages(ctx context.Context, name, path string, scans []scan, doc *layout) error {
	report := progressOf(ctx)
	report(Progress{Source: name, Total: len(scans)})
	jobs := make(chan scan)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(x.opts.OCR.Jobs, len(scans)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				p, info := x.readPage(ctx, path, doc.pages[s.index], s.images)
				mu.Lock()
				doc.pages[s.index], doc.ocr = p, append(doc.ocr, info)
				report(Progress{Source: name, Page: info.Page, Done: len(doc.ocr), Total: len(scans)})
				mu.Unlock()
			}
		}()
	}
	for _, s := range scans {
		if ctx.Err() != nil {
			break
		}
		jobs <- s
	}
	close(jobs)
	wg.Wait()
	sort.Slice(doc.ocr, func(i, j int) bool { return doc.ocr[i].Page < doc.ocr[j].Page })
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("extract %s: ocr: %w", name, err)
	}
	return nil
}
