package tag

import (
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// A document wholly about one subject gives it to every passage that does
// not clearly speak of another (labelling rule 7): the intitulé and
// procedure articles of a cameratoezicht-besluit, the generic sentences
// of a news item on one drugs lab.
const (
	priorCap   = 3.0  // most votes one passage adds to the document's
	priorTitle = 3.0  // the first passage (the title) counts this much more
	priorMin   = 2.0  // the subject needs this many votes in the document
	priorShare = 0.5  // and this share of its safety votes
	priorConf  = 0.75 // confidence of a passage tagged by the prior, times the share
	titleShare = 0.35 // a subject named in the title needs only this share
)

// titleSubject is the subject the first passage (the title) names clearly.
func titleSubject(ev []evidence) (corpus.Veld, bool) {
	if len(ev) == 0 {
		return 0, false
	}
	v, m := ev[0].own.best()
	return v, ev[0].short && m >= minEvidence && topShare(ev[0].own) >= dominantShare+0.2
}

// prior is the subject of a document, if it has one.
type prior struct {
	ok    bool
	veld  corpus.Veld
	share float64
	votes *scores // the document's votes in veld, for themes
}

// docPrior sums the passages' own votes, each passage capped, and finds
// whether one veld dominates. A plan, budget or programme of many subjects
// has no prior, however its excerpt leans.
func (t *Tagger) docPrior(ps []corpus.Passage, ev []evidence) prior {
	// a chapter "Focus" in a plan titled by one subject (a preventie- en
	// handhavingsplan alcohol) chooses within that subject
	_, titled := titleSubject(ev)
	if manySubjects(ps, ev) || !titled && t.listsChoices(ev) {
		return prior{}
	}
	sum := &scores{}
	for i, e := range ev {
		one := &scores{}
		one.addCapped(e.own, priorCap)
		if i == 0 {
			sum.addScaled(one, priorTitle)
		} else {
			sum.addScaled(one, 1)
		}
	}
	top, m := sum.best()
	safety := sum.safety()
	need := priorShare
	if tv, ok := titleSubject(ev); ok && sum.veld[tv] >= titleShare*safety {
		top, m, need = tv, sum.veld[tv], titleShare // the title names the subject the others share
	}
	if m < priorMin || safety == 0 || m/safety < need {
		return prior{}
	}
	return prior{ok: true, veld: top, share: max(m/safety, priorShare), votes: sum.inVeld(top)}
}

// manyWords in the first passages of a document name a kind of document
// that covers many subjects: an integraal veiligheidsplan, a budget.
var manyWords = []string{"veiligheidsplan", "veiligheidsnota", "kadernota", "veiligheidsagenda",
	"veiligheidsprogramma", "begroting", "jaarverslag", "jaarstukken", "jaarrekening", "programmarekening",
	"ivp", "ivb"}

// broadWords name such a document only in a passage without a subject of
// its own: "Programma 1 Veiligheid" or "Veiligheidsbeleid 2024", but not
// "Externe veiligheidsbeleid" or "Programma Veilig Buitengebied".
var broadWords = []string{"veiligheidsbeleid", "programma"}

// manyHead is how many passages at the start of a document are read for
// manyWords.
const manyHead = 3

// manySubjects reports whether a document names itself a plan of many
// subjects in its first passages ("integraal" only before a word of
// safety: "integrale veiligheid", not "integrale controle"), or is titled,
// or has a heading, of safety in general ("Openbare orde en veiligheid",
// "2. Programma Veiligheid").
func manySubjects(ps []corpus.Passage, ev []evidence) bool {
	for i, p := range ps {
		if (i == 0 || ev[i].short && budgetHeading(p.Text)) && generalTitle(p.Text) {
			return true
		}
	}
	for i, p := range ps[:min(len(ps), manyHead)] {
		ws := nl.ExactTerms(p.Text)
		for j, w := range ws {
			if strings.HasPrefix(w, "integra") && j+1 < len(ws) && strings.HasPrefix(ws[j+1], "veilig") {
				return true
			}
			if slices.ContainsFunc(manyWords, func(m string) bool { return strings.HasPrefix(w, m) }) {
				return true
			}
			if slices.ContainsFunc(broadWords, func(m string) bool { return strings.HasPrefix(w, m) }) && !clearSubject(ev[i]) {
				return true
			}
		}
	}
	return false
}

// clearSubject reports whether a passage's own words name one subject.
func clearSubject(e evidence) bool {
	_, m := e.own.best()
	return m >= minEvidence && topShare(e.own) >= dominantShare+0.2
}

// budgetHeading reports a heading that names a part of a budget
// ("Programma 2 Veiligheid", "Taakveld 1.2").
func budgetHeading(text string) bool {
	return slices.ContainsFunc(nl.ExactTerms(text), func(w string) bool {
		return strings.HasPrefix(w, "programma") || strings.HasPrefix(w, "taakveld")
	})
}

// generalWords are the words of a title about safety in general.
var generalWords = []string{"veilig", "orde", "openba", "handhav", "toezicht", "en", "de", "het", "programma", "taakveld", "thema", "beleid"}

// generalTitle reports a short title made only of generalWords and
// numbers.
func generalTitle(text string) bool {
	ws := nl.ExactTerms(text)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		if w[0] >= '0' && w[0] <= '9' {
			continue
		}
		if !slices.ContainsFunc(generalWords, func(g string) bool { return strings.HasPrefix(w, g) }) {
			return false
		}
	}
	return true
}

// listsChoices reports whether a document has a heading that announces its
// priorities or themes ("3 Prioriteiten", "Speerpunten"): a plan of many
// subjects.
func (t *Tagger) listsChoices(ev []evidence) bool {
	for _, e := range ev {
		if !e.short {
			continue
		}
		for _, v := range e.own.votes {
			if t.lex.themes[v.theme].ID == overviewTheme {
				return true
			}
		}
	}
	return false
}
