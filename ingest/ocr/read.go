package ocr

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// Readings poorer than this are tried again turned upright.
const (
	goodConfidence = 70
	goodWords      = 20
)

// Read recognises page n of the PDF at path, a page of w × h points (its
// media box). The page is rendered at Resolution(w, h) and read; when the
// reading is poor, Tesseract's orientation detection is asked whether the
// page lies on its side or upside down and the turned page is read again,
// keeping the better reading. A speckled page is cleaned and a skewed one
// straightened first.
func (e Engine) Read(ctx context.Context, path string, n int, w, h float64) (Page, error) {
	dpi, err := e.Resolution(w, h)
	if err != nil {
		return Page{}, err
	}
	g, err := e.render(ctx, path, n, dpi)
	if err != nil {
		return Page{}, err
	}
	g = g.despeckle().deskew()
	p, err := e.recognize(ctx, g, dpi)
	if err != nil || good(p) && !e.Careful {
		return p, err
	}
	rot := e.orientation(ctx, g, dpi)
	if rot == 0 {
		return p, ctx.Err()
	}
	turned, err := g.rotate(rot)
	if err != nil {
		return p, nil
	}
	q, err := e.recognize(ctx, turned, dpi)
	if err != nil || score(q) <= score(p) {
		return p, ctx.Err()
	}
	q.Rotation = rot
	return q, nil
}

// good is a reading that needs no second try.
func good(p Page) bool { return p.Confidence >= goodConfidence && p.Words >= goodWords }

// score ranks two readings of one page: confident words count.
func score(p Page) float64 { return p.Confidence * float64(p.Words) }

// orientation asks Tesseract's orientation detection (the osd model) how
// far g must be turned clockwise to be upright: 0, 90, 180 or 270; 0 also
// when it cannot tell.
func (e Engine) orientation(ctx context.Context, g gray, dpi int) int {
	cmd := exec.CommandContext(ctx, e.Tesseract, "stdin", "stdout", "--dpi", strconv.Itoa(dpi), "-l", "osd", "--psm", "0")
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(g.encodePGM())
	out, err := cmd.Output()
	if err != nil {
		return 0
	}
	for _, l := range splitLines(string(out)) {
		if v, ok := strings.CutPrefix(l, "Rotate:"); ok {
			deg, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil && deg%90 == 0 && deg >= 0 && deg < 360 {
				return deg
			}
		}
	}
	return 0
}
