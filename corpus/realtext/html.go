package realtext

import (
	"html"
	"strings"
	"unicode/utf8"
)

// HTML is the text as a plain web page, the form in which `ivp ingest`
// takes it: each block Segment finds becomes a paragraph, a list item
// (lines starting with a list marker) or a heading (a short line without
// a closing full stop), and the first block is the title.
func (d Doc) HTML() []byte {
	var b strings.Builder
	spans := Segment(d.Text)
	title := ""
	if len(spans) > 0 {
		title = Collapse(d.Text[spans[0].Offset : spans[0].Offset+spans[0].Length])
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(truncate(title, 150)))
	b.WriteString("</title></head><body><main>\n")
	inList := false
	for _, sp := range spans {
		text := Collapse(d.Text[sp.Offset : sp.Offset+sp.Length])
		item := isListItem(text)
		if item != inList {
			b.WriteString(map[bool]string{true: "<ul>\n", false: "</ul>\n"}[item])
			inList = item
		}
		switch {
		case item:
			b.WriteString("<li>" + html.EscapeString(strings.TrimSpace(strings.TrimLeft(text, "•·▪◦-–*"))) + "</li>\n")
		case looksHeading(text):
			b.WriteString("<h2>" + html.EscapeString(text) + "</h2>\n")
		default:
			b.WriteString("<p>" + html.EscapeString(text) + "</p>\n")
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

// looksHeading reports a short line without a closing full stop.
func looksHeading(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return utf8.RuneCountInString(s) <= 80 && len(strings.Fields(s)) <= 10 && !strings.ContainsRune(".;,:", last)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}
