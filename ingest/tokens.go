package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, or one of the punctuation marks that matter for lists
// of names ("," "&"), with the line it is on.
type token struct {
	text string
	line int
}

// apostrophes are written as ' before tokenising.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "´", "'")

// tokenize splits text into word tokens (letters, digits, inner hyphens and
// apostrophes, so "'s-Hertogenbosch" is one token) and "," and "&".
func tokenize(text string) []token {
	text = apostrophes.Replace(text)
	var out []token
	line, start := 0, -1
	for i, r := range text + " " {
		if isLetterish(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := trimWord(text[start:i]); w != "" {
				out = append(out, token{w, line})
			}
			start = -1
		}
		switch r {
		case ',', '&':
			out = append(out, token{string(r), line})
		case '\n':
			line++
		}
	}
	return out
}

// trimWord drops hyphens and apostrophes at the edges of a word, except the
// apostrophe of "'s-".
func trimWord(w string) string {
	w = strings.TrimRight(w, "-'")
	if strings.HasPrefix(w, "'s-") {
		return w
	}
	w = strings.TrimLeft(w, "-'")
	if !utf8.ValidString(w) {
		return ""
	}
	return w
}

func tokenTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// isLetterish reports runes that belong inside a word token.
func isLetterish(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
}
