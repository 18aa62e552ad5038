package nl

import (
	"strings"

	bleventl "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Stem returns the Snowball Dutch stem of a folded word (a Form):
// "woninginbraken" is woninginbrak, "veiligheid" is veilig. Where
// Snowball removed a suffix and left a doubled final consonant, one of the
// two goes, as Snowball itself does for kk, dd and tt: "diefstallen" is
// diefstal like "diefstal", "plannen" plan like "plan" (see undouble).
// Words of at most three bytes and words without a letter (numbers such as
// "2023" or "3,5") are their own stem. That is what Snowball returns for
// them anyway (its suffixes need a region after the third letter, and
// undoubling needs four letters), so the rule only saves time; a test
// checks it. Numbers with letters ("24uurs") are stemmed like any word.
func Stem(form string) string {
	if len(form) <= 3 || !hasLetter(form) {
		return form
	}
	env := snowballstem.NewEnv(form)
	dutch.Stem(env)
	return undouble(form, env.Current())
}

// undouble drops the last letter of stem when Snowball removed a suffix
// from form and left a doubled consonant at the end of stem: "diefstall"
// of "diefstallen" is diefstal, "vergunn" of "vergunning" vergun. A word
// that ends in a double consonant itself ("grill") keeps it.
func undouble(form, stem string) string {
	n := len(stem)
	if n < 4 || n >= len(form) || stem[n-1] != stem[n-2] {
		return stem
	}
	switch c := stem[n-1]; {
	case c < 'b' || c > 'z', strings.IndexByte("aeiouy", c) >= 0:
		return stem
	}
	return stem[:n-1]
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// stopWords is the Dutch stop-word list of Snowball as bleve ships and
// parses it (bleve's lang/nl stop_nl token map).
var stopWords = func() map[string]bool {
	m, err := bleventl.TokenMapConstructor(nil, nil)
	if err != nil {
		panic(err) // bleve's own list, read from memory
	}
	return m
}()

// IsStop reports whether form (lower case, folded) is a Dutch stop word:
// "de", "het", "een", "van", ... The stemmed index fields leave them out;
// the exact field keeps them.
func IsStop(form string) bool { return stopWords[form] }
