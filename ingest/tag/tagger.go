package tag

import (
	"math"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// RulesVersion names the tagging rules. Tags are stored with Version,
// which adds the digest of the taxonomy data, so a changed term list or a
// changed rule both show which passages need a re-tag. tag-2: words,
// stems and compound matching come from corpus/nl, as in the index.
const RulesVersion = "tag-2"

// Weights of the context a passage gets from around it.
const (
	headingCap   = 2.0 // most votes the headings above a passage can add
	outerHeading = 0.6 // factor per heading level further out
	listCap      = 1.5 // most votes a list takes from the paragraph before it
	// headingProcess scales the process votes of headings: "Prioriteiten"
	// or "Hoofdstuk 3" frame a section rather than say what it is about.
	headingProcess = 0.4
)

// Tagger tags passages. It is immutable and safe for concurrent use.
type Tagger struct {
	lex     *lexicon
	version string
}

// New compiles the taxonomy into a tagger.
func New(tax *corpus.Taxonomy) *Tagger {
	return &Tagger{lex: newLexicon(tax), version: RulesVersion + "+" + tax.Version()}
}

// Version is stored with every tag: the rules version and the taxonomy
// digest.
func (t *Tagger) Version() string { return t.version }

// TagDocument tags the passages of one document, given in reading order:
// their headings give context, and a bullet list inherits from the
// paragraph before it under the same headings.
func (t *Tagger) TagDocument(ps []corpus.Passage) []corpus.Tags {
	out := make([]corpus.Tags, len(ps))
	cache := map[string]*scores{}
	w := &words{}
	var prev *scores
	var prevHeadings []string
	for i, p := range ps {
		own := t.score(p.Text, w)
		total := own.clone()
		total.addCapped(t.headingContext(p.Headings, cache, w), headingCap)
		list := isList(p.Text)
		if list && prev != nil && slices.Equal(prevHeadings, p.Headings) {
			total.addCapped(prev, listCap)
		}
		out[i] = t.decide(own, total)
		if !list {
			prev, prevHeadings = own, p.Headings
		}
	}
	return out
}

// Tag tags one passage on its own, with its headings as context.
func (t *Tagger) Tag(p corpus.Passage) corpus.Tags {
	return t.TagDocument([]corpus.Passage{p})[0]
}

func (t *Tagger) score(text string, ws *words) *scores {
	s := &scores{}
	t.lex.match(ws.read(text), func(term int32, w float64) {
		tm := t.lex.terms[term]
		s.add(vote{theme: int16(t.lex.themeIdx[tm.Thema]), veld: int8(tm.Veld), w: w * tm.Weight})
	})
	return s
}

// headingContext is the votes of the heading path, the innermost heading
// counting most. Headings repeat, so their scores are cached per document.
func (t *Tagger) headingContext(headings []string, cache map[string]*scores, ws *words) *scores {
	ctx := &scores{}
	f := 1.0
	for i := len(headings) - 1; i >= 0; i-- {
		h := headings[i]
		s, ok := cache[h]
		if !ok {
			s = t.score(h, ws)
			cache[h] = s
		}
		ctx.addScaled(s, f)
		f *= outerHeading
	}
	for i := range ctx.votes {
		if ctx.votes[i].veld == 0 {
			ctx.veld[0] -= ctx.votes[i].w * (1 - headingProcess)
			ctx.total -= ctx.votes[i].w * (1 - headingProcess)
			ctx.votes[i].w *= headingProcess
		}
	}
	return ctx
}

// isList reports whether a passage is a bullet list.
func isList(text string) bool {
	text = strings.TrimSpace(text)
	for _, b := range []string{"•", "-", "–", "*", "·", "▪", "o "} {
		if strings.HasPrefix(text, b) {
			return true
		}
	}
	return false
}

// confidence grows with the share of the votes the winner has and with
// the amount of evidence.
func confidence(win, total float64) float64 {
	if total <= 0 {
		return 0
	}
	c := win / total * (1 - math.Exp(-total/1.5))
	return math.Round(c*100) / 100
}
