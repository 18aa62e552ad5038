package tag

import (
	"fmt"

	"github.com/ccv/ivp/corpus"
)

// Weights of the ways a term can match.
const (
	phraseBonus    = 0.3 // extra weight per extra word of a multi-word term
	headWeight     = 0.9 // the term is the head (end) of a compound
	modifierWeight = 0.6 // the term is the modifier (start) of a compound
	minCompound    = 5   // shortest term, in bytes, matched inside a compound
	minRemainder   = 3   // shortest rest of a compound beside the term
)

// phrase is one indicator term as a sequence of stems.
type phrase struct {
	stems []string
	term  int32
}

// lexicon is the taxonomy compiled for matching.
type lexicon struct {
	terms    []corpus.Term
	themes   []corpus.Thema
	themeIdx map[string]int
	first    map[string][]phrase // by the stem of the term's first word
	compound map[string][]int32  // one-word terms by form and stem, for compounds
}

func newLexicon(tax *corpus.Taxonomy) *lexicon {
	l := &lexicon{
		terms: tax.Terms(), themes: tax.Themes(), themeIdx: map[string]int{},
		first: map[string][]phrase{}, compound: map[string][]int32{},
	}
	for i, th := range l.themes {
		l.themeIdx[th.ID] = i
	}
	seen := map[string]bool{}
	for i, t := range l.terms {
		toks := tokenize(t.Text, nil)
		p := phrase{term: int32(i)}
		for _, tk := range toks {
			p.stems = append(p.stems, tk.stem)
		}
		key := fmt.Sprint(t.Thema, t.Veld, p.stems)
		if len(toks) == 0 || seen[key] {
			continue // a second spelling of a term votes once
		}
		seen[key] = true
		l.first[p.stems[0]] = append(l.first[p.stems[0]], p)
		if len(toks) == 1 && len(toks[0].form) >= minCompound {
			l.addCompound(toks[0].form, int32(i))
			if toks[0].stem != toks[0].form {
				l.addCompound(toks[0].stem, int32(i))
			}
		}
	}
	return l
}

func (l *lexicon) addCompound(key string, term int32) {
	l.compound[key] = append(l.compound[key], term)
}

// match calls vote for every term found in toks, with the weight of the
// match (the term's own weight not included).
func (l *lexicon) match(toks []token, vote func(term int32, w float64)) {
	for i := range toks {
		matched := false
		for _, p := range l.first[toks[i].stem] {
			if hasPrefix(toks[i:], p.stems) {
				vote(p.term, 1+phraseBonus*float64(len(p.stems)-1))
				matched = true
			}
		}
		if !matched {
			l.matchCompound(toks[i], vote)
		}
	}
}

func hasPrefix(toks []token, stems []string) bool {
	if len(toks) < len(stems) {
		return false
	}
	for j, s := range stems {
		if toks[j].stem != s {
			return false
		}
	}
	return true
}

// matchCompound finds the longest term at the end of the word (its head)
// or, failing that, at its start (its modifier).
func (l *lexicon) matchCompound(tk token, vote func(term int32, w float64)) {
	s := tk.stem
	for i := minRemainder; i <= len(s)-minCompound; i++ {
		if ts, ok := l.compound[s[i:]]; ok {
			for _, t := range ts {
				vote(t, headWeight)
			}
			return
		}
	}
	f := tk.form
	for j := len(f) - minRemainder; j >= minCompound; j-- {
		if ts, ok := l.compound[f[:j]]; ok {
			for _, t := range ts {
				vote(t, modifierWeight)
			}
			return
		}
	}
}
