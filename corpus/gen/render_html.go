package gen

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
)

// renderHTML writes the plan as a page of a municipal regulation site: a
// site header and menu, the title, the intitulé (the council's decision),
// chapters as "Hoofdstuk N ..." and sections as "Artikel N.M ...", the
// same paragraphs, lists and tables as the PDF, the signature and a site
// footer. The passages are the same as in the PDF, word for word.
func renderHTML(m *docModel) []byte {
	var b bytes.Buffer
	s := m.spec
	site := s.label()
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | %s</title>\n",
		esc(m.title), esc(site))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n<meta name=\"dcterms.issued\" content=\"%s\">\n</head>\n<body>\n",
		esc(site), s.vastgesteld.Format("2006-01-02"))
	fmt.Fprintf(&b, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a>\n<nav aria-label=\"Hoofdmenu\"><ul>"+
		"<li><a href=\"/regelgeving\">Lokale regelgeving</a></li><li><a href=\"/bestuur\">Bestuur</a></li>"+
		"<li><a href=\"/contact\">Contact</a></li></ul></nav></header>\n", esc(site))
	b.WriteString("<div class=\"breadcrumb\"><a href=\"/\">Home</a> &gt; <a href=\"/regelgeving\">Regelgeving</a> &gt; Veiligheid</div>\n")
	b.WriteString("<main id=\"content\">\n<article class=\"regeling\">\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", esc(m.title))
	writeIntitule(&b, m)
	for _, bl := range m.blocks {
		writeHTMLBlock(&b, bl)
	}
	writeSignature(&b, s)
	b.WriteString("</article>\n</main>\n")
	fmt.Fprintf(&b, "<footer class=\"site-footer\"><p>%s</p><ul><li><a href=\"/privacy\">Privacy</a></li>"+
		"<li><a href=\"/toegankelijkheid\">Toegankelijkheid</a></li></ul></footer>\n</body>\n</html>\n", esc(site))
	return b.Bytes()
}

func esc(s string) string { return html.EscapeString(s) }

// writeIntitule writes the decision that opens a regulation.
func writeIntitule(b *bytes.Buffer, m *docModel) {
	s := m.spec
	of := "de gemeente " + s.gemeenten[0].Naam
	if len(s.gemeenten) > 1 {
		of = "de gemeenten " + joinNL(s.names())
	}
	who, by := "De raad van "+of, "burgemeester en wethouders"
	switch {
	case s.typ != corpus.TypeIVP:
		who, by = "Het college van burgemeester en wethouders van "+of, "de burgemeester"
	case len(s.gemeenten) > 1:
		who = "De raden van " + of
	}
	proposal := s.vastgesteld.Add(-35 * 24 * time.Hour)
	b.WriteString("<div class=\"intitule\">\n")
	fmt.Fprintf(b, "<p>%s;</p>\n<p>gelezen het voorstel van %s van %s;</p>\n", esc(who), by, dutchDate(proposal))
	b.WriteString("<p>gelet op artikel 38b van de Politiewet en artikel 172 van de Gemeentewet;</p>\n")
	fmt.Fprintf(b, "<p>besluit vast te stellen: %s.</p>\n</div>\n", esc(m.title))
	fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", esc(adoptionLine(s)))
}

// writeHTMLBlock writes one block of the body.
func writeHTMLBlock(b *bytes.Buffer, bl block) {
	switch bl.kind {
	case blockHeading:
		prefix := map[int]string{1: "Hoofdstuk ", 2: "Artikel "}[bl.level]
		fmt.Fprintf(b, "<h%d>%s%s</h%d>\n", bl.level+1, prefix, esc(bl.text), bl.level+1)
	case blockPara:
		fmt.Fprintf(b, "<p>%s</p>\n", esc(bl.text))
	case blockBullets:
		tag := "ul"
		if bl.numbered {
			tag = "ol"
		}
		fmt.Fprintf(b, "<%s>\n", tag)
		for _, it := range bl.items {
			fmt.Fprintf(b, "<li>%s</li>\n", esc(it))
		}
		fmt.Fprintf(b, "</%s>\n", tag)
	case blockTable:
		writeHTMLTable(b, bl)
	}
}

func writeHTMLTable(b *bytes.Buffer, bl block) {
	fmt.Fprintf(b, "<table>\n<caption>%s</caption>\n<thead><tr>", esc(bl.caption))
	for _, c := range bl.rows[0] {
		fmt.Fprintf(b, "<th>%s</th>", esc(c))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range bl.rows[1:] {
		b.WriteString("<tr>")
		for _, c := range row {
			fmt.Fprintf(b, "<td>%s</td>", esc(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// writeSignature writes the closing formula of a regulation.
func writeSignature(b *bytes.Buffer, s *planSpec) {
	by := "De griffier, De voorzitter,"
	if s.typ != corpus.TypeIVP {
		by = "De secretaris, De burgemeester,"
	}
	fmt.Fprintf(b, "<div class=\"ondertekening\"><p>Aldus vastgesteld op %s.</p><p>%s</p></div>\n",
		dutchDate(s.vastgesteld), strings.TrimSpace(by))
}
