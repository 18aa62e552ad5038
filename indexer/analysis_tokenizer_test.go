package indexer

import (
	"context"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/ccv/ivp/corpus/gen"
)

func TestWordTokenizer(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Camera's in het uitgaansgebied.", []string{"Camera's", "in", "het", "uitgaansgebied"}},
		{"zo'n 3,5 miljoen (o.a. www.ede.nl)", []string{"zo'n", "3,5", "miljoen", "o.a", "www.ede.nl"}},
		{"2023-2026: WhatsApp-buurtpreventie", []string{"2023", "2026", "WhatsApp", "buurtpreventie"}},
		{"BOA’s en ‘handhaving’", []string{"BOA’s", "en", "handhaving"}},
		{"geïntegreerde één-op-één", []string{"geïntegreerde", "één", "op", "één"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range (wordTokenizer{}).Tokenize([]byte(tt.in)) {
			got = append(got, string(tok.Term))
			if string([]byte(tt.in)[tok.Start:tok.End]) != string(tok.Term) {
				t.Errorf("%q: offsets %d-%d do not cover %q", tt.in, tok.Start, tok.End, tok.Term)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

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
			a, b := terms2(wordTokenizer{}.Tokenize([]byte(p.Text))), terms2(uni.Tokenize([]byte(p.Text)))
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

func terms2(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return out
}
