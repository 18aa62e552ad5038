package ui

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// The fixed parts of a WordprocessingML package: what Word and
// LibreOffice need to open a document with two heading styles and
// tables with borders.
const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`
	docxDocumentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`
	docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`
)

// docxWriter writes the body of word/document.xml.
type docxWriter struct {
	b bytes.Buffer
}

// esc escapes text for XML.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) //nolint:errcheck // a strings.Builder does not fail
	return b.String()
}

// para writes a paragraph of text in style ("" for Normal).
func (w *docxWriter) para(style, text string) {
	w.b.WriteString("<w:p>")
	if style != "" {
		fmt.Fprintf(&w.b, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	fmt.Fprintf(&w.b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc(text))
}

// table writes a table with a bold header row.
func (w *docxWriter) table(t formatTable) {
	w.para("Heading2", t.Title)
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>`)
	for _, cw := range columnWidths(9600, len(t.Columns)) { // twentieths of a point
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, int(cw))
	}
	w.b.WriteString("</w:tblGrid>")
	w.row(t.Columns, true)
	for _, r := range t.Rows {
		w.row(r, false)
	}
	w.b.WriteString("</w:tbl>")
}

// row writes one table row; a header row repeats on every page.
func (w *docxWriter) row(cells []string, header bool) {
	w.b.WriteString("<w:tr>")
	if header {
		w.b.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
	}
	for _, c := range cells {
		bold := ""
		if header {
			bold = "<w:rPr><w:b/></w:rPr>"
		}
		fmt.Fprintf(&w.b, `<w:tc><w:p><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, bold, esc(c))
	}
	w.b.WriteString("</w:tr>")
}

// chapter writes a chapter: its heading, intro, tables and examples.
func (w *docxWriter) chapter(c formatChapter) {
	w.para("Heading1", c.Title)
	w.para("", c.Intro)
	if len(c.Themes) > 0 {
		w.para("", "Prioriteiten: "+strings.Join(c.Themes, ", "))
	}
	for _, t := range c.Tables {
		w.table(t)
	}
	if len(c.Examples) > 0 {
		w.para("Heading2", "Voorbeelden uit gepubliceerde plannen")
		for _, e := range c.Examples {
			w.para("", e.Text)
			w.para("", fmt.Sprintf("Bron: %s, %s, pagina %d (%s)", e.Title, e.Gemeente, e.Page, e.URL))
		}
	}
}

// docx writes the format as a .docx package.
func (f *planFormat) docx(base string) ([]byte, error) {
	var w docxWriter
	w.para("Title", f.Title)
	w.para("", "Gemeente "+f.Gemeente.Naam+", periode "+f.years()+". Partners: "+strings.Join(f.Partners, ", ")+".")
	for _, c := range append(append([]formatChapter{}, f.Chapters...), f.Process...) {
		c.Examples = append([]toetsExample{}, c.Examples...)
		for i := range c.Examples {
			c.Examples[i].URL = base + c.Examples[i].URL
		}
		w.chapter(c)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		w.b.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, part := range [][2]string{{"[Content_Types].xml", docxContentTypes}, {"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocumentRels}, {"word/document.xml", doc}, {"word/styles.xml", docxStyles}} {
		pw, err := z.Create(part[0])
		if err != nil {
			return nil, fmt.Errorf("docx %s: %w", part[0], err)
		}
		if _, err := pw.Write([]byte(part[1])); err != nil {
			return nil, fmt.Errorf("docx %s: %w", part[0], err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return out.Bytes(), nil
}

// showPlanFormatDocx sends the format as a Word document: GET
// /uitvoeringsplan/format.docx.
func (h *handler) showPlanFormatDocx(c *gin.Context) {
	f, ok := h.planFormatFor(c)
	if !ok {
		return
	}
	body, err := f.docx(h.baseURL(c.Request))
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+formatFileName(f)+`.docx"`)
	c.Data(http.StatusOK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body)
}

// formatFileName is the download's name without extension.
func formatFileName(f *planFormat) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, f.Gemeente.Naam)
	return "uitvoeringsplan-" + name + "-" + f.years()
}
