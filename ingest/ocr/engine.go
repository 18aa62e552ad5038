package ocr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
)

// Errors of Engine.Read, checkable with errors.Is.
var (
	// ErrTooLarge means the page would render to more than MaxPixels
	// pixels even at MinDPI, or holds an image larger than that.
	ErrTooLarge = errors.New("page too large for OCR")
	// ErrProgram means pdftoppm or tesseract failed on the page.
	ErrProgram = errors.New("OCR program failed")
)

// Defaults of Engine's zero fields.
const (
	DefaultDPI       = 300
	DefaultMinDPI    = 150
	DefaultMaxPixels = 60_000_000 // A2 at 300 dpi is 35 million
	DefaultLang      = "nld"
)

// Engine runs the two programs. The zero value of every field but the
// paths takes its default; an Engine holds no state and is safe for
// concurrent use.
type Engine struct {
	Pdftoppm  string // path of poppler's pdftoppm
	Tesseract string // path of tesseract
	Lang      string // tesseract language; default nld
	DPI       int    // render resolution; default 300
	MinDPI    int    // a large page is rendered down to this before it is refused; default 150
	MaxPixels int64  // most pixels of a rendered page; default 60 million
	// Careful reads with more effort, for a page read again on request:
	// the orientation is asked even when the first reading looks good.
	Careful bool
}

// Find returns an engine with both programs found on PATH, or the error
// that says which is missing.
func Find() (Engine, error) {
	var e Engine
	var err error
	if e.Pdftoppm, err = exec.LookPath("pdftoppm"); err != nil {
		return Engine{}, fmt.Errorf("ocr: pdftoppm not found (poppler-utils): %w", err)
	}
	if e.Tesseract, err = exec.LookPath("tesseract"); err != nil {
		return Engine{}, fmt.Errorf("ocr: tesseract not found (tesseract-ocr): %w", err)
	}
	return e, nil
}

// HasLanguage reports whether tesseract has the model of e's language,
// e.g. Debian's tesseract-ocr-nld for nld.
func (e Engine) HasLanguage(ctx context.Context) error {
	out, err := exec.CommandContext(ctx, e.Tesseract, "--list-langs").CombinedOutput()
	if err != nil {
		return fmt.Errorf("ocr: %s --list-langs: %w", e.Tesseract, err)
	}
	for _, l := range splitLines(string(out)) {
		if l == e.lang() {
			return nil
		}
	}
	return fmt.Errorf("ocr: tesseract has no %q model (tesseract-ocr-%s)", e.lang(), e.lang())
}

func (e Engine) lang() string {
	if e.Lang == "" {
		return DefaultLang
	}
	return e.Lang
}

func (e Engine) dpi() int {
	if e.DPI <= 0 {
		return DefaultDPI
	}
	return e.DPI
}

func (e Engine) minDPI() int {
	if e.MinDPI <= 0 {
		return min(DefaultMinDPI, e.dpi())
	}
	return min(e.MinDPI, e.dpi())
}

func (e Engine) maxPixels() int64 {
	if e.MaxPixels <= 0 {
		return DefaultMaxPixels
	}
	return e.MaxPixels
}

// Resolution is the dpi a page of w × h points is rendered at: e's DPI,
// or less for a large page so that it stays within MaxPixels, but not
// below MinDPI. A page too large even then gives ErrTooLarge.
func (e Engine) Resolution(w, h float64) (int, error) {
	if w <= 0 || h <= 0 || math.IsInf(w*h, 0) || math.IsNaN(w*h) {
		return 0, fmt.Errorf("%w: page of %.0f × %.0f points", ErrTooLarge, w, h)
	}
	max := float64(e.maxPixels())
	dpi := e.dpi()
	if px := pixels(w, h, dpi); px > max {
		dpi = int(float64(dpi) * math.Sqrt(max/px))
	}
	if dpi < e.minDPI() {
		return 0, fmt.Errorf("%w: %.0f × %.0f points is %.0f million pixels at %d dpi, at most %d million",
			ErrTooLarge, w, h, pixels(w, h, e.minDPI())/1e6, e.minDPI(), e.maxPixels()/1_000_000)
	}
	return dpi, nil
}

// pixels is the pixel count of w × h points at dpi.
func pixels(w, h float64, dpi int) float64 {
	s := float64(dpi) / 72
	return w * s * h * s
}

// CheckImage refuses an image of w × h pixels that is larger than
// MaxPixels: decoding it alone would take more memory and time than a
// page may.
func (e Engine) CheckImage(w, h int) error {
	if int64(w)*int64(h) > e.maxPixels() {
		return fmt.Errorf("%w: image of %d × %d pixels, at most %d million", ErrTooLarge, w, h, e.maxPixels()/1_000_000)
	}
	return nil
}
