package indexer

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/ccv/ivp/corpus/nl"
)

// The tokenizer and token filters of our analyzers, registered with bleve
// under the names the stored mappings use. Each is a thin adapter over
// corpus/nl, which decides what a word is; each filter takes the words as
// written and asks nl.AnalyzeBytes, which remembers its answer per word.
const (
	// wordTokenizerName splits text into words (nl.AppendTokens).
	wordTokenizerName = "ivp_words"
	// formFilter makes each word its form (nl.Word.Form): lower case, the
	// apostrophe plural removed, folded.
	formFilter = "ivp_nl_form"
	// stemsFilter makes each word its stem (nl.Word.Stem) and drops stop
	// words.
	stemsFilter = "ivp_nl_stems"
	// termsFilter makes each word its index terms (nl.Word.Terms): its
	// stem and its compound parts at the same position; stop words go.
	termsFilter = "ivp_nl_terms"
)

func init() {
	err := registry.RegisterTokenizer(wordTokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
	registerFilters(map[string]analysis.TokenFilter{
		formFilter: formTokenFilter{}, stemsFilter: stemsTokenFilter{}, termsFilter: termsTokenFilter{},
	})
}

// registerFilters registers each filter with bleve under its name, at
// start-up; a name taken twice is a programming error.
func registerFilters(filters map[string]analysis.TokenFilter) {
	for name, f := range filters {
		err := registry.RegisterTokenFilter(name, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err)
		}
	}
}

type wordTokenizer struct{}

// Tokenize returns the words of input (nl.AppendTokens) as bleve tokens,
// their terms slices of input.
func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := nl.AppendTokens(make([]nl.Token, 0, len(input)/6), input)
	out := make(analysis.TokenStream, len(toks))
	all := make([]analysis.Token, len(toks))
	for i, t := range toks {
		typ := analysis.AlphaNumeric
		if t.Numeric {
			typ = analysis.Numeric
		}
		all[i] = analysis.Token{Term: input[t.Start:t.End], Start: t.Start, End: t.End, Position: i + 1, Type: typ}
		out[i] = &all[i]
	}
	return out
}

type formTokenFilter struct{}

func (formTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var a termArena
	for _, t := range in {
		if w := nl.AnalyzeBytes(t.Term); w.Form != string(t.Term) {
			t.Term = a.bytes(w.Form)
		}
	}
	return in
}

type stemsTokenFilter struct{}

func (stemsTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	a := make(termArena, 0, 8*len(in))
	out := in[:0]
	for _, t := range in {
		w := nl.AnalyzeBytes(t.Term)
		if w.Stop {
			continue
		}
		t.Term = a.bytes(w.Stem)
		out = append(out, t)
	}
	return out
}

type termsTokenFilter struct{}

func (termsTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	return appendTerms(make(analysis.TokenStream, 0, len(in)+len(in)/8), in, nl.AnalyzeBytes)
}

// appendTerms appends, for each token of in, a token per term of its
// analysis at the token's position, and drops stop words.
func appendTerms(out, in analysis.TokenStream, analyze func([]byte) *nl.Word) analysis.TokenStream {
	a := make(termArena, 0, 8*len(in))
	for _, t := range in {
		terms := analyze(t.Term).Terms
		if len(terms) == 0 {
			continue
		}
		t.Term = a.bytes(terms[0])
		out = append(out, t)
		for _, p := range terms[1:] {
			c := *t
			c.Term = a.bytes(p)
			out = append(out, &c)
		}
	}
	return out
}

// termArena hands out the bytes of a stream's terms from a few large
// allocations instead of one per token. A term's slice is capped at its
// length, so appending to it never touches the next term.
type termArena []byte

func (a *termArena) bytes(s string) []byte {
	*a = append(*a, s...)
	n := len(*a)
	return (*a)[n-len(s) : n : n]
}
