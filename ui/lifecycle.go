package ui

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// planLinks place a published plan in the life cycle of its gemeenten'
// plans: detected from type, gemeenten, period and the IVP a follow-up
// names (lifecycle_refs.go), then corrected by the curators' decisions.
type planLinks struct {
	// follows is the IVP the plan follows up: for an uitvoeringsplan the
	// IVP it names or else the one whose period holds its year, for an
	// evaluatie the IVP that starts the year after the evaluated years.
	follows *planFacts
	// evaluates is, for an evaluatie, the IVP of exactly its period.
	evaluates *planFacts
	// prev and next are, for an IVP, the IVPs before and after it of the
	// same gemeenten.
	prev, next *planFacts
	// followUps are, for an IVP, the plans that follow it up.
	followUps []*planFacts
}

// linkPlans sets the links of every plan: plans belong together when they
// have the same set of gemeenten. The curators' decisions (oldest first)
// then add and take away links.
func linkPlans(plans []*planFacts, curated []corpus.PlanLink) {
	byKey := map[string][]*planFacts{}
	byID := make(map[int64]*planFacts, len(plans))
	for _, p := range plans {
		k := gemeenteKey(p.doc)
		byKey[k] = append(byKey[k], p)
		byID[p.doc.ID] = p
	}
	for _, group := range byKey {
		ivps := groupIVPs(group)
		for i, p := range ivps {
			if i > 0 {
				p.links.prev = ivps[i-1]
			}
		}
		for _, p := range group {
			linkFollowUp(p, ivps)
		}
	}
	applyCurated(byID, curated)
	for _, p := range plans {
		if pr := p.links.prev; pr != nil {
			pr.links.next = p
		}
		if f := p.links.follows; f != nil {
			f.links.followUps = append(f.links.followUps, p)
		}
	}
}

// groupIVPs are the IVPs with a period of a group, oldest first.
func groupIVPs(group []*planFacts) []*planFacts {
	var ivps []*planFacts
	for _, p := range group {
		if p.doc.Type == corpus.TypeIVP && p.doc.PeriodStart > 0 {
			ivps = append(ivps, p)
		}
	}
	sort.SliceStable(ivps, func(i, j int) bool { return ivps[i].doc.PeriodStart < ivps[j].doc.PeriodStart })
	return ivps
}

// linkFollowUp links an uitvoeringsplan or evaluatie to its IVP. An
// uitvoeringsplan that names an IVP by its period follows that one, and
// none when the gemeenten have no IVP of that period in the database.
func linkFollowUp(p *planFacts, ivps []*planFacts) {
	start, end := period(p.doc)
	if start == 0 {
		return
	}
	if p.doc.Type == corpus.TypeUitvoeringsplan && p.ref[0] > 0 {
		for _, ivp := range ivps {
			if is, ie := period(ivp.doc); is == p.ref[0] && ie == p.ref[1] {
				p.links.follows = ivp
			}
		}
		return
	}
	for _, ivp := range ivps {
		is, ie := period(ivp.doc)
		switch p.doc.Type {
		case corpus.TypeUitvoeringsplan:
			if is <= start && start <= ie {
				p.links.follows = ivp // the latest IVP that holds the year
			}
		case corpus.TypeEvaluatie:
			if is == end+1 && p.links.follows == nil {
				p.links.follows = ivp
			}
			if is == start && ie == end {
				p.links.evaluates = ivp
			}
		}
	}
}

// applyCurated puts the curators' decisions over the detected links: a
// confirmed link between two IVPs makes the one the successor of the
// other, any other confirmed link makes From follow up To; a removed link
// is taken away. Later decisions win.
func applyCurated(byID map[int64]*planFacts, curated []corpus.PlanLink) {
	for _, l := range curated {
		from, to := byID[l.From], byID[l.To]
		if from == nil || to == nil {
			continue
		}
		ok := l.State == corpus.LinkConfirmed
		succ := from.doc.Type == corpus.TypeIVP && to.doc.Type == corpus.TypeIVP
		switch {
		case succ && ok:
			from.links.prev = to
		case succ && from.links.prev == to:
			from.links.prev = nil
		case ok:
			from.links.follows = to
		case from.links.follows == to:
			from.links.follows = nil
		}
		if !ok && from.links.evaluates == to {
			from.links.evaluates = nil
		}
	}
}

// ivpReference finds an IVP named by its period in a text: "Integraal
// Veiligheidsplan 2023-2026", "het IVP 2023 – 2026".
var ivpReference = regexp.MustCompile(`(?i)\b(?:integraal\s+veiligheidsplan|ivp)\s+(\d{4})\s*[-–]\s*(\d{4})\b`)

// referencedPeriod is the period of the first IVP text names; zero when
// it names none.
func referencedPeriod(text string) [2]int {
	m := ivpReference.FindStringSubmatch(text)
	if m == nil {
		return [2]int{}
	}
	s, _ := strconv.Atoi(m[1])
	e, _ := strconv.Atoi(m[2])
	if e < s || e-s > 10 {
		return [2]int{}
	}
	return [2]int{s, e}
}

// gemeenteKey names a plan's set of gemeenten.
func gemeenteKey(d corpus.Document) string {
	codes := d.GemeenteCodes()
	sort.Strings(codes)
	return strings.Join(codes, ",")
}
