package pdf

import (
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// show places the glyphs of one string and advances the text matrix.
func (in *interp) show(raw string) {
	f := in.g.font
	if f == nil {
		return
	}
	for _, code := range f.codes(raw) {
		w0 := f.width(code) * f.scale
		in.emit(f, code, w0)
		tx := w0*in.g.size + in.g.tc
		if code == ' ' && !f.twoByte {
			tx += in.g.tw
		}
		in.tm = matrix{1, 0, 0, 1, tx * in.g.th, 0}.mul(in.tm)
	}
}

// showArray executes TJ: strings, and numbers that move the next glyph.
func (in *interp) showArray(v lpdf.Value) {
	for i := 0; i < v.Len(); i++ {
		x := v.Index(i)
		if x.Kind() == lpdf.String {
			in.show(x.RawString())
			continue
		}
		tx := -x.Float64() / 1000 * in.g.size * in.g.th
		in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
	}
}

// emit records one glyph in page coordinates with its direction in
// quarter turns; glyphs at other angles (stamps, slanted labels) are
// dropped. Slanted glyphs (fake italics) are kept.
func (in *interp) emit(f *font, code int, w0 float64) {
	g := &in.g
	trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.ts}.mul(in.tm).mul(g.ctm)
	rot, ok := quarterTurns(trm[0], trm[1])
	if !ok {
		return
	}
	s := f.decode(code)
	if s == "" {
		return
	}
	in.glyphs = append(in.glyphs, glyph{
		s: s, x: trm[4], y: trm[5], w: w0 * math.Hypot(trm[0], trm[1]),
		z: math.Hypot(trm[2], trm[3]), bold: f.bold, rot: rot,
	})
}

// quarterTurns returns the direction of the text vector (a, b) as 0-3
// quarter turns counterclockwise, when it is within 10 degrees of one.
func quarterTurns(a, b float64) (int, bool) {
	if a == 0 && b == 0 {
		return 0, false
	}
	deg := math.Atan2(b, a) * 180 / math.Pi
	q := math.Round(deg / 90)
	if math.Abs(deg-90*q) > 10 {
		return 0, false
	}
	return (int(q) + 4) % 4, true
}
