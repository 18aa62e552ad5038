package indexer

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// wordTokenizerName is our tokenizer: words as bleve's unicode (UAX #29)
// tokenizer finds them in Dutch prose, several times faster. A word is a
// run of letters and digits; an apostrophe between letters ("camera's",
// "zo'n"), a full stop between letters or digits ("o.a", "3.5", "www.ede.nl"),
// a comma between digits ("1,5") and an underscore stay inside it. Everything else
// separates words.
const wordTokenizerName = "ivp_words"

func init() {
	err := registry.RegisterTokenizer(wordTokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
}

type wordTokenizer struct{}

// Tokenize splits input into words with their byte offsets.
func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input)/6)
	pos := 1
	for i := 0; i < len(input); {
		r, n := utf8.DecodeRune(input[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		end, numeric := wordEnd(input, i)
		typ := analysis.AlphaNumeric
		if numeric {
			typ = analysis.Numeric
		}
		out = append(out, &analysis.Token{Term: input[i:end], Start: i, End: end, Position: pos, Type: typ})
		pos++
		i = end
	}
	return out
}

// wordEnd returns where the word starting at i ends and whether it is
// all digits (and number punctuation).
func wordEnd(input []byte, i int) (int, bool) {
	numeric := true
	var prev rune
	for i < len(input) {
		r, n := utf8.DecodeRune(input[i:])
		if isWordRune(r) {
			numeric = numeric && (unicode.IsDigit(r) || r == '.' || r == ',')
			prev, i = r, i+n
			continue
		}
		next, _ := utf8.DecodeRune(input[i+n:])
		if !joins(prev, r, next) {
			break
		}
		numeric = numeric && r != '\'' && r != '’' && r != '‘'
		prev, i = r, i+n
	}
	return i, numeric
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether mid keeps the runes before and after it in one word.
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
