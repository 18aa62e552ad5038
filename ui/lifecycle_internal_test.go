package ui

import (
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestReferencedPeriod(t *testing.T) {
	cases := []struct {
		text string
		want [2]int
	}{
		{"Uitvoeringsprogramma 2024 bij het Integraal Veiligheidsplan 2023-2026", [2]int{2023, 2026}},
		{"Dit plan werkt het integraal  veiligheidsplan 2019 – 2022 uit.", [2]int{2019, 2022}},
		{"de prioriteiten uit het IVP 2021-2024", [2]int{2021, 2024}},
		{"Jaarplan veiligheid 2024", [2]int{}},
		{"Integraal Veiligheidsplan 2026-2023", [2]int{}}, // reversed: not a period
		{"het veiligheidsbeleid 2023-2026", [2]int{}},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			if got := referencedPeriod(tc.text); got != tc.want {
				t.Errorf("referencedPeriod = %v, want %v", got, tc.want)
			}
		})
	}
}

// lifecyclePlans are the plans of one gemeente: IVPs 2019-2022 (1) and
// 2023-2026 (2), an uitvoeringsplan 2024 that names nothing (3), one of
// 2023 that names the IVP 2019-2022 (4), one that names an IVP the
// database lacks (5), and an evaluatie of 2019-2022 (6).
func lifecyclePlans() []*planFacts {
	g := []corpus.Gemeente{{Code: "GM0363", Naam: "Amsterdam"}}
	doc := func(id int64, typ corpus.DocType, s, e int) *planFacts {
		return &planFacts{doc: corpus.Document{ID: id, Type: typ, PeriodStart: s, PeriodEnd: e, Gemeenten: g}}
	}
	ps := []*planFacts{doc(1, corpus.TypeIVP, 2019, 2022), doc(2, corpus.TypeIVP, 2023, 2026),
		doc(3, corpus.TypeUitvoeringsplan, 2024, 2024), doc(4, corpus.TypeUitvoeringsplan, 2023, 2023),
		doc(5, corpus.TypeUitvoeringsplan, 2024, 2024), doc(6, corpus.TypeEvaluatie, 2019, 2022)}
	ps[3].ref = [2]int{2019, 2022}
	ps[4].ref = [2]int{2020, 2023}
	return ps
}

func followsOf(ps []*planFacts) map[int64]int64 {
	m := map[int64]int64{}
	for _, p := range ps {
		if p.links.follows != nil {
			m[p.doc.ID] = p.links.follows.doc.ID
		}
		if p.links.prev != nil {
			m[-p.doc.ID] = p.links.prev.doc.ID // an IVP's predecessor, keyed negative
		}
	}
	return m
}

func TestLinkPlansDetection(t *testing.T) {
	ps := lifecyclePlans()
	linkPlans(ps, nil)
	want := map[int64]int64{3: 2, 4: 1, 6: 2, -2: 1}
	got := followsOf(ps)
	if len(got) != len(want) {
		t.Errorf("links %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("plan %d → %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if ps[5].links.evaluates != ps[0] {
		t.Error("the evaluatie 2019-2022 does not evaluate the IVP 2019-2022")
	}
	if ps[0].links.next != ps[1] || len(ps[0].links.followUps) != 1 || len(ps[1].links.followUps) != 2 {
		t.Errorf("reverse links: next %v, follow-ups %d and %d", ps[0].links.next, len(ps[0].links.followUps), len(ps[1].links.followUps))
	}
}

func TestLinkPlansCurated(t *testing.T) {
	ps := lifecyclePlans()
	linkPlans(ps, []corpus.PlanLink{
		{From: 3, To: 2, State: corpus.LinkRemoved},   // a detected link taken away
		{From: 5, To: 1, State: corpus.LinkConfirmed}, // a link detection missed
		{From: 2, To: 1, State: corpus.LinkRemoved},   // no successor after all
		{From: 4, To: 2, State: corpus.LinkConfirmed}, // corrected: the other IVP
		{From: 4, To: 2, State: corpus.LinkRemoved},   // and changed again: the later decision wins
	})
	got := followsOf(ps)
	want := map[int64]int64{5: 1, 6: 2}
	if len(got) != len(want) || got[5] != 1 || got[6] != 2 {
		t.Errorf("links %v, want %v", got, want)
	}
	if ps[0].links.next != nil {
		t.Errorf("the removed successor link still shows as next: %v", ps[0].links.next.doc.ID)
	}
}
