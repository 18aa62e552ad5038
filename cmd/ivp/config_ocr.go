package main

import (
	"context"
	"fmt"
	"os/exec"
	"time"

	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/ocr"
)

// uploadOCRPace is the time a scanned page is taken to need when the
// server bounds the OCR of an upload to its answer time (see
// uploadOCRPages): a slow page on a busy machine, not the worst case.
const uploadOCRPace = 10 * time.Second

// ocrOptions resolves the ocr setting: auto (on when pdftoppm, tesseract
// and its Dutch model are found), on (they must be) or off. When OCR is
// off, Off says why in Dutch, for the reason a scan is refused with.
func (c *config) ocrOptions() (ingest.OCROptions, error) {
	o := ingest.OCROptions{MaxPages: c.OCRMaxPages, PageTimeout: c.OCRPageTimeout}
	switch c.OCR {
	case "off":
		o.Off = "OCR staat uit (--ocr off)"
		return o, nil
	case "auto", "on":
	default:
		return o, fmt.Errorf("%w: --ocr %q: use auto, on or off", errUsage, c.OCR)
	}
	e, err := findOCR()
	if err != nil {
		if c.OCR == "on" {
			return o, fmt.Errorf("--ocr on: %w", err)
		}
		o.Off = "OCR niet beschikbaar: " + ocrMissing(err)
		return o, nil
	}
	o.Pdftoppm, o.Tesseract = e.Pdftoppm, e.Tesseract
	return o, nil
}

// findOCR finds the OCR programs and the Dutch model.
func findOCR() (ocr.Engine, error) {
	e, err := ocr.Find()
	if err != nil {
		return e, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return e, e.HasLanguage(ctx)
}

// ocrMissing says in Dutch which part of OCR is missing.
func ocrMissing(err error) string {
	if _, lerr := exec.LookPath("pdftoppm"); lerr != nil {
		return "pdftoppm ontbreekt (poppler-utils)"
	}
	if _, lerr := exec.LookPath("tesseract"); lerr != nil {
		return "tesseract ontbreekt (tesseract-ocr)"
	}
	return "het Nederlandse taalmodel van tesseract ontbreekt (tesseract-ocr-nld)"
}

// ocrStatus is the line 'ivp config' shows for OCR: on with its programs,
// or off and why.
func (c *config) ocrStatus() string {
	o, err := c.ocrOptions()
	switch {
	case err != nil:
		return "error: " + err.Error()
	case o.Tesseract == "":
		return "off: " + o.Off
	}
	return fmt.Sprintf("on: %s, %s (nld); at most %d pages per file, %s per page", o.Pdftoppm, o.Tesseract,
		c.OCRMaxPages, c.OCRPageTimeout)
}

// uploadOCRPages is the most scanned pages the server reads by OCR in one
// upload: as many as fit, at uploadOCRPace on two pages at once, in the
// time an upload is answered in after its extraction limit (a larger scan
// is refused with its page count and can be ingested with 'ivp ingest'),
// and never more than --ocr-max-pages.
func (c *config) uploadOCRPages() int {
	fit := int(2 * (c.WriteTimeout - c.ExtractTimeout) / uploadOCRPace)
	return max(1, min(c.OCRMaxPages, fit))
}
