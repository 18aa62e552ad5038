package nl

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case without diacritics and with compatibility
// forms decomposed: "Geïntegreerde" is "geintegreerde", "ĳs" is "ijs",
// "ﬁets" is "fiets". It lower-cases first and then decomposes (NFKD) and
// drops the combining marks (Unicode category Mn), the order the index
// has always used.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return string(FoldBytes([]byte(s)))
}

// FoldBytes is Fold for bytes. It may overwrite b and return it.
func FoldBytes(b []byte) []byte {
	b = lowerBytes(b)
	if isASCII(b) {
		return b
	}
	return stripMarks(b)
}

// Unaccent removes diacritics and decomposes compatibility forms but keeps
// the case: "Súdwest-Fryslân" is "Sudwest-Fryslan". It is for names, whose
// capitals matter.
func Unaccent(s string) string {
	if isASCII(s) {
		return s
	}
	return string(stripMarks([]byte(s)))
}

// stripMarks decomposes b (NFKD) and drops its combining marks, in the
// decomposed buffer: what it writes is never longer than what it has read,
// since a byte that is not UTF-8 is kept as it is.
func stripMarks(b []byte) []byte {
	d := norm.NFKD.Bytes(b)
	out := d[:0]
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, d[0])
		case !unicode.Is(unicode.Mn, r):
			out = utf8.AppendRune(out, r)
		}
		d = d[n:]
	}
	return out
}

// lowerBytes lower-cases b: ASCII in place, anything else into a new slice
// (bytes.ToLower, which makes a byte that is not UTF-8 U+FFFD). A capital
// sigma that ends the word becomes the final form ς, as bleve's lower-case
// filter did.
func lowerBytes(b []byte) []byte {
	if isASCII(b) {
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return b
	}
	finalSigma := bytes.HasSuffix(b, []byte("Σ"))
	b = bytes.ToLower(b)
	if finalSigma {
		b = append(b[:len(b)-len("σ")], "ς"...)
	}
	return b
}

// StripApostrophes applies the Dutch apostrophe rule to one word: a final
// "'s" (plural or possessive, also with ’ or ‘) is removed ("camera's" is
// camera, "BOA’s" is BOA) and any other apostrophe is dropped ("zo'n" is
// zon). A word without apostrophes is returned as it is; otherwise the
// result is a new slice.
func StripApostrophes(word []byte) []byte {
	if !bytes.ContainsAny(word, "'’‘") {
		return word
	}
	out := make([]byte, 0, len(word))
	for rest := word; len(rest) > 0; {
		r, n := utf8.DecodeRune(rest)
		rest = rest[n:]
		if !isApostrophe(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if len(out) > 0 && (string(rest) == "s" || string(rest) == "S") {
			break // the plural or possessive 's
		}
	}
	return out
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// formOf returns the form of one word as the exact field holds it: lower
// case, the apostrophe rule, folded. Analyze returns it memoised as
// Word.Form.
func formOf(word string) string {
	return string(formBytes([]byte(word)))
}

// formBytes is formOf on a copy the caller owns.
func formBytes(b []byte) []byte {
	b = lowerBytes(b)
	b = StripApostrophes(b)
	if isASCII(b) {
		return b
	}
	return stripMarks(b)
}

func isASCII[S string | []byte](s S) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
