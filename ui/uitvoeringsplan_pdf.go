package ui

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// PDF layout of the format, in mm.
const (
	formatLine  = 4.5 // height of a line in a table cell
	formatEmpty = 9   // height of an empty row, room to write in
)

// showPlanFormatPDF sends the format as a PDF: GET
// /uitvoeringsplan/format.pdf.
func (h *handler) showPlanFormatPDF(c *gin.Context) {
	f, ok := h.planFormatFor(c)
	if !ok {
		return
	}
	body, err := f.pdf(h.baseURL(c.Request))
	if err != nil {
		h.fail(c, fmt.Errorf("uitvoeringsplan pdf: %w", err))
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+formatFileName(f)+`.pdf"`)
	c.Data(http.StatusOK, "application/pdf", body)
}

// pdf lays the format out on A4: its chapters with their tables and
// examples, then the process chapters.
func (f *planFormat) pdf(base string) ([]byte, error) {
	w := newPDF(f.Title, "format uitvoeringsplan")
	w.text("B", 18, f.Title)
	w.text("", 10, "Gemeente "+f.Gemeente.Naam+", periode "+f.years()+". Partners: "+strings.Join(f.Partners, ", ")+".")
	for _, c := range append(append([]formatChapter{}, f.Chapters...), f.Process...) {
		w.chapter(c, base)
	}
	return w.bytes()
}

// chapter writes one chapter of the format.
func (w pdfWriter) chapter(c formatChapter, base string) {
	w.p.Ln(4)
	w.text("B", 15, c.Title)
	w.text("", 10, c.Intro)
	if len(c.Themes) > 0 {
		w.text("I", 9, "Prioriteiten: "+strings.Join(c.Themes, ", "))
	}
	for _, t := range c.Tables {
		w.table(t)
	}
	if len(c.Examples) > 0 {
		w.text("B", 11, "Voorbeelden uit gepubliceerde plannen")
		for _, e := range c.Examples {
			w.text("", 9, e.Text)
			w.text("I", 8, fmt.Sprintf("Bron: %s, %s, pagina %d (%s%s)", e.Title, e.Gemeente, e.Page, base, e.URL))
		}
	}
}

// table writes a table with a bold header row and its rows.
func (w pdfWriter) table(t formatTable) {
	w.p.Ln(1)
	w.text("B", 11, t.Title)
	pw, _ := w.p.GetPageSize()
	widths := columnWidths(pw-2*pdfMargin, len(t.Columns))
	w.row(t.Columns, widths, "B")
	for _, r := range t.Rows {
		w.row(r, widths, "")
	}
	w.p.Ln(2)
}

// columnWidths share total over n columns, the first (what the row is
// about: goal, action, partner) twice as wide as the others.
func columnWidths(total float64, n int) []float64 {
	unit := total / float64(n+1)
	out := make([]float64, n)
	for i := range out {
		out[i] = unit
	}
	out[0] = total - unit*float64(n-1)
	return out
}

// row writes one row of cells, as high as its longest cell, on a new
// page when it does not fit.
func (w pdfWriter) row(cells []string, widths []float64, style string) {
	w.p.SetFont("Helvetica", style, 9)
	lines := 1
	for i, c := range cells {
		lines = max(lines, w.lines(w.tr(c), widths[i]-6)) // MultiCell wraps a little earlier
	}
	h := max(float64(lines)*formatLine+1, formatEmpty)
	if style == "B" {
		h = float64(lines)*formatLine + 1
	}
	_, ph := w.p.GetPageSize()
	if w.p.GetY()+h > ph-pdfMargin {
		w.p.AddPage()
	}
	x, y := w.p.GetXY()
	cx := x
	for i, c := range cells {
		w.p.Rect(cx, y, widths[i], h, "D")
		w.p.SetXY(cx+1, y+0.5)
		w.p.MultiCell(widths[i]-2, formatLine, w.tr(c), "", "L", false)
		cx += widths[i]
	}
	w.p.SetXY(x, y+h)
}

// lines counts the lines MultiCell needs for s (in the font's code page)
// in width; fpdf's SplitText reads only UTF-8.
func (w pdfWriter) lines(s string, width float64) int {
	n, cur := 1, ""
	for _, word := range strings.Fields(s) {
		n += int(w.p.GetStringWidth(word) / width) // a word wider than the cell is broken
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if cur != "" && w.p.GetStringWidth(try) > width {
			n++
			try = word
		}
		cur = try
	}
	return n
}
