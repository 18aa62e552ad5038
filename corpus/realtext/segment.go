package realtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a part of a text: Length bytes from Offset.
type Span struct{ Offset, Length int }

// Segment proposes the passages of a text for labelling: every line is a
// block of its own (a paragraph, a heading, a list item), except that a
// line that starts in lower case continues a block that does not end a
// sentence (text wrapped by a PDF transcript, also over a blank line), and
// a bare list marker ("•", "1.") joins the line after it. Blank lines and
// the white space around blocks are not part of any span.
func Segment(text string) []Span {
	var out []Span
	open := -1 // index in out of the block that may continue
	for _, ln := range lines(text) {
		trim := strings.TrimSpace(text[ln.Offset : ln.Offset+ln.Length])
		if trim == "" {
			continue
		}
		start := ln.Offset + strings.Index(text[ln.Offset:ln.Offset+ln.Length], trim)
		end := start + len(trim)
		if open >= 0 && continues(text[out[open].Offset:out[open].Offset+out[open].Length], trim) {
			out[open].Length = end - out[open].Offset
			continue
		}
		out = append(out, Span{start, end - start})
		open = len(out) - 1
	}
	return out
}

// continues reports whether line belongs to the block before it.
func continues(block, line string) bool {
	if isMarker(block) {
		return true
	}
	if isMarker(line) || isListItem(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(block)
	return unicode.IsLower(r) && !strings.ContainsRune(".!?:;", last)
}

// isMarker reports a line that is only a list marker: "•", "-", "1.", "a)".
func isMarker(s string) bool {
	s = strings.TrimSpace(strings.Trim(s, "•·▪◦-–*"))
	if s == "" {
		return true
	}
	s = strings.TrimRight(s, ".)")
	return len(s) <= 2 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && !unicode.IsLetter(r) }) < 0 &&
		(strings.IndexFunc(s, unicode.IsDigit) >= 0 || len(s) == 1)
}

// isListItem reports a line that starts with a list marker.
func isListItem(s string) bool {
	for _, m := range []string{"•", "·", "▪", "◦", "- ", "– ", "* "} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// lines returns the spans of the lines of text, without their line breaks.
func lines(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			end := i
			if end > start && text[end-1] == '\r' {
				end--
			}
			out = append(out, Span{start, end - start})
			start = i + 1
		}
	}
	return out
}
