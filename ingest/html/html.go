package html

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Kind says what a block is.
type Kind int

// The kinds of blocks.
const (
	Paragraph Kind = iota
	Heading
	ListItem
	TableRow
)

// Block is one unit of the page's main text, in reading order.
type Block struct {
	Kind  Kind
	Level int    // headings: 1 for h1 … 6 for h6
	Text  string // whitespace collapsed; list items start with "• " or their number ("3. "), cells are joined with " | "
}

// Document is the extracted main content of a page.
type Document struct {
	Title    string // the <title> element
	SiteName string // og:site_name, often "Gemeente X"
	Blocks   []Block
}

// mainSelectors are tried in order to find the main content.
// Site-wide wrappers such as WordPress's #content (which holds the sidebar
// too) come after the CMS-specific content containers.
var mainSelectors = []string{"main", "[role=main]", "article", "#main-content", ".main-content",
	".entry-content", ".page-content", "#primary", "#content", "#main"}

// dropSelectors remove page furniture wherever it is.
const dropSelectors = "script, style, noscript, template, nav, aside, form, iframe, svg, button, " +
	"select, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden], " +
	"[class*=cookie], [id*=cookie], [class*=Cookie], [id*=Cookie], [class*=consent], [id*=consent], " +
	"[class*=breadcrumb], [class*=skip-link], [class*=skiplink], " +
	"[class*=share], [class*=sharing], [class*=social], [class*=feedback], [class*=printlink], " +
	"[class*=field--name-changed], [class*=last-modified], [class*=widget-area], [class*=sidebar], [id*=sidebar]"

// Parse reads an HTML page in any declared character set and returns its
// main content.
func Parse(data []byte) (*Document, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "")
	if err != nil {
		return nil, fmt.Errorf("html charset: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("html parse: %w", err)
	}
	out := &Document{
		Title:    collapse(doc.Find("head title").First().Text()),
		SiteName: collapse(doc.Find(`meta[property="og:site_name"]`).AttrOr("content", "")),
	}
	root := mainContent(doc)
	root.Find(dropSelectors).Remove()
	dropFurniture(root)
	w := &walker{}
	for _, n := range root.Nodes {
		w.walk(n)
	}
	w.flush()
	out.Blocks = w.blocks
	return out, nil
}

// mainContent returns the first main-content element, else the body.
func mainContent(doc *goquery.Document) *goquery.Selection {
	for _, sel := range mainSelectors {
		if s := doc.Find(sel).First(); s.Length() > 0 && len(strings.TrimSpace(s.Text())) > 0 {
			return s
		}
	}
	return doc.Find("body").First()
}

// dropFurniture removes site headers and footers. A header that holds a
// heading (an article's own header) stays.
func dropFurniture(root *goquery.Selection) {
	root.Find("footer").Remove()
	root.Find("header").Each(func(_ int, h *goquery.Selection) {
		if h.Find("h1, h2, h3, h4, h5, h6").Length() == 0 {
			h.Remove()
		}
	})
}

// collapse trims s, folds every run of white space into one space and
// drops bytes that are not UTF-8 (a page that lies about its encoding).
func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
}

// isBlock reports whether an element starts a new block of text.
func isBlock(n *html.Node) bool {
	switch n.Data {
	case "div", "section", "article", "main", "header", "footer", "ul", "ol", "dl",
		"table", "thead", "tbody", "tfoot", "blockquote", "figure", "details",
		"summary", "body", "hr", "br", "caption", "fieldset", "center":
		return true
	}
	return false
}
