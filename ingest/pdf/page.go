package pdf

import (
	"fmt"

	lpdf "github.com/ledongthuc/pdf"
)

// Line is one line of text on a page, in reading order within the page.
type Line struct {
	Text string
	X    float64 // left edge, points from the left of the page
	W    float64 // width in points
	Y    float64 // baseline, points from the top of the page
	Size float64 // dominant font size in points
	Bold bool    // most of the line is set in a bold font
	Col  int     // lines with the same Col belong to one column of text
}

// Page is the text of one page: its lines from top to bottom.
type Page struct {
	Number int // from 1
	Width  float64
	Height float64
	Lines  []Line
}

// Page reads page n (from 1). A panic in the library is recovered and
// returned as ErrPanic, so the other pages can still be read; when the
// panic came half-way through the page, the lines read before it are
// returned with the error.
func (r *Reader) Page(n int) (p Page, err error) {
	defer recoverAs(&err, fmt.Sprintf("page %d", n))
	if n < 1 || n > len(r.pages) {
		return Page{}, fmt.Errorf("page %d: out of range 1-%d", n, len(r.pages))
	}
	pg := r.pages[n-1]
	glyphs, err := pageGlyphs(pg)
	glyphs, box := upright(glyphs, mediaBox(pg))
	p = Page{Number: n, Width: box[2] - box[0], Height: box[3] - box[1], Lines: buildLines(glyphs, box[3])}
	if err != nil {
		return p, fmt.Errorf("page %d: %w", n, err)
	}
	return p, nil
}

// a4 is the media box assumed when a page has none.
var a4 = [4]float64{0, 0, 595, 842}

// mediaBox returns the page's media box as x0, y0, x1, y1.
func mediaBox(pg lpdf.Page) [4]float64 {
	v := inherited(pg.V, "MediaBox")
	if v.Kind() != lpdf.Array || v.Len() != 4 {
		return a4
	}
	var b [4]float64
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	if b[2] < b[0] {
		b[0], b[2] = b[2], b[0]
	}
	if b[3] < b[1] {
		b[1], b[3] = b[3], b[1]
	}
	if b[2] == b[0] || b[3] == b[1] {
		return a4
	}
	return b
}

// inherited looks key up on the page and its ancestors, at most
// maxTreeDepth levels up (a cyclic /Parent chain must not hang).
func inherited(v lpdf.Value, key string) lpdf.Value {
	for i := 0; i < maxTreeDepth && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}
