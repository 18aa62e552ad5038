package html

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// walker turns the element tree into blocks, collecting loose inline text
// (text outside p, li, … elements) into paragraphs of its own.
type walker struct {
	blocks []Block
	inline strings.Builder
}

func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		w.children(n)
		return
	}
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		w.add(Heading, int(n.Data[1]-'0'), text(n, false))
	case "p", "dt", "dd", "figcaption", "pre", "address", "legend":
		w.add(Paragraph, 0, text(n, false))
	case "li":
		if t := text(n, true); t != "" {
			w.add(ListItem, 0, bullet(n)+t)
		} else {
			w.flush()
		}
		w.nested(n)
	case "tr":
		w.add(TableRow, 0, row(n))
	default:
		if isBlock(n) {
			w.flush()
			w.children(n)
			w.flush()
			return
		}
		w.children(n)
	}
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// nested walks the lists and tables inside a list item.
func (w *walker) nested(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "ul" || c.Data == "ol" || c.Data == "table") {
			w.walk(c)
		}
	}
}

// add flushes loose text and appends a block unless it is empty.
func (w *walker) add(k Kind, level int, s string) {
	w.flush()
	if s == "" || s == "•" || strings.Trim(s, "| ") == "" {
		return
	}
	w.blocks = append(w.blocks, Block{Kind: k, Level: level, Text: s})
}

// flush turns loose inline text into a paragraph.
func (w *walker) flush() {
	s := collapse(w.inline.String())
	w.inline.Reset()
	if s != "" {
		w.blocks = append(w.blocks, Block{Kind: Paragraph, Text: s})
	}
}

// text returns the collapsed text of n; skipLists leaves out nested lists
// and tables (they become blocks of their own).
func text(n *html.Node, skipLists bool) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case skipLists && (c.Data == "ul" || c.Data == "ol" || c.Data == "table"):
			case c.Data == "br" || isBlock(c) || c.Data == "p":
				b.WriteByte(' ')
				rec(c)
				b.WriteByte(' ')
			default:
				rec(c)
			}
		}
	}
	rec(n)
	return collapse(b.String())
}

// row joins the cells of a table row with " | ".
func row(tr *html.Node) string {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			if s := text(c, false); s != "" {
				cells = append(cells, s)
			}
		}
	}
	return strings.Join(cells, " | ")
}

// bullet is how a list item starts: "• ", or its number in an ordered
// list ("3. "), counting from the list's start attribute.
func bullet(li *html.Node) string {
	ol := li.Parent
	if ol == nil || ol.Type != html.ElementNode || ol.Data != "ol" {
		return "• "
	}
	n := 1
	for _, a := range ol.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v >= 0 && v < 1_000_000 {
				n = v
			}
		}
	}
	for c := li.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode && c.Data == "li" {
			n++
		}
	}
	return strconv.Itoa(n) + ". "
}
