package search

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/ccv/ivp/corpus/nl"
	"github.com/ccv/ivp/indexer"
)

// partsWeight weighs a word's parts found apart (a compound's parts, or
// the words of a hyphenated word anywhere in a passage) against the word
// itself.
const partsWeight = 0.5

// anyPartWeight weighs each word of a hyphenated word found alone, so
// that "Bibob-beleidslijn" still finds the Bibob policies that never say
// "beleidslijn" (real dev half: 0.779 nDCG@10 with 0.25, 0.777 with 0.5;
// without, that query fell from 0.985 to 0.375).
const anyPartWeight = 0.25

// correctionWeight weighs the closest known word of a word that occurs in
// no passage ("ondermijnng" finds "ondermijning") against the user's own.
const correctionWeight = 0.7

// wordAlts are the alternatives a typed word is searched as. A word with
// hyphens ("drugs-aanpak") is searched as the joined word (drugsaanpak),
// as the phrase of its parts ("drugs aanpak") and, weighing less, as all
// its parts in one passage or field, and least, each part alone. A compound ("inbraakpreventie") is searched as
// itself and, weighing less, as its parts (inbraak and preventie) in one
// passage, whether or not the compound occurs in the index.
func wordAlts(text string) []alt {
	forms := nl.ExactTerms(text)
	if len(forms) >= 2 && hyphenated(text) {
		out := []alt{{text: strings.Join(forms, "")}, {text: strings.Join(forms, " "), phrase: true}}
		if stems := nl.QueryTerms(text); len(stems) >= 2 {
			out = append(out, alt{text: text, parts: stems, boost: partsWeight})
			for _, st := range stems {
				out = append(out, alt{text: st, term: true, boost: anyPartWeight})
			}
		}
		return out
	}
	out := []alt{{text: text}}
	if len(forms) != 1 {
		return out
	}
	if w := nl.Analyze(forms[0]); len(w.Terms) >= 3 { // the word and two or more parts
		out = append(out, alt{text: text, parts: w.Terms[1:], boost: partsWeight})
	}
	return out
}

// hyphenated reports whether text is words joined by hyphens and nothing
// else ("NL-Alert", "drugs-aanpak"; not "2023-2026").
func hyphenated(text string) bool {
	if !strings.Contains(text, "-") {
		return false
	}
	for _, part := range strings.Split(text, "-") {
		if part == "" || strings.IndexFunc(part, unicode.IsLetter) < 0 || strings.ContainsAny(part, " \t/") {
			return false
		}
	}
	return true
}

// correctUnknown adds to a word of the user that occurs in no passage the
// closest word that does, as "bedoelde u" would propose it, and says so.
func (s *Searcher) correctUnknown(ctx context.Context, snap indexer.Snapshot, p *prepared) error {
	for gi, g := range p.text.groups {
		a := g[0]
		if a.phrase || a.term || hyphenGroup(g) || strings.ContainsAny(a.text, " -") {
			continue
		}
		terms := indexer.AnalyzeQuery(a.text)
		if len(terms) != 1 {
			continue
		}
		n, err := termCount(ctx, snap, terms[0])
		if err != nil || n > 0 {
			return err
		}
		sg, err := Suggest(ctx, snap.Passages, indexer.FieldExact, a.text)
		if err != nil {
			return err
		}
		if sg != nil && len(sg.Corrections) == 1 {
			to := sg.Corrections[0].To
			p.text.groups[gi] = append(p.text.groups[gi], alt{text: to, boost: correctionWeight})
			p.notices = append(p.notices, fmt.Sprintf("%q komt in geen plan voor; ook gezocht op %q.", a.text, to))
		}
	}
	return nil
}

// hyphenGroup reports whether g is a hyphenated word's: the user's own
// alternatives include the phrase of its parts.
func hyphenGroup(g group) bool {
	for _, a := range g {
		if a.phrase && !a.syn {
			return true
		}
	}
	return false
}
