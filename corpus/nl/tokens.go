package nl

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: text[Start:End].
type Token struct {
	Start, End int
	// Numeric is true when the word has only digits and number
	// punctuation ("2023", "3,5", "1.000").
	Numeric bool
}

// AppendTokens appends the words of text to dst, in order, and returns
// the extended slice. A word is a run of letters, digits and combining
// marks that starts with a letter or digit. Inside a word stay: an apostrophe between letters ("camera's",
// "zo'n"), a full stop between letters or between digits ("o.a",
// "www.ede.nl", "3.5"), a comma between digits ("1,5") and an underscore
// between word characters. Everything else separates words, hyphens and
// slashes included ("2023-2026", "hang- en sluitwerk"). On Dutch prose this
// finds the words bleve's UAX #29 tokenizer finds, several times faster.
func AppendTokens[S string | []byte](dst []Token, text S) []Token {
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		if !isWordRune(r) || unicode.Is(unicode.Mn, r) {
			i += n // a stray combining mark belongs to what it follows
			continue
		}
		end, numeric := wordEnd(text, i)
		dst = append(dst, Token{Start: i, End: end, Numeric: numeric})
		i = end
	}
	return dst
}

// wordEnd returns where the word starting at i ends and whether it is
// all digits and number punctuation.
func wordEnd[S string | []byte](text S, i int) (int, bool) {
	numeric := true
	var prev rune
	for i < len(text) {
		r, n := decodeRune(text, i)
		if isWordRune(r) {
			numeric = numeric && unicode.IsDigit(r)
			prev, i = r, i+n
			continue
		}
		var next rune
		if i+n < len(text) {
			next, _ = decodeRune(text, i+n)
		}
		if !joins(prev, r, next) {
			break
		}
		numeric = numeric && !isApostrophe(r)
		prev, i = r, i+n
	}
	return i, numeric
}

// decodeRune decodes the rune at text[i]; an invalid byte is
// utf8.RuneError of width 1.
func decodeRune[S string | []byte](text S, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(string(text[i:min(len(text), i+utf8.UTFMax)]))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether mid keeps the runes before and after it in one
// word.
func joins(before, mid, after rune) bool {
	switch mid {
	case '\'', '’', '‘':
		return unicode.IsLetter(before) && unicode.IsLetter(after)
	case '.':
		return unicode.IsLetter(before) && unicode.IsLetter(after) || unicode.IsDigit(before) && unicode.IsDigit(after)
	case ',':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	case '_':
		return isWordRune(before) && isWordRune(after)
	}
	return false
}
