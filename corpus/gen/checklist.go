package gen

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Checklist elements, numbered as in the table of
// ../shared/domain/checklist.md.
const (
	elVaststelling  = 1  // wettelijke basis en vaststelling door de raad
	elAfbakening    = 2  // afbakening, structuur, leesbaarheid
	elVisie         = 3  // visie, missie en uitgangspunten
	elEvaluatie     = 4  // evaluatie van het vorige beleid
	elAnalyse       = 5  // lokale veiligheidsanalyse
	elPrioriteiten  = 6  // lokale prioriteiten
	elMeetbaar      = 7  // meetbare doelstellingen
	elAanpak        = 8  // aanpak op hoofdlijnen
	elRegie         = 9  // regie en rolverdeling
	elBetrokkenheid = 10 // betrokkenheid bij de totstandkoming
	elUitvoering    = 11 // uitvoeringsplan
	elMiddelen      = 12 // middelen: budget en capaciteit
	elMonitoring    = 13 // monitoring, evaluatie en verantwoording
	elSamenhang     = 14 // samenhang met ander beleid
	elCommunicatie  = 15 // communicatie
)

// bankChecklist is the element a process bank serves by default; a call
// site may say otherwise (see builder.mark). Theme banks serve
// elAanpak unless their role says otherwise.
var bankChecklist = map[string][]int{
	"visie":          {elVisie},
	"juridisch":      {elVaststelling},
	"totstandkoming": {elBetrokkenheid},
	"partners":       {elRegie},
	"analyse-info":   {elAnalyse},
	"prioriteiten":   {elPrioriteiten},
	"cyclus":         {elUitvoering, elMonitoring},
	"middelen":       {elMiddelen},
	"context":        nil,
	"eval-intro":     {elEvaluatie},
	"eval-werkwijze": {elEvaluatie},
	"uitv-intro":     {elUitvoering},
	"aanbevelingen":  {elPrioriteiten},
	"informatie":     {elAnalyse},
	"samenhang":      {elSamenhang},
	"communicatie":   {elCommunicatie},
}

// defaultChecklist returns the elements a paragraph of bk serves when its
// call site says nothing else.
func defaultChecklist(bk *bank) []int {
	if cl, ok := bankChecklist[bk.id]; ok {
		return cl
	}
	if bk.kind == kindTheme {
		return []int{elAanpak}
	}
	return nil
}

// shownBy lists, for banks of which only some sentences serve an element,
// the words of those sentences: the element is in the truth of a
// paragraph only when its text or its section heading has one. A cyclus
// paragraph may speak of monitoring alone and then shows no
// uitvoeringsplan; a context paragraph that looks back at the previous
// period is an evaluation of it (checklist.md: 0.context-ontwikkelingen
// counts for element 4 when it looks back at the previous plan).
var shownBy = map[string]map[int][]string{
	"cyclus":  {elUitvoering: {"uitvoeringsplan"}},
	"context": {elEvaluatie: {"de vorige periode", "terugkijkend"}},
}

// shownIn adjusts the default elements cl of a block of bk to what the
// block's text and section heading show (see shownBy).
func shownIn(bk *bank, cl []int, text, heading string) []int {
	els := shownBy[bk.id]
	if len(els) == 0 {
		return cl
	}
	out := slices.Clone(cl)
	seen := strings.ToLower(text + "\n" + heading)
	for el, words := range els {
		shown := slices.ContainsFunc(words, func(w string) bool { return strings.Contains(seen, w) })
		switch {
		case shown && !slices.Contains(out, el):
			out = append(out, el)
		case !shown:
			out = slices.DeleteFunc(out, func(e int) bool { return e == el })
		}
	}
	slices.Sort(out)
	return out
}

// lacks are the elements a plan leaves out on purpose, so that the
// checklist has something to find: some plans look back on nothing, set
// no measurable goals, or say nothing about money, participation,
// communication or other policy.
type lacks map[int]bool

// lackOdds are the chances, in percent, that an IVP lacks an element.
var lackOdds = []struct{ el, pct int }{
	{elEvaluatie, 25}, {elMeetbaar, 30}, {elMiddelen, 15}, {elBetrokkenheid, 15},
	{elSamenhang, 30}, {elCommunicatie, 45}, {elMonitoring, 10},
}

func newLacks(rng *rand.Rand, typ corpus.DocType) lacks {
	l := lacks{}
	for _, o := range lackOdds {
		if rng.IntN(100) < o.pct {
			l[o.el] = true
		}
	}
	if typ != corpus.TypeIVP {
		l[elMeetbaar] = l[elMeetbaar] || rng.IntN(2) == 0
	}
	return l
}

// present returns the distinct elements the passages serve, sorted.
func present(ps []passage) []int {
	out := []int{}
	for _, p := range ps {
		for _, e := range p.checklist {
			if !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	slices.Sort(out)
	return out
}
