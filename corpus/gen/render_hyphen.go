package gen

import "strings"

// hyphenate moves the first part of a long word at the start of a line to
// the end of the line before, with a hyphen, where it fits in width w:
// "... de veilig-" / "heidsbeleving ...". lines are in the font's
// encoding (cp1252 or UTF-8) as wrap returns them; the passage text in
// truth.jsonl keeps the whole word.
func (r *renderer) hyphenate(lines []string, w float64) []string {
	room := w - 2*r.pdf.GetCellMargin()
	for i := 0; i+1 < len(lines); i++ {
		word, rest, _ := strings.Cut(lines[i+1], " ")
		if rest == "" {
			continue // never leave a lone fragment as the last line
		}
		free := room - r.pdf.GetStringWidth(lines[i]+" ")
		k := breakPoint(word, func(s string) bool { return r.pdf.GetStringWidth(s+"-") <= free })
		if k > 0 {
			lines[i] += " " + word[:k] + "-"
			lines[i+1] = word[k:] + " " + rest
		}
	}
	return lines
}

// breakPoint returns the largest k that splits word between two
// consonants or before a consonant followed by a vowel, leaves at least
// four letters on each side and lets fits(word[:k]) hold; 0 if none.
// Only plain lower-case words of ten letters or more are split.
func breakPoint(word string, fits func(string) bool) int {
	if len(word) < 10 || strings.IndexFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return 0
	}
	for k := len(word) - 4; k >= 4; k-- {
		a, b, c := word[k-1], word[k], word[k+1]
		ok := (!isVowel(a) && !isVowel(b) && isVowel(c)) || (isVowel(a) && !isVowel(b) && isVowel(c))
		if ok && fits(word[:k]) {
			return k
		}
	}
	return 0
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
