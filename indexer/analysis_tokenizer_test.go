package indexer

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/ccv/ivp/corpus/gen"
)

// On generated plans our tokenizer finds the words bleve's UAX #29
// tokenizer finds, so switching changed no term.
func TestWordTokenizerMatchesUnicodeOnPlans(t *testing.T) {
	seq, err := gen.Texts(context.Background(), 20, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	uni := unicodetok.NewUnicodeTokenizer()
	same, total := 0, 0
	for pt, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pt.Passages {
			a, b := tokenTerms(wordTokenizer{}.Tokenize([]byte(p.Text))), tokenTerms(uni.Tokenize([]byte(p.Text)))
			total++
			if slices.Equal(a, b) {
				same++
			} else if total-same <= 3 {
				t.Logf("differs: ours %q\n unicode %q", a, b)
			}
		}
	}
	if same != total {
		t.Errorf("%d of %d passages tokenised differently from UAX #29", total-same, total)
	}
}

// tokenTerms returns the terms of a token stream.
func tokenTerms(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}
