package tag

import (
	"fmt"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// Weights of the ways a term can match.
const (
	phraseBonus    = 0.3 // extra weight per extra word of a multi-word term
	headWeight     = 0.9 // the term is the head (end) of a compound
	modifierWeight = 0.6 // the term is the modifier (start) of a compound
	minCompound    = 5   // shortest term, in bytes, matched inside a compound
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
	compound *nl.Compounds       // one-word terms, found inside compounds
	byPart   [][]int32           // compound part -> its terms
	youthTo  []int16             // theme -> the theme it becomes about young people, or -1
}

func newLexicon(tax *corpus.Taxonomy) *lexicon {
	l := &lexicon{
		terms: tax.Terms(), themes: tax.Themes(), themeIdx: map[string]int{},
		first: map[string][]phrase{}, compound: nl.NewCompounds(),
	}
	for i, th := range l.themes {
		l.themeIdx[th.ID] = i
	}
	l.youthTo = youthTargets(l)
	seen := map[string]bool{}
	var ws words
	for i, t := range l.terms {
		toks := ws.read(t.Text)
		p := phrase{term: int32(i)}
		for _, w := range toks {
			p.stems = append(p.stems, w.Stem)
		}
		key := fmt.Sprint(t.Thema, t.Veld, p.stems)
		if len(toks) == 0 || seen[key] {
			continue // a second spelling of a term votes once
		}
		seen[key] = true
		l.first[p.stems[0]] = append(l.first[p.stems[0]], p)
		if len(toks) == 1 && len(toks[0].Form) >= minCompound {
			l.addCompound(toks[0].Form, int32(i))
		}
	}
	return l
}

// addCompound enters a one-word term into the compound dictionary; words
// nl.Compounds does not take (digits, over 16 letters) are not matched
// inside compounds.
func (l *lexicon) addCompound(form string, term int32) {
	part := l.compound.Add(form)
	if part < 0 {
		return
	}
	for int(part) >= len(l.byPart) {
		l.byPart = append(l.byPart, nil)
	}
	l.byPart[part] = append(l.byPart[part], term)
}

// match calls vote for every term found in toks, with the weight of the
// match (the term's own weight not included); inner is true for a word
// inside a longer subject term that matched.
func (l *lexicon) match(toks []*nl.Word, vote func(term int32, w float64, inner bool)) {
	inside := 0 // toks before this index are inside a matched subject term of several words
	for i := range toks {
		matched := false
		for _, p := range l.first[toks[i].Stem] {
			if hasPrefix(toks[i:], p.stems) {
				vote(p.term, 1+phraseBonus*float64(len(p.stems)-1), i < inside && len(p.stems) == 1)
				matched = true
				if len(p.stems) > 1 && l.terms[p.term].Veld != 0 {
					inside = max(inside, i+len(p.stems))
				}
			}
		}
		if !matched {
			l.matchCompound(toks[i], func(term int32, w float64) { vote(term, w, i < inside) })
		}
	}
}

// hasPrefix reports whether toks start with the words of a term. The last
// word of a term of several words may also be the first part of a
// compound: "externe veiligheid" is found in "externe veiligheidsbeleid",
// "huiselijk geweld" in "huiselijk geweldincidenten".
func hasPrefix(toks []*nl.Word, stems []string) bool {
	if len(toks) < len(stems) {
		return false
	}
	last := len(stems) - 1
	for j, s := range stems {
		if toks[j].Stem == s {
			continue
		}
		if j == 0 || j < last || len(toks[j].Terms) < 3 || toks[j].Terms[1] != s {
			return false
		}
	}
	return true
}

// matchCompound votes for the terms a word is a compound of: the term
// that is its head, else the term that is its modifier, under corpus/nl's
// compound rules.
func (l *lexicon) matchCompound(w *nl.Word, vote func(term int32, w float64)) {
	part, pos := l.compound.Find(w.Stem)
	weight := headWeight
	switch pos {
	case nl.NoPart:
		return
	case nl.AsModifier:
		weight = modifierWeight
	}
	for _, t := range l.byPart[part] {
		vote(t, weight)
	}
}
