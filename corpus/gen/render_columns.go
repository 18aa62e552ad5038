package gen

// Two-column pages: in some plans (style.twoColumns) the chapters without
// tables or footnotes are set in two columns below a chapter heading that
// spans the page. Text fills the left column, then the right one, then the
// next page.

const colGap = 8.0 // mm between the columns

// colW is the width of one column.
const colW = (bodyW - colGap) / 2

// textX and textW are the left edge and width of the running text: the
// body, or the current column.
func (r *renderer) textX() float64 {
	if !r.cols {
		return marginL
	}
	return marginL + float64(r.col)*(colW+colGap)
}

func (r *renderer) textW() float64 {
	if !r.cols {
		return bodyW
	}
	return colW
}

// startColumns switches to two columns below the current position when
// the chapter that starts at blocks[0] qualifies.
func (r *renderer) startColumns(chapter []block) {
	if !r.m.style.twoColumns {
		return
	}
	for i, b := range chapter {
		if i > 0 && b.kind == blockHeading && b.level == 1 {
			break
		}
		if b.kind == blockTable || b.footnote != "" {
			return
		}
	}
	r.cols, r.col, r.colTop, r.colMaxY = true, 0, r.pdf.GetY(), r.pdf.GetY()
	// Both columns start at colTop: no space before the first block of the
	// left one either, as in a layout program's column frames (otherwise
	// the right column's first line would sit above the left one's).
	r.fresh = true
}

// endColumns returns to the full width below the longer column.
func (r *renderer) endColumns() {
	if !r.cols {
		return
	}
	r.cols = false
	r.pdf.SetY(max(r.colMaxY, r.pdf.GetY()))
}

// nextColumn moves to the right column, or to the left column of a new
// page.
func (r *renderer) nextColumn() {
	r.colMaxY = max(r.colMaxY, r.pdf.GetY())
	if r.col == 0 {
		r.col = 1
		r.pdf.SetY(r.colTop)
		r.fresh = true
		return
	}
	r.newPage()
	r.col, r.colTop, r.colMaxY = 0, r.pdf.GetY(), r.pdf.GetY()
}
