package ui

import (
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// planLinks place a published plan in the life cycle of its gemeenten'
// plans, derived from type, gemeenten and period (nothing is stored; a
// curator's confirmation is future work).
type planLinks struct {
	// follows is the IVP the plan follows up: for an uitvoeringsplan the
	// IVP whose period holds its year, for an evaluatie the IVP that
	// starts the year after the evaluated years.
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
// have the same set of gemeenten.
func linkPlans(plans []*planFacts) {
	byKey := map[string][]*planFacts{}
	for _, p := range plans {
		k := gemeenteKey(p.doc)
		byKey[k] = append(byKey[k], p)
	}
	for _, group := range byKey {
		var ivps []*planFacts
		for _, p := range group {
			if p.doc.Type == corpus.TypeIVP && p.doc.PeriodStart > 0 {
				ivps = append(ivps, p)
			}
		}
		sort.SliceStable(ivps, func(i, j int) bool { return ivps[i].doc.PeriodStart < ivps[j].doc.PeriodStart })
		for i, p := range ivps {
			if i > 0 {
				p.links.prev, ivps[i-1].links.next = ivps[i-1], p
			}
		}
		for _, p := range group {
			linkFollowUp(p, ivps)
			if f := p.links.follows; f != nil {
				f.links.followUps = append(f.links.followUps, p)
			}
		}
	}
}

// linkFollowUp links an uitvoeringsplan or evaluatie to its IVP.
func linkFollowUp(p *planFacts, ivps []*planFacts) {
	start, end := period(p.doc)
	if start == 0 {
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

// gemeenteKey names a plan's set of gemeenten.
func gemeenteKey(d corpus.Document) string {
	codes := d.GemeenteCodes()
	sort.Strings(codes)
	return strings.Join(codes, ",")
}
