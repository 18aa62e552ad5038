package pdf

import (
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// Limits on what a font dictionary may make us read.
const (
	maxWidths   = 1 << 16 // entries of /Widths or /W taken into account
	guessWidth  = 500.0   // glyph width (1/1000 em) when a font has none
	guessSpace  = 250.0   // width of a space when a font has none
	missingCode = -1
)

// font is what text extraction needs of a PDF font: how to split a string
// into character codes, each code's text and width, and whether it is bold.
type font struct {
	name    string
	bold    bool
	twoByte bool              // Type0: two-byte codes
	scale   float64           // glyph units to text space (1/1000, or Type3 FontMatrix)
	enc     lpdf.TextEncoding // from the library; nil decodes bytes as Latin-1
	widths  map[int]float64   // code → width in glyph units
	dw      float64           // default width of codes not in widths
	guessed bool              // the font has no widths at all
	std     *[256]uint16      // standard-font widths, for fonts without /Widths
	mono    bool              // a Courier without /Widths: 600 for every code
	text    map[int]string    // decoded text per code, filled lazily
	uni     *toUnicode        // the ToUnicode map as we read it; nil without one
}

// loadFont reads a font dictionary once.
func loadFont(v lpdf.Value) *font {
	lf := lpdf.Font{V: v}
	f := &font{
		name:   strings.TrimSpace(baseName(v.Key("BaseFont").Name())),
		scale:  0.001,
		enc:    lf.Encoder(),
		widths: map[int]float64{},
		text:   map[int]string{},
	}
	f.uni = readToUnicode(v)
	desc := v.Key("FontDescriptor")
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		desc = d.Key("FontDescriptor")
		f.dw = 1000
		if x := d.Key("DW"); !x.IsNull() {
			f.dw = x.Float64()
		}
		f.readCIDWidths(d.Key("W"))
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.scale = m.Index(0).Float64()
		}
		f.readWidths(v)
	default:
		f.readWidths(v)
		f.dw = desc.Key("MissingWidth").Float64()
	}
	f.bold = looksBold(f.name) || desc.Key("FontWeight").Float64() >= 600
	return f
}

// baseName strips the subset tag ("ABCDEF+Calibri" → "Calibri").
func baseName(s string) string {
	if i := strings.IndexByte(s, '+'); i >= 0 && i < 8 {
		return s[i+1:]
	}
	return s
}

func (f *font) readWidths(v lpdf.Value) {
	w := v.Key("Widths")
	if w.Kind() != lpdf.Array {
		f.std, f.mono = stdWidths(f.name)
		f.guessed = f.std == nil && !f.mono
		return
	}
	first := int(v.Key("FirstChar").Int64())
	for i := 0; i < min(w.Len(), maxWidths); i++ {
		f.widths[first+i] = w.Index(i).Float64()
	}
}

// readCIDWidths parses a /W array: "c [w1 w2 ...]" or "c1 c2 w".
func (f *font) readCIDWidths(w lpdf.Value) {
	if w.Kind() != lpdf.Array {
		return
	}
	n := min(w.Len(), maxWidths)
	for i := 0; i+1 < n && len(f.widths) < maxWidths; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			for j := 0; j < min(next.Len(), maxWidths); j++ {
				f.widths[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			return
		}
		last, width := int(next.Int64()), w.Index(i+2).Float64()
		for c2 := c; c2 <= last && c2-c < maxWidths; c2++ {
			f.widths[c2] = width
		}
		i += 3
	}
}
