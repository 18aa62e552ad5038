package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
)

// gray is an 8-bit grey image, one byte per pixel, row by row.
type gray struct {
	w, h int
	pix  []byte
}

// render draws page n of the PDF at path at dpi as a grey image.
func (e Engine) render(ctx context.Context, path string, n, dpi int) (gray, error) {
	num := strconv.Itoa(n)
	cmd := exec.CommandContext(ctx, e.Pdftoppm, "-q", "-gray", "-r", strconv.Itoa(dpi), "-f", num, "-l", num, "-singlefile", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return gray{}, ctx.Err()
		}
		return gray{}, fmt.Errorf("%w: pdftoppm page %d: %w: %s", ErrProgram, n, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return decodePGM(out)
}

// decodePGM reads a binary PGM (P5) with 8-bit samples, as pdftoppm -gray
// writes it.
func decodePGM(data []byte) (gray, error) {
	var fields [4]string
	rest := data
	for i := range fields {
		var tok []byte
		tok, rest = pnmToken(rest)
		fields[i] = string(tok)
	}
	w, werr := strconv.Atoi(fields[1])
	h, herr := strconv.Atoi(fields[2])
	if fields[0] != "P5" || fields[3] != "255" || werr != nil || herr != nil || w <= 0 || h <= 0 || len(rest) < 1 {
		return gray{}, fmt.Errorf("%w: pdftoppm wrote no 8-bit grey image", ErrProgram)
	}
	rest = rest[1:] // the one white-space byte after the header
	if len(rest) < w*h {
		return gray{}, fmt.Errorf("%w: pdftoppm image of %d × %d pixels is short", ErrProgram, w, h)
	}
	return gray{w: w, h: h, pix: rest[:w*h]}, nil
}

// pnmToken returns the next white-space separated token of a PNM header
// and what follows it, skipping comments.
func pnmToken(b []byte) (tok, rest []byte) {
	for len(b) > 0 {
		switch {
		case b[0] == '#':
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				b = b[i+1:]
				continue
			}
			return nil, nil
		case isSpace(b[0]):
			b = b[1:]
			continue
		}
		break
	}
	i := 0
	for i < len(b) && !isSpace(b[i]) {
		i++
	}
	return b[:i], b[i:]
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// encodePGM writes g as a binary PGM, which tesseract reads on stdin.
func (g gray) encodePGM() []byte {
	head := fmt.Sprintf("P5\n%d %d\n255\n", g.w, g.h)
	out := make([]byte, 0, len(head)+len(g.pix))
	return append(append(out, head...), g.pix...)
}

// rotate turns g clockwise by deg, one of 0, 90, 180 and 270.
func (g gray) rotate(deg int) (gray, error) {
	switch deg {
	case 0:
		return g, nil
	case 180:
		out := gray{w: g.w, h: g.h, pix: make([]byte, len(g.pix))}
		for i, p := range g.pix {
			out.pix[len(g.pix)-1-i] = p
		}
		return out, nil
	case 90, 270:
		return g.quarter(deg == 90), nil
	}
	return gray{}, errors.New("ocr: rotation must be a multiple of 90 degrees")
}

// quarter turns g a quarter, clockwise when cw.
func (g gray) quarter(cw bool) gray {
	out := gray{w: g.h, h: g.w, pix: make([]byte, len(g.pix))}
	for y := 0; y < g.h; y++ {
		row := g.pix[y*g.w : (y+1)*g.w]
		for x, p := range row {
			nx, ny := g.h-1-y, x // clockwise: (x, y) goes to (h-1-y, x)
			if !cw {
				nx, ny = y, g.w-1-x
			}
			out.pix[ny*out.w+nx] = p
		}
	}
	return out
}
