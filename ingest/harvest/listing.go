package harvest

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// link is one link a listing shows, with what the listing says of it.
type link struct {
	URL     *url.URL
	Title   string // the link's text, or the heading of its item
	Date    string // YYYY-MM-DD, a date shown in its item; "" when none
	Listing string // the page that showed it
}

// parsePage parses a fetched HTML page.
func parsePage(p *page) (*goquery.Document, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p.Body))
	if err != nil {
		return nil, fail(err, "De pagina is geen leesbare HTML.")
	}
	doc.Url = p.URL
	return doc, nil
}

// findLinks returns the links selector picks on doc, each once, in page
// order: an element that is a link, or the links inside an element.
// Links that go nowhere a document can be (mailto:, javascript:, a
// fragment of the page itself) are left out.
func findLinks(doc *goquery.Document, selector string) []link {
	base := baseURL(doc)
	seen := map[string]bool{}
	var out []link
	doc.Find(selector).Each(func(_ int, s *goquery.Selection) {
		anchors := s.Find("a[href]")
		if goquery.NodeName(s) == "a" {
			anchors = s
		}
		anchors.Each(func(_ int, a *goquery.Selection) {
			l, ok := linkOf(a, base)
			if ok && !seen[l.URL.String()] {
				seen[l.URL.String()] = true
				l.Listing = doc.Url.String()
				out = append(out, l)
			}
		})
	})
	return out
}

// baseURL is the page's address, or its <base href> when it has one.
func baseURL(doc *goquery.Document) *url.URL {
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := doc.Url.Parse(strings.TrimSpace(href)); err == nil {
			return b
		}
	}
	return doc.Url
}

func linkOf(a *goquery.Selection, base *url.URL) (link, bool) {
	href, _ := a.Attr("href")
	u, err := base.Parse(strings.TrimSpace(href))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return link{}, false
	}
	u.Fragment, u.RawFragment = "", ""
	if u.String() == strings.SplitN(base.String(), "#", 2)[0] {
		return link{}, false
	}
	item := a.Closest("li, tr, article, dd, .result, .resultaat, .zoekresultaat, .search-result")
	if item.Length() == 0 {
		item = a.Parent()
	}
	return link{URL: u, Title: linkTitle(a, item), Date: itemDate(item)}, true
}

// genericText is link text that says nothing of the document.
var genericText = regexp.MustCompile(`(?i)^(download|downloaden|bekijk|bekijken|open|openen|lees meer|meer|hier|pdf|document|klik hier)\b`)

// sizeNote is the note many sites put after a file link: "(PDF, 1,2 MB)".
var sizeNote = regexp.MustCompile(`(?i)\s*[(\[](pdf|html|doc)[^)\]]*[)\]]\s*$`)

// linkTitle is what the listing calls the document: the link's text, or
// when that is a bare "Download", the heading of the link's item.
func linkTitle(a, item *goquery.Selection) string {
	t := sizeNote.ReplaceAllString(collapse(a.Text()), "")
	if t == "" || genericText.MatchString(t) {
		if h := collapse(item.Find("h1, h2, h3, h4, h5, strong").First().Text()); h != "" {
			return h
		}
		if at, ok := a.Attr("title"); ok {
			return collapse(at)
		}
	}
	return t
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// itemDate is the first date an item shows: a <time datetime>, else a
// date written out in its text.
func itemDate(item *goquery.Selection) string {
	if dt, ok := item.Find("time[datetime]").First().Attr("datetime"); ok {
		if d := findDate(dt); d != "" {
			return d
		}
	}
	return findDate(spacedText(item))
}

// spacedText is the text of s with a space between the texts of its
// elements, so that "<dt>Datum</dt><dd>01-01-2024</dd>" keeps its words
// apart.
func spacedText(s *goquery.Selection) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return b.String()
}

// pageProblem says why a page that answered 200 is not what was asked
// for: a login form, or an error page. "" when it looks fine.
func pageProblem(doc *goquery.Document) string {
	if doc.Find(`input[type="password"], input[type=password]`).Length() > 0 {
		return "De pagina vraagt om in te loggen; alleen openbare pagina's worden geoogst."
	}
	head := collapse(doc.Find("title").First().Text() + " | " + doc.Find("h1").First().Text())
	if errorPage.MatchString(head) {
		return fmt.Sprintf("De server gaf een foutpagina (%q).", strings.Trim(head, " |"))
	}
	return ""
}

// errorPage matches the title and heading of an error page.
var errorPage = regexp.MustCompile(`(?i)(^|\|\s*)(404|403|410|500|502|503)\b|\b(fout|error)\s*(404|403|410|500|502|503)\b|` +
	`niet gevonden|bestaat niet( meer)?|niet (meer )?beschikbaar|er is iets (mis)?(ge)?gaan|foutmelding|` +
	`page not found|not found|internal server error|service unavailable|toegang geweigerd|access denied`)
