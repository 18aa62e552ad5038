package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// charMap replaces characters that differ between PDF producers: ligatures
// become their letters, the many kinds of spaces a plain space, and soft
// hyphens and zero-width characters disappear. Typographic quotes stay.
var charMap = strings.NewReplacer(
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st", "\u0132", "IJ", "\u0133", "ij",
	"\u00a0", " ", "\u2007", " ", "\u202f", " ", "\u2009", " ", "\u200a", " ",
	"\u2002", " ", "\u2003", " ", "\u2004", " ", "\u2005", " ", "\u2006", " ",
	"\u2008", " ", "\u205f", " ", "\u3000", " ", "\t", " ",
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "",
)

// bulletRunes start a list item; they are written as "•".
const bulletRunes = "•●▪■□◦○◆◇►▶➢➤✓✔-–*·"

// normalizeLine cleans one line of extracted text: NFC, ligatures, spaces,
// invisible characters and controls, and a uniform bullet. A soft hyphen
// at the end of the line is kept as "-" so that joinLines can undo the
// hyphenation.
func normalizeLine(s string) string {
	soft := strings.HasSuffix(strings.TrimRight(s, " "), "\u00ad")
	s = charMap.Replace(norm.NFC.String(s))
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0xe000 && r <= 0xf8ff: // private use: symbol-font bullets
			return '•'
		case unicode.IsControl(r), r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if soft && s != "" && !strings.HasSuffix(s, "-") {
		s += "-"
	}
	return bullet(s)
}

// bullet rewrites a leading bullet character followed by a space as "• ".
func bullet(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(bulletRunes, r) {
		return s
	}
	rest := s[n:]
	if r == '•' && rest != "" && rest[0] != ' ' {
		return "• " + rest
	}
	if !strings.HasPrefix(rest, " ") || strings.TrimSpace(rest) == "" {
		return s
	}
	return "• " + strings.TrimSpace(rest)
}

// joinLines joins the lines of one paragraph, undoing hyphenation at line
// ends ("veiligheids-" + "plan" → "veiligheidsplan") while keeping real
// hyphens: before a conjunction ("woon- en leefomgeving"), before a
// capital ("Noord-Brabant"), between digits ("2023-2026"), after an
// abbreviation ("ICT-systemen") and where Dutch writes a hyphen between
// vowels ("zee-egel").
func joinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteString(l)
			continue
		}
		prev := b.String()
		switch hyphenJoin(prev, l) {
		case undo:
			b.Reset()
			b.WriteString(strings.TrimSuffix(prev, "-"))
		case keep:
		default:
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// How two lines are glued.
const (
	space = iota // plain space
	undo         // drop the hyphen, no space
	keep         // keep the hyphen, no space
)

// hyphenJoin decides how a line ending in prev continues with next.
func hyphenJoin(prev, next string) int {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return space
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	word := lastWord(prev[:len(prev)-1])
	switch {
	case unicode.IsDigit(before) && unicode.IsDigit(first):
		return keep
	case !unicode.IsLetter(before) || !unicode.IsLetter(first):
		return space
	case isConjunction(firstWord(next)):
		return space
	case unicode.IsUpper(first), isAbbreviation(word):
		return keep
	case vowelClash(before, first):
		return keep
	}
	return undo
}

// isConjunction reports words after which a hyphen means "and the rest
// of the compound" ("woon- en leefomgeving", "jeugd- of zorgtaken").
func isConjunction(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ",;:")) {
	case "en", "of", "en/of", "tot", "t/m", "noch", "and", "or", "dan":
		return true
	}
	return false
}

// isAbbreviation reports a fragment written in capitals or with digits
// ("ICT", "CO2", "BOA"): such compounds keep their hyphen.
func isAbbreviation(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// vowelClash reports vowel pairs that Dutch separates with a hyphen in a
// compound because together they would read as one sound.
func vowelClash(a, b rune) bool {
	pair := strings.ToLower(string([]rune{a, b}))
	switch pair {
	case "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui", "uu":
		return true
	}
	return false
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " /("); i >= 0 {
		return s[i+1:]
	}
	return s
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}
