package ocr

import "math"

// Deskew search: angles up to maxSkew degrees either way, in skewStep
// steps, on the image scaled down by skewScale; a page skewed less than
// minSkew is left as it is.
const (
	maxSkew   = 3.0
	skewStep  = 0.2
	skewScale = 4
	minSkew   = 0.3
)

// deskew returns g turned straight, when its lines of text run at a slant
// of more than minSkew degrees. Tesseract copes with a little skew itself
// but loses lines past about 1.5°.
func (g gray) deskew() gray {
	a := g.skew()
	if math.Abs(a) < minSkew {
		return g
	}
	return g.turn(a)
}

// skew estimates the slant of g's lines of text in degrees: the angle at
// which the dark pixels, projected onto the vertical, fall into the
// sharpest rows.
func (g gray) skew() float64 {
	var xs, ys []float64
	for y := 0; y < g.h; y += skewScale {
		for x := 0; x < g.w; x += skewScale {
			if g.pix[y*g.w+x] < 128 {
				xs, ys = append(xs, float64(x)), append(ys, float64(y))
			}
		}
	}
	if len(xs) == 0 || len(xs) > g.w*g.h/skewScale/skewScale/2 {
		return 0 // blank, or more ink than paper: nothing to straighten
	}
	best, bestScore := 0.0, -1.0
	rows := make([]float64, g.h/skewScale+g.w/skewScale+2)
	for a := -maxSkew; a <= maxSkew+1e-9; a += skewStep {
		tan := math.Tan(a * math.Pi / 180)
		clear(rows)
		off := float64(g.w) * math.Abs(tan)
		for i := range xs {
			r := int((ys[i] - xs[i]*tan + off) / skewScale)
			if r >= 0 && r < len(rows) {
				rows[r]++
			}
		}
		score := 0.0
		for _, n := range rows {
			score += n * n
		}
		if score > bestScore {
			best, bestScore = a, score
		}
	}
	return best
}

// turn returns g turned by deg degrees about its centre, so that a line
// that slants by deg becomes level; the corners are filled white.
func (g gray) turn(deg float64) gray {
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(g.w)/2, float64(g.h)/2
	out := gray{w: g.w, h: g.h, pix: make([]byte, len(g.pix))}
	for y := 0; y < g.h; y++ {
		dy := float64(y) - cy
		for x := 0; x < g.w; x++ {
			dx := float64(x) - cx
			sx, sy := int(cos*dx-sin*dy+cx+0.5), int(sin*dx+cos*dy+cy+0.5)
			v := byte(255)
			if sx >= 0 && sx < g.w && sy >= 0 && sy < g.h {
				v = g.pix[sy*g.w+sx]
			}
			out.pix[y*g.w+x] = v
		}
	}
	return out
}
