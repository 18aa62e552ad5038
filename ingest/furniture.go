package ingest

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Running headers and footers are looked for among the first and last
// edgeLines lines of a page that lie in its top or bottom edgeZone.
const (
	edgeLines = 3
	edgeZone  = 0.16
)

// pageNumberRE matches lines that are only a page number: "3", "- 3 -",
// "Pagina 3", "pagina 3 van 12", "3 van 12", "3/12", "Blz. 3", "iv".
var pageNumberRE = regexp.MustCompile(`(?i)^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|bladzijde|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:van|/|of|\|)\s*\d{1,4})?(?:\s*[-–—])?$`)

// cleanPages removes running headers, footers and page numbers, and the
// table of contents.
func cleanPages(pages []page) {
	removeFurniture(pages)
	markTOC(pages)
}

// removeFurniture drops, from the edges of each page, lines that repeat on
// many pages (digits ignored, so "Pagina 3" and "Pagina 4" repeat) and lines
// that are only a page number.
func removeFurniture(pages []page) {
	body := measure(pages).body
	counts := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range edgeIndexes(p) {
			k := furnitureKey(p.lines[i], body)
			if !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	threshold := max(2, int(math.Ceil(0.3*float64(len(pages)))))
	for pi := range pages {
		p := &pages[pi]
		drop := map[int]bool{}
		for _, i := range edgeIndexes(*p) {
			t := p.lines[i].text
			if pageNumberRE.MatchString(t) && outermost(*p, i) || len(pages) > 1 && counts[furnitureKey(p.lines[i], body)] >= threshold {
				drop[i] = true
			}
		}
		p.lines = without(p.lines, drop)
	}
}

// edgeIndexes returns the indexes of the lines that may be furniture: the
// top and bottom edgeLines lines by position (not reading order, which
// may put a running header's right half at the top of the right column),
// where they lie in the edge zone.
func edgeIndexes(p page) []int {
	order := make([]int, len(p.lines))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return p.lines[order[a]].y < p.lines[order[b]].y })
	var out []int
	for k, i := range order {
		if k >= edgeLines && k < len(order)-edgeLines {
			continue
		}
		y := p.lines[i].y
		if p.height <= 0 || y < edgeZone*p.height || y > (1-edgeZone)*p.height {
			out = append(out, i)
		}
	}
	return out
}

// outermost reports whether no line lies further towards the page edge
// than line i: a number that ends a column ("2021") is no page number.
func outermost(p page, i int) bool {
	y := p.lines[i].y
	top := y < p.height/2
	for _, l := range p.lines {
		if top && l.y < y-1 || !top && l.y > y+1 {
			return false
		}
	}
	return true
}

// furnitureKey normalises a line for comparison across pages: digits and
// case are ignored, except in lines larger than the body text, so that
// chapter headings ("Hoofdstuk 3") are not taken for a running header.
func furnitureKey(l line, body float64) string {
	if l.size > body+0.5 {
		return "\x00" + l.text
	}
	s := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, l.text)
	return strings.Join(strings.Fields(s), " ")
}

func without(lines []line, drop map[int]bool) []line {
	if len(drop) == 0 {
		return lines
	}
	out := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	return out
}
