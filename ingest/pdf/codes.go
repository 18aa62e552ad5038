package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// codes splits a shown string into character codes.
func (f *font) codes(raw string) []int {
	if !f.twoByte {
		out := make([]int, len(raw))
		for i := 0; i < len(raw); i++ {
			out[i] = int(raw[i])
		}
		return out
	}
	out := make([]int, 0, len(raw)/2+1)
	for i := 0; i+1 < len(raw); i += 2 {
		out = append(out, int(raw[i])<<8|int(raw[i+1]))
	}
	return out
}

// width returns the advance of a code in glyph units.
func (f *font) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	switch {
	case f.mono:
		return 600
	case f.std != nil && code >= 0 && code < 256:
		return float64(f.std[code])
	}
	if f.guessed {
		if code == ' ' {
			return guessSpace
		}
		return guessWidth
	}
	return f.dw
}

// decode returns the text of one code, asking the library's decoder once
// per distinct code.
func (f *font) decode(code int) string {
	if s, ok := f.text[code]; ok {
		return s
	}
	if s, ok := f.mapped(code); ok {
		f.text[code] = s
		return s
	}
	raw := string([]byte{byte(code)})
	if f.twoByte {
		raw = string([]byte{byte(code >> 8), byte(code)})
	}
	s := string(rune(code))
	if f.enc != nil {
		s = known(f.enc.Decode(raw))
	}
	switch {
	case s != "":
	case f.twoByte && code < 256 && f.enc != nil:
		// a ToUnicode map with one-byte codes for a two-byte font
		s = known(f.enc.Decode(raw[1:]))
	case !f.twoByte && (code >= 0x20 && code < 0x7f || code >= 0xa0):
		// a ToUnicode map that lacks the code: read it as Latin-1
		s = string(rune(code))
	}
	f.text[code] = s
	return s
}

// mapped looks a code up in the font's own ToUnicode map (one-byte codes
// too for a two-byte font, which some writers produce).
func (f *font) mapped(code int) (string, bool) {
	if f.uni == nil {
		return "", false
	}
	n := 1
	if f.twoByte {
		n = 2
	}
	s, ok := f.uni.lookup(code, n)
	if !ok && n == 2 && code < 256 {
		s, ok = f.uni.lookup(code, 1)
	}
	return known(s), ok && s != ""
}

// known drops the replacement characters of codes the decoder did not
// know, and reads bytes a decoder passed through as Latin-1.
func known(s string) string {
	if !utf8.ValidString(s) {
		s = latin1(s)
	}
	if strings.ContainsRune(s, unicode.ReplacementChar) {
		s = strings.ReplaceAll(s, string(unicode.ReplacementChar), "")
	}
	return s
}

// latin1 reads each byte of s as a Latin-1 character.
func latin1(s string) string {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return string(r)
}
