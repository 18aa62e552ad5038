package gen

import (
	"strconv"
)

// Footnotes: a paragraph may carry one (block.footnote). Its number is set
// as a small raised figure after the paragraph's last word, and the note
// is printed at the foot of that page, above the page number, under a
// short rule. Once a page has a footnote, no paragraph or list is split
// from it onto the next page, so that a note never sits between the two
// halves of a passage. Footnote texts are not passages.

const (
	noteLineH = 3.6 // line height of a footnote
	notePt    = 7.5 // font size of a footnote
)

// noteHeight is the room a footnote takes at the foot of a page.
func (r *renderer) noteHeight(text string) float64 {
	r.pdf.SetFont(r.family, "", notePt)
	n := len(r.wrap(text, bodyW-5))
	r.pdf.SetFont(r.family, "", bodyPt)
	return float64(n)*noteLineH + 1
}

// bottom is the lowest y body text may reach on this page: above the
// footnotes placed and the one pending for the paragraph being written.
func (r *renderer) bottom() float64 {
	b := pageH - marginB - r.noteH - r.pendingH
	if len(r.notes) > 0 || r.pendingH > 0 {
		b -= 3
	}
	return b
}

// mark sets the footnote number after the last line just written, whose
// text (cp1252) is last, and queues the note for this page.
func (r *renderer) noteMark(last, note string) {
	p := r.pdf
	r.noteNo++
	num := strconv.Itoa(r.noteNo)
	x := marginL + p.GetCellMargin() + p.GetStringWidth(last)
	p.SetFont(r.family, "", 6.5)
	p.Text(x+0.2, p.GetY()-lineH+2.9, num)
	p.SetFont(r.family, "", bodyPt)
	r.notes = append(r.notes, num+" "+note)
	r.noteH += r.pendingH
	r.pendingH = 0
}

// drawNotes prints the page's footnotes; the footer calls it.
func (r *renderer) drawNotes() {
	if len(r.notes) == 0 {
		return
	}
	p := r.pdf
	y := pageH - marginB - r.noteH
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.2)
	p.Line(marginL, y-1.5, marginL+40, y-1.5)
	p.SetFont(r.family, "", notePt)
	p.SetTextColor(60, 60, 60)
	p.SetY(y)
	for _, n := range r.notes {
		for _, l := range r.wrap(n, bodyW-5) {
			p.SetX(marginL)
			p.CellFormat(bodyW, noteLineH, l, "", 1, "L", false, 0, "")
		}
		p.SetY(p.GetY() + 1)
	}
	p.SetTextColor(0, 0, 0)
	r.notes, r.noteH = nil, 0
}

// fitsWhole starts a new page for a block of height h that would be split
// from a page that has footnotes.
func (r *renderer) fitsWhole(h float64) {
	if len(r.notes) > 0 && r.pdf.GetY()+h > r.bottom() {
		r.newPage()
	}
}

// followHeight is the room a heading must keep below it for the blocks
// that follow, rest: lower headings, then a table with two lines of text,
// or, on a page with footnotes, a whole paragraph or list (see fitsWhole).
func (r *renderer) followHeight(rest []block) float64 {
	h := 0.0
	for i, b := range rest {
		switch {
		case b.kind == blockHeading:
			st := headingStyles[b.level]
			h += st.h + st.before*4/3
			continue
		case b.kind == blockTable:
			after := 3 * lineH
			if i+1 < len(rest) && rest[i+1].kind == blockPara {
				after = max(after, r.followHeight(rest[i+1:]))
				if n := rest[i+1].footnote; n != "" {
					after += r.noteHeight(n) + 3
				}
			}
			return h + tableHeight(b) + after
		case len(r.notes) == 0:
			return 0
		case b.kind == blockPara:
			r.pdf.SetFont(r.family, "", bodyPt)
			return h + float64(len(r.wrap(r.glyphs(b.text), bodyW)))*lineH
		case b.kind == blockBullets:
			return h + float64(len(b.items))*(lineH+0.8)
		}
		return 0
	}
	return 0
}
