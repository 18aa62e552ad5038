package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/corpus"
)

// showToetsPDF sends the report as a PDF to take away: GET
// /kwaliteitstoets/:token/rapport.pdf.
func (h *handler) showToetsPDF(c *gin.Context) {
	d, err := h.draftByToken(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	if d.State == corpus.DraftReading { // the link shows how far the reading is
		c.Redirect(http.StatusSeeOther, "/kwaliteitstoets/"+url.PathEscape(d.Token))
		return
	}
	r, err := h.toetsReport(c, d)
	if err != nil {
		h.fail(c, err)
		return
	}
	body, err := toetsPDF(r)
	if err != nil {
		h.fail(c, fmt.Errorf("kwaliteitstoets pdf: %w", err))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Disposition", `attachment; filename="kwaliteitstoets.pdf"`)
	c.Data(http.StatusOK, "application/pdf", body)
}

// pdfWriter writes the report with fpdf's core fonts; tr turns UTF-8
// into their code page.
type pdfWriter struct {
	p  *fpdf.Fpdf
	tr func(string) string
}

// pdfMargin is the margin of ivp's PDF downloads, in mm.
const pdfMargin = 18

// newPDF starts an A4 document of ivp with its title and a footer that
// names what it is ("kwaliteitstoets") and the page, on its first page.
func newPDF(title, what string) pdfWriter {
	p := fpdf.New("P", "mm", "A4", "")
	w := pdfWriter{p: p, tr: p.UnicodeTranslatorFromDescriptor("")}
	p.SetTitle(w.tr(title), false)
	p.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	p.SetAutoPageBreak(true, pdfMargin)
	p.AliasNbPages("")
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont("Helvetica", "", 8)
		p.CellFormat(0, 5, w.tr("IVP-zoeker · "+what+" · pagina "+strconv.Itoa(p.PageNo())+" van {nb}"), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	return w
}

// bytes ends the document and returns it.
func (w pdfWriter) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := w.p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// toetsPDF lays the report out on A4: the verdict per element with its
// rule, pages, advice and examples, then the priorities.
func toetsPDF(r *toetsReport) ([]byte, error) {
	w := newPDF("Rapport kwaliteitstoets", "kwaliteitstoets")
	w.text("B", 18, "Rapport kwaliteitstoets")
	w.text("", 10, r.Title+" · bestand "+r.FileName)
	if !r.Submitted {
		w.text("", 10, "Deze link werkt tot en met "+r.ExpiresLabel+"; daarna worden het plan en dit rapport verwijderd.")
	}
	w.text("", 10, fmt.Sprintf("Aanwezig: %d · zwak: %d · ontbreekt: %d van de %d kernelementen.",
		r.Counts[string(corpus.VerdictPresent)], r.Counts[string(corpus.VerdictWeak)],
		r.Counts[string(corpus.VerdictMissing)], len(r.Elements)))
	for _, e := range r.Elements {
		w.element(e)
	}
	w.priorities(r)
	return w.bytes()
}

// text writes a paragraph in Helvetica of style and size.
func (w pdfWriter) text(style string, size float64, s string) {
	w.p.SetFont("Helvetica", style, size)
	w.p.MultiCell(0, size*0.5, w.tr(s), "", "L", false)
	w.p.Ln(1.5)
}

// element writes one element of the checklist.
func (w pdfWriter) element(e toetsElement) {
	w.p.Ln(3)
	w.text("B", 12, fmt.Sprintf("%d. %s: %s", e.Number, e.Name, e.Verdict))
	w.text("I", 9, e.Rule)
	if len(e.Pages) > 0 {
		pages := ""
		for i, pg := range e.Pages {
			if i > 0 {
				pages += ", "
			}
			pages += strconv.Itoa(pg)
		}
		w.text("", 10, "Te vinden op pagina "+pages+".")
	}
	if e.Advice != "" {
		w.text("B", 10, "Verbetervoorstel")
		w.text("", 10, e.Advice)
	}
	for _, ex := range e.Examples {
		w.text("", 9, "Voorbeeld uit "+ex.Gemeente+", "+ex.Title+", pagina "+strconv.Itoa(ex.Page)+": "+ex.Text)
	}
}

// priorities writes the plan's priorities beside those of the group.
func (w pdfWriter) priorities(r *toetsReport) {
	w.p.Ln(4)
	w.text("B", 14, "Uw prioriteiten naast die van vergelijkbare gemeenten")
	w.text("", 10, "Vergeleken met "+r.Comparison+".")
	for _, pr := range r.Priorities {
		own := "niet in uw plan"
		if pr.Own {
			own = "prioriteit in uw plan"
		}
		w.text("", 10, fmt.Sprintf("%s: %s; %d van %d vergelijkbare gemeenten (%d%%)", pr.Label, own,
			pr.Comparable, pr.Total, pr.Percent))
	}
}
