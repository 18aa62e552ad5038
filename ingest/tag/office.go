package tag

import (
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

// Threats and aggression against people in public office are veld 5
// (taxonomy 5.3 and 5.5), not the common crime their words also name:
// "bedreigingen aan het adres van de burgemeester" is 5.5, "agressie
// tegen boa's" 5.3. A passage that names such a person and such an act
// gets a vote for the theme.
var (
	threatWords  = []string{"bedreig", "dreigement", "intimid", "agressie", "agressief", "geweld", "belag", "aanval", "mishandel", "bespug", "uitscheld"}
	officeWords  = []string{"burgemeester", "wethouder", "raadsled", "raadslid", "bestuurder", "politici", "volksvertegenwoordiger"}
	servantWords = []string{"boa", "handhaver", "hulpverlen", "ambtena", "ambulancepersoneel", "brandweerl", "baliemedewerker", "politieagent"}
)

// officeVote is the weight of the vote a threatened office holder gives.
const officeVote = 1.5

// office adds the vote for 5.5 or 5.3 when toks name a threat against
// office holders or public servants.
func (t *Tagger) office(s *scores, toks []*nl.Word) {
	if !hasAny(toks, threatWords) {
		return
	}
	switch {
	case hasAny(toks, officeWords):
		t.toOffice(s, "5.5")
	case hasAny(toks, servantWords):
		t.toOffice(s, "5.3")
	}
}

// toOffice gives a sentence about a threatened office holder or public
// servant to theme id: its common-crime votes (veld 1) move there, and it
// gets a vote of its own.
func (t *Tagger) toOffice(s *scores, id string) {
	th := int16(t.lex.themeIdx[id])
	for i, v := range s.votes {
		if v.veld == 1 {
			s.veld[1] -= v.w
			s.veld[5] += v.w
			s.votes[i].veld, s.votes[i].theme = 5, th
		}
	}
	s.add(vote{theme: th, veld: 5, w: officeVote})
}

// hasAny reports whether a word of toks starts with one of prefixes.
func hasAny(toks []*nl.Word, prefixes []string) bool {
	for _, w := range toks {
		for _, p := range prefixes {
			if strings.HasPrefix(w.Form, p) {
				return true
			}
		}
	}
	return false
}
