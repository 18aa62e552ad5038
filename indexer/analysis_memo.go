package indexer

import (
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
)

// stemSplitFilter is the index analyzer's stop words, stemming and
// compound splitting in one filter that remembers its answer per word: a
// corpus repeats its words, and the snowball stemmer and the compound
// search are most of the cost of indexing text. The answer for a word
// never changes, so the memo is shared by every index and goroutine.
const stemSplitFilter = "ivp_nl_stem_split"

// maxMemoWords bounds the memo; words beyond it are analysed every time.
const maxMemoWords = 1 << 20

type stemSplitTokenFilter struct {
	stop, stem, split analysis.TokenFilter
	memo              *sync.Map // string -> []string; nil for a stop word
	size              *atomic.Int64
}

func newStemSplitFilter() stemSplitTokenFilter {
	return stemSplitTokenFilter{
		stop: stop.NewStopTokensFilter(dutchStops), stem: nl.NewDutchStemmerFilter(),
		split: compoundTokenFilter{dict: partsDict}, memo: &sync.Map{}, size: &atomic.Int64{},
	}
}

func (f stemSplitTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)+len(in)/8)
	for _, t := range in {
		terms := f.terms(t.Term)
		if len(terms) == 0 {
			continue
		}
		t.Term = []byte(terms[0])
		out = append(out, t)
		for _, p := range terms[1:] {
			c := *t
			c.Term = []byte(p)
			out = append(out, &c)
		}
	}
	return out
}

// terms are what the three filters make of one word: nothing for a stop
// word, else its stem followed by the stems of its compound parts.
func (f stemSplitTokenFilter) terms(word []byte) []string {
	if v, ok := f.memo.Load(string(word)); ok {
		return v.([]string)
	}
	ts := analysis.TokenStream{{Term: append([]byte(nil), word...), Type: analysis.AlphaNumeric}}
	ts = f.split.Filter(f.stem.Filter(f.stop.Filter(ts)))
	var out []string
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	if f.size.Load() < maxMemoWords {
		if _, loaded := f.memo.LoadOrStore(string(word), out); !loaded {
			f.size.Add(1)
		}
	}
	return out
}
