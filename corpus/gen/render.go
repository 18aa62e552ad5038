package gen

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres (A4).
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 25.0
	marginR = 20.0
	marginT = 27.0
	marginB = 22.0
	bodyW   = pageW - marginL - marginR
	lineH   = 5.0
	bodyPt  = 10.0
)

// passage is a paragraph or list as laid out: its text and where it landed.
type passage struct {
	page, pageEnd int
	headings      []string
	text          string
	veld          int
	themes        []string
	checklist     []int
	secondary     []int
}

// tocEntry is a line of the table of contents.
type tocEntry struct {
	level int
	text  string
	page  int // 0 in the first pass
}

// renderer lays out one docModel with fpdf.
type renderer struct {
	pdf      *fpdf.Fpdf
	family   string              // font family, see setFonts
	tr       func(string) string // translates text for the font
	utf8     bool                // the font is UTF-8 rather than cp1252
	m        *docModel
	toc      []tocEntry
	heads    []int // the page of every heading listed in the toc
	path     []string
	passages []passage
	fresh    bool     // nothing written yet on the current page
	notes    []string // footnotes of the current page, numbered
	noteH    float64  // room they take
	pendingH float64  // room of the footnote of the paragraph being written
	noteNo   int      // footnotes so far
	cols     bool     // text is set in two columns
	col      int      // the current column, 0 or 1
	colTop   float64  // y where the columns start on this page
	colMaxY  float64  // lowest y reached in a column on this page
}

// renderPlan lays the plan out twice: the first pass finds the page of
// every heading, the second writes those pages into the table of contents.
// The table's length does not depend on the numbers, so pages stay put.
func renderPlan(m *docModel) ([]byte, []passage, int, error) {
	toc := tocEntries(m)
	first, err := render(m, toc)
	if err != nil {
		return nil, nil, 0, err
	}
	for i := range toc {
		toc[i].page = first.heads[i]
	}
	r, err := render(m, toc)
	if err != nil {
		return nil, nil, 0, err
	}
	if !slices.Equal(first.heads, r.heads) {
		return nil, nil, 0, fmt.Errorf("layout %s: headings moved between passes", m.spec.fileName())
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return nil, nil, 0, fmt.Errorf("write pdf %s: %w", m.spec.fileName(), err)
	}
	return buf.Bytes(), r.passages, r.pdf.PageNo(), nil
}

func tocEntries(m *docModel) []tocEntry {
	var out []tocEntry
	for _, b := range m.blocks {
		if b.kind == blockHeading && b.level <= 2 {
			out = append(out, tocEntry{level: b.level, text: b.text})
		}
	}
	return out
}

// render runs one layout pass.
func render(m *docModel, toc []tocEntry) (*renderer, error) {
	r := newRenderer(m, toc)
	if m.style.imageCover {
		r.imageCover()
	} else {
		r.cover()
	}
	r.tocPages()
	r.body()
	if err := r.pdf.Error(); err != nil {
		return nil, fmt.Errorf("layout %s: %w", m.spec.fileName(), err)
	}
	return r, nil
}

func newRenderer(m *docModel, toc []tocEntry) *renderer {
	p := fpdf.New("P", "mm", "A4", "")
	r := &renderer{pdf: p, m: m, toc: toc}
	r.setFonts()
	p.SetMargins(marginL, marginT, marginR)
	p.SetAutoPageBreak(false, marginB)
	p.SetCatalogSort(true)
	adopted := m.spec.vastgesteld.Add(9*time.Hour + 30*time.Minute)
	p.SetCreationDate(adopted.AddDate(0, 0, -7))
	p.SetModificationDate(adopted)
	p.SetTitle(m.title, true)
	p.SetAuthor(m.spec.label(), true)
	p.SetSubject(m.spec.typ.Label(), true)
	p.SetKeywords("integrale veiligheid, "+strings.Join(m.spec.names(), ", "), true)
	p.SetCreator("ivp corpus/gen", false)
	p.SetHeaderFuncMode(r.header, true)
	p.SetFooterFunc(r.footer)
	return r
}

// header writes the running header on every page but the cover.
func (r *renderer) header() {
	p := r.pdf
	if p.PageNo() == 1 {
		return
	}
	p.SetFont(r.family, "", 8)
	p.SetTextColor(100, 100, 100)
	label := r.tr(r.m.spec.label())
	wl := min(p.GetStringWidth(label)+2*p.GetCellMargin(), bodyW/2)
	p.SetXY(marginL, 12)
	p.CellFormat(bodyW-wl, 4, r.tr(r.m.title), "", 0, "L", false, 0, "")
	p.CellFormat(wl, 4, label, "", 0, "R", false, 0, "")
	a := r.m.style.accent
	p.SetDrawColor(a[0], a[1], a[2])
	p.SetLineWidth(0.3)
	p.Line(marginL, 17.5, pageW-marginR, 17.5)
	p.SetTextColor(0, 0, 0)
}

// footer writes the page's footnotes and "Pagina N" on every page but
// the cover.
func (r *renderer) footer() {
	p := r.pdf
	r.drawNotes()
	if p.PageNo() == 1 {
		return
	}
	align := "C"
	if r.m.style.footerRight {
		align = "R"
	}
	p.SetFont(r.family, "", 8)
	p.SetTextColor(100, 100, 100)
	p.SetXY(marginL, pageH-15)
	p.CellFormat(bodyW, 5, fmt.Sprintf("Pagina %d", p.PageNo()), "", 0, align, false, 0, "")
	p.SetTextColor(0, 0, 0)
}

func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.fresh = true
}

// keep starts a new page unless h millimetres still fit on this one.
func (r *renderer) keep(h float64) {
	switch {
	case r.pdf.GetY()+h <= r.bottom():
	case r.cols:
		r.nextColumn()
	default:
		r.newPage()
	}
}

// space moves down h millimetres, unless at the top of a page.
func (r *renderer) space(h float64) {
	if !r.fresh {
		r.pdf.SetY(r.pdf.GetY() + h)
	}
}

// line writes one already translated line at x, justified if asked.
func (r *renderer) line(s string, x, w, h float64, justify bool) {
	p := r.pdf
	p.SetX(x)
	n := strings.Count(s, " ")
	justify = justify && n > 0
	if justify {
		p.SetWordSpacing((w - 2*p.GetCellMargin() - p.GetStringWidth(s)) / float64(n))
	}
	p.CellFormat(w, h, s, "", 1, "L", false, 0, "")
	if justify {
		p.SetWordSpacing(0)
	}
	r.fresh = false
}

// record notes a passage that started on page first and ends here.
func (r *renderer) record(b block, first int, text string) {
	r.passages = append(r.passages, passage{
		page: first, pageEnd: r.pdf.PageNo(), headings: slices.Clone(r.path),
		text: text, veld: b.veld, themes: b.themes,
		checklist: b.checklist, secondary: b.secondary,
	})
}

// outline makes a heading safe for the PDF outline, which uses
// PDFDocEncoding rather than cp1252 above 0x7f.
func (r *renderer) outline(s string) string {
	return r.tr(strings.NewReplacer("’", "'", "–", "-").Replace(s))
}
