package pdftest

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"strconv"
)

// Render draws page n of the PDF at path with pdftoppm at dpi, as a grey
// scan of a page of the same size.
func Render(pdftoppm, path string, n, dpi int) (Scan, error) {
	num := strconv.Itoa(n)
	out, err := exec.Command(pdftoppm, "-q", "-gray", "-r", strconv.Itoa(dpi), "-f", num, "-l", num, "-singlefile", path).Output()
	if err != nil {
		return Scan{}, fmt.Errorf("render %s page %d: %w", path, n, err)
	}
	var magic string
	var w, h, max int
	if _, err := fmt.Sscan(string(out[:min(len(out), 64)]), &magic, &w, &h, &max); err != nil || magic != "P5" || max != 255 || w*h > len(out) {
		return Scan{}, fmt.Errorf("render %s page %d: not an 8-bit PGM", path, n)
	}
	rest := out[len(out)-w*h:]
	s := 72 / float64(dpi)
	return Scan{W: w, H: h, Pix: bytes.Clone(rest), PageW: float64(w) * s, PageH: float64(h) * s}, nil
}

// Noisy returns s with speckle: a share of the pixels set black or white
// at random, and the rest jittered by up to ±amp grey levels.
func (s Scan) Noisy(share float64, amp int, seed uint64) Scan {
	r := rand.New(rand.NewPCG(seed, 1))
	out := s
	out.Pix = make([]byte, len(s.Pix))
	for i, p := range s.Pix {
		v := int(p) + r.IntN(2*amp+1) - amp
		if r.Float64() < share {
			v = 255 * r.IntN(2)
		}
		out.Pix[i] = byte(min(255, max(0, v)))
	}
	return out
}

// Skewed returns s turned by deg degrees (counter-clockwise when
// positive) about its centre, on white.
func (s Scan) Skewed(deg float64) Scan {
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(s.W)/2, float64(s.H)/2
	out := s
	out.Pix = make([]byte, len(s.Pix))
	for y := 0; y < s.H; y++ {
		for x := 0; x < s.W; x++ {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(cos*dx-sin*dy+cx+0.5), int(sin*dx+cos*dy+cy+0.5)
			v := byte(255)
			if sx >= 0 && sx < s.W && sy >= 0 && sy < s.H {
				v = s.Pix[sy*s.W+sx]
			}
			out.Pix[y*s.W+x] = v
		}
	}
	return out
}

// Turned returns s turned clockwise by a quarter (90) or a half (180), as
// a page fed into the scanner sideways or upside down; the page turns
// with it.
func (s Scan) Turned(deg int) Scan {
	out := s
	out.Pix = make([]byte, len(s.Pix))
	if deg == 180 {
		for i, p := range s.Pix {
			out.Pix[len(s.Pix)-1-i] = p
		}
		return out
	}
	out.W, out.H, out.PageW, out.PageH = s.H, s.W, s.PageH, s.PageW
	for y := 0; y < s.H; y++ {
		for x := 0; x < s.W; x++ {
			out.Pix[x*out.W+(s.H-1-y)] = s.Pix[y*s.W+x]
		}
	}
	return out
}
