package tag

import (
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// Lists (labelling rule 5). The items of a topical list take the list's
// subject ("Veilige evenementen:" then "verkeersregelaars", "brandwacht"),
// the items of an overview list keep their own ("Onze prioriteiten zijn:"
// then "georganiseerde criminaliteit", "veilig uitgaan"). A list is the
// items (passages starting with a list marker, or short lines after a
// colon) after the passage that introduces them.

// overviewWords in an introduction make its list an overview.
var overviewWords = []string{"prioriteit", "speerpunt", "thema", "onderwerp", "focus", "accent",
	"keuze", "ambitie", "doelstelling", "opgave", "programma", "agenda", "pijler"}

// overviewItems is how many velden a list's items must speak of for it to
// be an overview whatever its introduction says.
const overviewItems = 3

// markLists finds the lists of a document and marks their items.
func (t *Tagger) markLists(ps []corpus.Passage, ev []evidence) {
	for i := 0; i < len(ev); i++ {
		j := i + 1
		for j < len(ev) && isItem(ev, i, j) {
			j++
		}
		if j > i+1 && !ev[i].item {
			t.markList(ps[i].Text, ev[i], ev[i+1:j])
			i = j - 1
		}
	}
}

// isItem reports whether passage j continues the list that passage i
// introduces: a list marker, or a short line after a colon.
func isItem(ev []evidence, i, j int) bool {
	if ev[j].intro {
		return false
	}
	return ev[j].item || ev[i].intro && ev[j].short
}

// markList decides the kind of one list and marks its items.
func (t *Tagger) markList(introText string, intro evidence, items []evidence) {
	ctx := intro.own.clone()
	ctx.addCapped(intro.heading, headingCap)
	top, m := ctx.best()
	switch {
	case t.overviewList(introText, intro, items):
		for i := range items {
			items[i].overview = true
		}
	case m >= minEvidence && ctx.veld[0] < processRatio*m:
		for i := range items {
			items[i].list, items[i].listVotes = top, ctx.inVeld(top)
		}
	}
}

// overviewList reports whether a list is an overview: its introduction
// says it lists priorities or themes, or its items speak of many velden.
func (t *Tagger) overviewList(introText string, intro evidence, items []evidence) bool {
	folded := nl.Fold(introText)
	for _, w := range overviewWords {
		if strings.Contains(folded, w) {
			return true
		}
	}
	var seen [corpus.NumVelden]bool
	n := 0
	for _, it := range items {
		if v, m := it.own.best(); m >= minEvidence && !seen[v] {
			seen[v] = true
			n++
		}
	}
	return n >= overviewItems
}
