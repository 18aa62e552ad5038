package ingest

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockKind says what a block is.
type blockKind int

const (
	paraBlock blockKind = iota
	headingBlock
	itemBlock // a list item, text starting with "• " or a list number
	rowBlock  // a table row, cells joined with " | "
)

// block is a paragraph, heading, list item or table row with its pages.
type block struct {
	kind     blockKind
	level    int // headings: 1 outermost; set by assignLevels
	text     string
	from, to int // pages
	size     float64
	bold     bool
	depth    int // headings: depth of the numbering ("3.1" → 2), 0 when none
}

// Patterns of headings and list items.
var (
	numberedRE = regexp.MustCompile(`^(\d{1,2})((?:\.\d{1,2}){0,3})\.?\s+(\p{L}.*)$`)
	listRE     = regexp.MustCompile(`^(?:•|\d{1,2}[.)]|[a-z][.)]|\([a-z0-9]{1,2}\))\s`)
)

// group is a run of lines that belong together on one page: a paragraph,
// a heading, a list item or a table row.
type group struct {
	lines               []line
	row                 bool // a table row: one line per cell
	lead                bool // a heading in body type, set apart by space above
	gapBefore, gapAfter float64
}

// footnoteRE matches the start of a footnote: its number.
var footnoteRE = regexp.MustCompile(`^(?:\d{1,3}|\*)\s*\p{L}`)

// buildBlocks turns the cleaned pages into blocks. Footnotes are moved
// after the paragraph that runs on to the next page, so that it stays
// whole.
func buildBlocks(pages []page) []block {
	st := measure(pages)
	var blocks, notes []block
	for _, p := range pages {
		var main, foot []block
		for _, g := range groupLines(p.lines, st) {
			if isFootnote(g, p, st) {
				foot = append(foot, classify(g, p.number, st))
				continue
			}
			main = append(main, classify(g, p.number, st))
		}
		blocks = appendPage(blocks, main, notes)
		notes = foot
	}
	blocks = append(blocks, notes...)
	assignLevels(blocks)
	return blocks
}

// isFootnote reports small text at the foot of a page that starts with a
// note number.
func isFootnote(g group, p page, st stats) bool {
	l := g.lines[0]
	return !g.row && l.size < st.body*0.92 && l.y > 0.6*p.height && footnoteRE.MatchString(l.text)
}

// appendPage adds a page's blocks, joining a paragraph that runs on from
// the previous page, followed by the previous page's footnotes.
func appendPage(blocks, main, notes []block) []block {
	if len(blocks) > 0 && len(main) > 0 && continues(blocks[len(blocks)-1], main[0]) {
		last := &blocks[len(blocks)-1]
		last.text = joinLines([]string{last.text, main[0].text})
		last.to = main[0].to
		main = main[1:]
	}
	blocks = append(blocks, notes...)
	return append(blocks, main...)
}

// continues reports whether b starts in the middle of a's sentence.
func continues(a, b block) bool {
	if a.kind != paraBlock && a.kind != itemBlock || b.kind != paraBlock {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.text)
	return !endsSentence(a.text) && (unicode.IsLower(r) || strings.HasSuffix(a.text, "-"))
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")”\"' ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// classify decides what a group of lines is.
func classify(g group, pageNo int, st stats) block {
	b := block{from: pageNo, to: pageNo, size: g.lines[0].size, bold: g.lines[0].bold}
	if g.row {
		cells := make([]string, len(g.lines))
		for i, l := range g.lines {
			cells[i] = l.text
		}
		b.kind, b.text = rowBlock, strings.Join(cells, " | ")
		return b
	}
	texts := make([]string, len(g.lines))
	for i, l := range g.lines {
		texts[i] = l.text
	}
	b.text = joinLines(texts)
	switch {
	case isHeading(g, b.text, st):
		b.kind = headingBlock
		if m := numberedRE.FindStringSubmatch(b.text); m != nil {
			b.depth = 1 + strings.Count(m[2], ".")
		}
	case listRE.MatchString(b.text):
		b.kind = itemBlock
	}
	return b
}

// isHeading recognises headings by their look relative to the body text:
// larger, or bold, or numbered ("3.1 Ondermijning") and set apart.
func isHeading(g group, text string, st stats) bool {
	n := utf8.RuneCountInString(text)
	l := g.lines[0]
	if n > 160 || !hasLetter(text) || !startsUpper(text) || strings.HasSuffix(text, ",") ||
		strings.HasSuffix(text, ";") || strings.HasSuffix(text, "-") {
		return false
	}
	larger := l.size >= st.body+1 && l.size >= st.body*1.12
	switch {
	case larger && len(g.lines) <= 4:
		return !strings.HasSuffix(text, ".") || len(g.lines) == 1 && n < 60
	case strings.HasSuffix(text, ".") || strings.HasSuffix(text, ":"):
		return false
	case l.bold && l.size >= st.body-0.5 && len(g.lines) <= 2 && n <= 110:
		return !strings.HasPrefix(text, "• ")
	}
	if g.lead {
		return true
	}
	apart := g.gapBefore > st.spacing*1.3 && g.gapAfter > st.spacing*1.3
	if len(g.lines) != 1 || n > 80 || !apart {
		return false
	}
	return numberedRE.MatchString(text) && !listRE.MatchString(text) || isCaps(text) && n >= 4
}

// startsUpper reports text that starts like a heading or sentence: a
// capital, a digit or an opening quote.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("‘“'\"(", r)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// isCaps reports text written in capitals only ("INLEIDING").
func isCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// roundSize rounds a font size to half points, the resolution of styles.
func roundSize(z float64) float64 { return math.Round(z*2) / 2 }
