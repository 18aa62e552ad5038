package ingest

import (
	"strings"
	"unicode"

	"github.com/ccv/ivp/corpus"
)

// line is one line of page text as the cleaning and block steps see it.
type line struct {
	text string
	x, w float64 // left edge and width, points
	y    float64 // baseline from the top of the page, points
	size float64 // font size, points
	bold bool
	col  int // lines with the same col are in one column of text
}

// page is the text of one page.
type page struct {
	number int
	width  float64
	height float64
	lines  []line
	toc    bool // the page is (part of) the table of contents
}

// layout is a document on its way from the parser to the passages.
type layout struct {
	media  string
	pages  []page
	blocks []block
	title  string           // the title as the source shows it ("" when unknown)
	extra  string           // text that only helps metadata: HTML <title>, site name
	ocr    []corpus.OCRPage // pages read by OCR, by page
}

// pageTexts returns the cleaned text of each page, one line per line.
func (d *layout) pageTexts() []string {
	out := make([]string, len(d.pages))
	for i, p := range d.pages {
		lines := make([]string, len(p.lines))
		for j, l := range p.lines {
			lines[j] = l.text
		}
		out[i] = strings.Join(lines, "\n")
	}
	return out
}

// frontText returns the text of the first n pages, for metadata.
func (d *layout) frontText(n int) string { return textOf(d.pages[:min(n, len(d.pages))]) }

// backText returns the text of the last n pages.
func (d *layout) backText(n int) string { return textOf(d.pages[max(0, len(d.pages)-n):]) }

// textOf joins the lines of pages, one per line.
func textOf(pages []page) string {
	var b strings.Builder
	for _, p := range pages {
		for _, l := range p.lines {
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// letters counts the letters of all lines.
func (d *layout) letters() int {
	n := 0
	for _, p := range d.pages {
		n += pageLetters(p)
	}
	return n
}

// pageLetters counts the letters on one page.
func pageLetters(p page) int {
	n := 0
	for _, l := range p.lines {
		for _, r := range l.text {
			if unicode.IsLetter(r) {
				n++
			}
		}
	}
	return n
}
