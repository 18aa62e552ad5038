package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// FallbackVersion is appended to ExtractorVersion for a document whose text
// came from the pdftotext fallback (Options.Fallback).
const FallbackVersion = "+pdftotext"

// fallback tries pdftotext on a PDF the extractor refused; refusal stays
// the answer when that fails too or finds no text.
func (x *Extractor) fallback(ctx context.Context, name string, data []byte, refusal error) (*Extracted, error) {
	if sniff(data) != mediaPDF || !fallbackFor(refusal) {
		return nil, refusal
	}
	if x.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, x.opts.Timeout)
		defer cancel()
	}
	out, err := x.pdftotext(ctx, data)
	if err != nil {
		return nil, refusal
	}
	doc := textLayout(out)
	if len(doc.pages) == 0 || len(doc.pages) > x.opts.MaxPages {
		return nil, refusal
	}
	if err := finishPDF(name, doc, nil); err != nil {
		return nil, refusal
	}
	ex, err := x.finish(name, data, doc)
	if err != nil {
		return nil, refusal
	}
	ex.Document.ExtractorVersion = ExtractorVersion + FallbackVersion
	return ex, nil
}

// fallbackFor reports whether a refusal is worth a second opinion: not for
// limits the user set nor for files that are no PDF.
func fallbackFor(err error) bool {
	for _, kind := range []error{ErrDamaged, ErrEncrypted, ErrNoText, ErrPanic, ErrTimeout, ErrMemory} {
		if errors.Is(err, kind) {
			return true
		}
	}
	return false
}

// pdftotext runs the fallback on data, at most MaxPages+1 pages, and
// returns its text, pages separated by form feeds.
func (x *Extractor) pdftotext(ctx context.Context, data []byte) (string, error) {
	f, err := os.CreateTemp("", "ivp-*.pdf")
	if err != nil {
		return "", fmt.Errorf("pdftotext: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("pdftotext: %w", err)
	}
	last := strconv.Itoa(x.opts.MaxPages + 1)
	out, err := exec.CommandContext(ctx, x.opts.Fallback, "-q", "-enc", "UTF-8", "-l", last, f.Name(), "-").Output()
	if err != nil {
		return "", fmt.Errorf("pdftotext: %w", err)
	}
	return string(out), nil
}

// textLayout turns pdftotext's output into pages of lines, spaced as body
// text: without positions and fonts, headings are not recognised, but
// running headers, footers and the table of contents still are.
func textLayout(out string) *layout {
	doc := &layout{media: mediaPDF}
	pages := strings.Split(strings.TrimSuffix(out, "\f"), "\f")
	for i, text := range pages {
		p := page{number: i + 1, height: 842}
		for j, l := range strings.Split(text, "\n") {
			if t := normalizeLine(l); t != "" {
				p.lines = append(p.lines, line{text: t, x: 72, w: 450, y: 72 + 14*float64(j), size: 10})
			}
		}
		doc.pages = append(doc.pages, p)
	}
	return doc
}
