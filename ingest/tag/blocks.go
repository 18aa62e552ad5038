package tag

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// numbered matches a numbered heading: "2", "2.1", "2.1.3" then the title.
var numbered = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S`)

// Blocks turns plain text into passages: one per blank-line-separated
// block, in order. A block that looks like a heading (one short line, no
// closing full stop) becomes part of the heading path of the blocks after
// it (a heading's own path is its parents); numbered headings nest by
// their number ("2.1" under "2").
func Blocks(text string) []corpus.Passage {
	var out []corpus.Passage
	var path []string
	var depths []int
	for _, b := range splitBlocks(text) {
		heading := looksHeading(b)
		d := 0
		if heading {
			d = headingDepth(b, depths)
			for len(depths) > 0 && depths[len(depths)-1] >= d {
				path, depths = path[:len(path)-1], depths[:len(depths)-1]
			}
		}
		out = append(out, corpus.Passage{Ordinal: len(out), Headings: append([]string(nil), path...), Text: b})
		if heading {
			path, depths = append(path, b), append(depths, d)
		}
	}
	return out
}

// blankLine matches a line break, a line of only spaces and tabs, and the
// next line break: what separates two blocks.
var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

func splitBlocks(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, b := range blankLine.Split(text, -1) {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

func looksHeading(b string) bool {
	if strings.Contains(b, "\n") || len(b) > 90 || isList(b) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(b)
	return last != '.' && last != ';' && last != ',' && len(strings.Fields(b)) <= 10
}

// unnumbered puts headings without a number below every numbered one.
const unnumbered = 10

// headingDepth is the nesting depth of a heading: by its number, else just
// below the deepest numbered heading open, where it replaces an unnumbered
// heading before it.
func headingDepth(h string, open []int) int {
	if m := numbered.FindStringSubmatch(h); m != nil {
		return strings.Count(m[1], ".") + 1
	}
	last := 0
	for _, d := range open {
		if d < unnumbered {
			last = d
		}
	}
	return unnumbered + last
}
