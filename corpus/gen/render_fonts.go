package gen

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Fonts: most plans are set in the core font Helvetica, in cp1252, which
// has no ligatures. Plans with style.ligatures are set in the Go fonts
// (golang.org/x/image/font/gofont, BSD licence), embedded as UTF-8
// subsets, and print "fi" and "fl" in body text as the ligatures ﬁ and ﬂ.

// Font families.
const (
	helvetica = "Helvetica"
	goFamily  = "Go"
)

// setFonts chooses the plan's font family and the translation of text
// for it: cp1252 for Helvetica, none for the UTF-8 Go fonts.
func (r *renderer) setFonts() {
	p := r.pdf
	if !r.m.style.ligatures {
		r.family, r.tr = helvetica, p.UnicodeTranslatorFromDescriptor("")
		return
	}
	p.AddUTF8FontFromBytes(goFamily, "", goregular.TTF)
	p.AddUTF8FontFromBytes(goFamily, "B", gobold.TTF)
	p.AddUTF8FontFromBytes(goFamily, "I", goitalic.TTF)
	r.family, r.tr, r.utf8 = goFamily, func(s string) string { return s }, true
}

// wrap translates s for the font and splits it into lines of width w.
func (r *renderer) wrap(s string, w float64) []string {
	if r.utf8 {
		return r.pdf.SplitText(r.tr(s), w)
	}
	raw := r.pdf.SplitLines([]byte(r.tr(s)), w)
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = string(l)
	}
	return out
}

// glyphs returns body text as the plan prints it: with ligatures in
// plans set with them.
func (r *renderer) glyphs(s string) string {
	if !r.m.style.ligatures {
		return s
	}
	return ligated(s)
}
