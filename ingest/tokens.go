package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus/nl"
)

// token is a word, or one of the punctuation marks that matter for lists
// of names ("," "&"), with the line it is on.
type token struct {
	text string
	key  string // text without diacritics, case kept (nl.Unaccent): what names match on
	line int
}

// apostrophes are written as ' before tokenising.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "`", "'", "´", "'")

// tokenize splits text into word tokens (letters, digits, inner hyphens and
// apostrophes) and "," and "&", for finding gemeente names.
//
// Its rules differ from corpus/nl's tokenizer on purpose: a name is matched
// token by token, so a hyphenated name and the "'s-" of "'s-Hertogenbosch"
// stay whole ("Súdwest-Fryslân", "Olst-Wijhe"), and "," and "&" are tokens
// because they join the names of a list ("gemeenten Bergen, Heiloo en
// Castricum"). Case is kept, since a name that is also a word ("Best")
// counts only when capitalised. What a letter is without its accents is
// corpus/nl's business (token.key).
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
				out = append(out, token{w, nl.Unaccent(w), line})
			}
			start = -1
		}
		switch r {
		case ',', '&':
			out = append(out, token{string(r), string(r), line})
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

func tokenKeys(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.key
	}
	return out
}

// isLetterish reports runes that belong inside a word token.
func isLetterish(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
}
