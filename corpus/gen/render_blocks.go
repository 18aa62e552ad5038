package gen

import (
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// cover writes page 1: a coloured band with the gemeente, the title, an
// optional tagline and the adoption line.
func (r *renderer) cover() {
	p := r.pdf
	r.newPage()
	a := r.m.style.accent
	p.SetFillColor(a[0], a[1], a[2])
	p.Rect(0, 0, pageW, 70, "F")
	p.SetTextColor(255, 255, 255)
	p.SetFont(r.family, "B", 15)
	for _, l := range r.wrap(r.m.spec.label(), bodyW) {
		r.line(l, marginL, bodyW, 8, false)
	}
	p.SetTextColor(a[0], a[1], a[2])
	p.SetFont(r.family, "B", 26)
	p.SetY(95)
	for _, l := range r.wrap(r.m.title, bodyW) {
		r.line(l, marginL, bodyW, 12, false)
	}
	if r.m.tagline != "" {
		p.SetTextColor(90, 90, 90)
		p.SetFont(r.family, "I", 14)
		p.SetY(p.GetY() + 4)
		r.line(r.tr(r.m.tagline), marginL, bodyW, 8, false)
	}
	p.SetTextColor(0, 0, 0)
	p.SetFont(r.family, "", 11)
	p.SetY(235)
	r.line(r.tr(adoptionLine(r.m.spec)), marginL, bodyW, 6, false)
	r.line(r.tr("Versie: definitief"), marginL, bodyW, 6, false)
}

// adoptionLine is "Vastgesteld door de gemeenteraad op 14 maart 2023".
func adoptionLine(s *planSpec) string {
	by := "de gemeenteraad"
	switch {
	case s.typ != corpus.TypeIVP && len(s.gemeenten) > 1:
		by = "de colleges van burgemeester en wethouders"
	case s.typ != corpus.TypeIVP:
		by = "het college van burgemeester en wethouders"
	case len(s.gemeenten) > 1:
		by = "de gemeenteraden"
	}
	return "Vastgesteld door " + by + " op " + dutchDate(s.vastgesteld)
}

// tocPages writes the table of contents with dot leaders.
func (r *renderer) tocPages() {
	p := r.pdf
	r.newPage()
	a := r.m.style.accent
	p.SetTextColor(a[0], a[1], a[2])
	p.SetFont(r.family, "B", 16)
	r.line(r.tr("Inhoudsopgave"), marginL, bodyW, 9, false)
	p.SetTextColor(0, 0, 0)
	p.SetY(p.GetY() + 4)
	for _, e := range r.toc {
		r.tocLine(e)
	}
}

func (r *renderer) tocLine(e tocEntry) {
	p := r.pdf
	indent, h := 0.0, 6.0
	p.SetFont(r.family, "", bodyPt)
	if e.level == 1 {
		p.SetFont(r.family, "B", 10.5)
		h = 7
	}
	r.keep(h)
	num := ""
	if e.page > 0 {
		num = strconv.Itoa(e.page)
	}
	if e.level == 2 {
		indent = 8
	}
	const numW = 12.0
	title := r.tr(e.text)
	room := bodyW - indent - numW - 2*p.GetCellMargin() - p.GetStringWidth(title+" ")
	dots := strings.Repeat(".", max(3, int(room/p.GetStringWidth("."))))
	p.SetX(marginL + indent)
	p.CellFormat(bodyW-indent-numW, h, title+" "+dots, "", 0, "L", false, 0, "")
	p.CellFormat(numW, h, num, "", 1, "R", false, 0, "")
	r.fresh = false
}

// body writes the chapters, starting on a fresh page after the contents.
func (r *renderer) body() {
	r.newPage()
	for i, b := range r.m.blocks {
		switch b.kind {
		case blockHeading:
			r.heading(b, r.m.blocks[i+1:])
		case blockPara:
			r.paragraph(b)
		case blockBullets:
			r.bulletList(b)
		case blockTable:
			r.table(b)
		}
	}
}

// headingStyles are size, line height, space before, body lines that must
// fit below (so that a heading never ends a page, even when a lower heading
// follows) and whether the accent colour is used, per heading level.
var headingStyles = [4]struct {
	size, h, before float64
	keep            int
	accent          bool
}{
	1: {16, 8, 9, 9, true},
	2: {12.5, 6.5, 4, 6, true},
	3: {10.5, 5.5, 2, 3, false},
}

// heading writes a heading; the blocks after it, rest, must start on the
// same page.
func (r *renderer) heading(b block, rest []block) {
	p := r.pdf
	st := headingStyles[b.level]
	if b.level == 1 {
		r.endColumns()
	}
	if b.level == 1 && r.m.style.chapterPage && !r.fresh {
		r.newPage()
	}
	r.space(st.before)
	keep := max(float64(st.keep)*lineH, r.followHeight(rest))
	r.keep(st.h + st.before/3 + keep)
	if st.accent {
		a := r.m.style.accent
		p.SetTextColor(a[0], a[1], a[2])
	}
	p.SetFont(r.family, "B", st.size)
	if b.level <= 2 {
		p.Bookmark(r.outline(b.text), b.level-1, -1)
		r.heads = append(r.heads, p.PageNo())
	}
	for _, l := range r.wrap(b.text, r.textW()) {
		r.line(l, r.textX(), r.textW(), st.h, false)
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(p.GetY() + st.before/3)
	if b.level == 1 {
		r.startColumns(append([]block{b}, rest...))
	}
	r.path = append(r.path[:min(len(r.path), b.level-1)], b.text)
}

func (r *renderer) paragraph(b block) {
	p := r.pdf
	p.SetFont(r.family, "", bodyPt)
	lines := r.wrap(r.glyphs(b.text), r.textW())
	if r.m.style.hyphenate {
		lines = r.hyphenate(lines, r.textW())
	}
	if b.footnote != "" {
		r.pendingH = r.noteHeight(b.footnote)
	}
	r.fitsWhole(float64(len(lines)) * lineH)
	r.keep(2 * lineH)
	first := p.PageNo()
	for i, l := range lines {
		r.keep(lineH)
		if i == 0 {
			first = p.PageNo()
		}
		r.line(l, r.textX(), r.textW(), lineH, r.m.style.justify && i < len(lines)-1)
	}
	if b.footnote != "" {
		r.noteMark(lines[len(lines)-1], b.footnote)
	}
	r.space(2.5)
	r.record(b, first, b.text)
}

// bulletList writes "•" items, or "1." items for a numbered list, with a
// hanging indent. Its passage text is the items, one per line, each with
// its bullet or number.
func (r *renderer) bulletList(b block) {
	p := r.pdf
	p.SetFont(r.family, "", bodyPt)
	const indent = 6.0
	r.fitsWhole(float64(len(b.items)) * (lineH + 0.8))
	first := 0
	for n, it := range b.items {
		lines := r.wrap(r.glyphs(it), r.textW()-indent)
		r.keep(float64(min(len(lines), 2)) * lineH)
		for i, l := range lines {
			r.keep(lineH)
			if first == 0 {
				first = p.PageNo()
			}
			if i == 0 {
				p.SetX(r.textX() + 1.5)
				p.CellFormat(indent-1.5, lineH, r.tr(listMark(b, n)), "", 0, "L", false, 0, "")
			}
			r.line(l, r.textX()+indent, r.textW()-indent, lineH, false)
		}
		p.SetY(p.GetY() + 0.8)
	}
	r.space(2)
	r.record(b, first, listText(b))
}

// listMark is the bullet or number of item n (from 0).
func listMark(b block, n int) string {
	if b.numbered {
		return strconv.Itoa(n+1) + "."
	}
	return "•"
}

// listText is the truth text of a list: one item a line, each with its
// mark.
func listText(b block) string {
	lines := make([]string, len(b.items))
	for i, it := range b.items {
		lines[i] = listMark(b, i) + " " + it
	}
	return strings.Join(lines, "\n")
}

// table writes a table with a coloured header row and a caption below.
func (r *renderer) table(b block) {
	p := r.pdf
	const h = tableRowH
	first := r.firstColumn(b)
	w := (bodyW - first) / float64(len(b.rows[0])-1)
	r.space(1)
	r.keep(tableHeight(b))
	for i, row := range b.rows {
		p.SetX(marginL)
		r.rowStyle(i)
		fill := i == 0 || i%2 == 0
		for j, cell := range row {
			cw, align := w, "R"
			if j == 0 {
				cw, align = first, "L"
			}
			p.CellFormat(cw, h, r.tr(cell), "", 0, align, fill, 0, "")
		}
		p.Ln(h)
	}
	p.SetTextColor(90, 90, 90)
	p.SetFont(r.family, "I", 8.5)
	p.SetY(p.GetY() + 1.5)
	for _, l := range r.wrap(b.caption, bodyW) {
		r.line(l, marginL, bodyW, 4.5, false)
	}
	p.SetTextColor(0, 0, 0)
	p.SetY(p.GetY() + 4)
	r.fresh = false
}

// tableRowH is the height of a table row.
const tableRowH = 6.5

// firstColumn is the width of a table's label column: wide enough for
// the longest label, leaving at least 22 mm for each other column.
func (r *renderer) firstColumn(b block) float64 {
	p := r.pdf
	p.SetFont(r.family, "", 9)
	w := 40.0
	for _, row := range b.rows {
		w = max(w, p.GetStringWidth(r.tr(row[0]))+2*p.GetCellMargin()+2)
	}
	return min(w, bodyW-22*float64(len(b.rows[0])-1))
}

// tableHeight is the room a table and its caption take.
func tableHeight(b block) float64 { return float64(len(b.rows))*tableRowH + 13 }

// rowStyle sets font and colours for table row i: a header row in the
// accent colour, then body rows.
func (r *renderer) rowStyle(i int) {
	p := r.pdf
	if i == 0 {
		a := r.m.style.accent
		p.SetFont(r.family, "B", 9)
		p.SetFillColor(a[0], a[1], a[2])
		p.SetTextColor(255, 255, 255)
		return
	}
	p.SetFont(r.family, "", 9)
	p.SetFillColor(242, 242, 242)
	p.SetTextColor(0, 0, 0)
}
