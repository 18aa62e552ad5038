package search

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
)

// placeTerms are the index terms of the names in text: the words written
// with a capital inside a sentence more often than without (places,
// wijken, streets, parks, local organisations) and the names given (the
// plan's gemeenten). A "meer zoals dit" query leaves them out, so that
// similar plans are found by subject rather than by the places they share.
// Acronyms in capitals (RIEC, GGD) say something about the subject and
// stay.
func placeTerms(an analysis.Analyzer, text string, names []string) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		for _, tok := range an.Analyze([]byte(s)) {
			out[string(tok.Term)] = true
		}
	}
	for _, n := range names {
		add(n)
	}
	for _, w := range properNouns(text) {
		add(w)
	}
	return out
}

// properNouns are the words of text that are capitalised inside a
// sentence more often than they are written in lower case.
func properNouns(text string) []string {
	capital, lower := map[string]int{}, map[string]int{}
	start := true
	var word []rune
	flush := func() {
		if len(word) < 2 {
			word = word[:0]
			return
		}
		w := string(word)
		lw := strings.ToLower(w)
		switch {
		case w == lw:
			lower[lw]++
		case !start && titleCase(word):
			capital[lw]++
		}
		word, start = word[:0], false
	}
	for _, r := range text {
		if unicode.IsLetter(r) || (len(word) > 0 && r == '\'') {
			word = append(word, r)
			continue
		}
		flush()
		if strings.ContainsRune(".!?:;•\n", r) {
			start = true
		}
	}
	flush()
	var out []string
	for w, n := range capital {
		if n > lower[w] {
			out = append(out, w)
		}
	}
	return out
}

// titleCase says a word starts with a capital and has a lower-case letter
// after it: a name, not an acronym.
func titleCase(w []rune) bool {
	if !unicode.IsUpper(w[0]) {
		return false
	}
	for _, r := range w[1:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
