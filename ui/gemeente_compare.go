package ui

import (
	"sort"
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// minComparable is how many comparable gemeenten with a plan in force a
// group needs; a smaller group falls back to the next, wider one.
const minComparable = 3

// comparison is the group a gemeente is compared with and how it was
// chosen.
type comparison struct {
	How       string           // "gemeenten met 20.000 – 50.000 inwoners in veiligheidsregio Utrecht"
	Gemeenten []*gemeenteFacts // with a plan in force, the gemeente itself left out
	Fallback  bool             // a wider group than the first choice
}

// comparableTo chooses the gemeenten to compare gf with: those with a
// plan in force of the same inwonersklasse in the same veiligheidsregio;
// when fewer than minComparable, the same klasse in the same provincie;
// then the same klasse in the whole country. Without a known klasse: the
// same veiligheidsregio, then the same provincie.
func (b *beeld) comparableTo(gf *gemeenteFacts) comparison {
	type step struct {
		how  string
		keep func(o *gemeenteFacts) bool
	}
	sameKlasse := func(o *gemeenteFacts) bool { return gf.klasseOK && o.klasseOK && o.klasse.Code == gf.klasse.Code }
	var steps []step
	if gf.klasseOK {
		kl := "gemeenten met " + gf.klasse.Label
		steps = []step{
			{kl + " in veiligheidsregio " + gf.regio.Naam, func(o *gemeenteFacts) bool { return sameKlasse(o) && o.regio == gf.regio }},
			{kl + " in de provincie " + gf.Provincie, func(o *gemeenteFacts) bool { return sameKlasse(o) && o.Provincie == gf.Provincie }},
			{kl + " in heel Nederland", sameKlasse},
		}
	} else {
		steps = []step{
			{"gemeenten in veiligheidsregio " + gf.regio.Naam, func(o *gemeenteFacts) bool { return o.regio == gf.regio }},
			{"gemeenten in de provincie " + gf.Provincie, func(o *gemeenteFacts) bool { return o.Provincie == gf.Provincie }},
		}
	}
	var c comparison
	for i, s := range steps {
		c = comparison{How: s.how, Fallback: i > 0}
		for _, o := range b.gemeenten {
			if o != gf && o.status == statusGeldend && s.keep(o) {
				c.Gemeenten = append(c.Gemeenten, o)
			}
		}
		if len(c.Gemeenten) >= minComparable {
			break
		}
	}
	return c
}

// prioRow is one theme on the gemeente page: whether the gemeente chose
// it and how many comparable gemeenten did.
type prioRow struct {
	Thema      string `json:"thema"`
	Label      string `json:"label"`
	Own        bool   `json:"own"`
	OwnURL     string `json:"-"` // the passage that shows the priority
	Comparable int    `json:"comparable"`
	Total      int    `json:"comparable_total"`
	Percent    int    `json:"comparable_percent"`
}

// prioRows are the themes of the gemeente and its comparison group, the
// most chosen by the group first.
func prioRows(tax *corpus.Taxonomy, gf *gemeenteFacts, c comparison) []prioRow {
	n := map[string]int{}
	for t := range gf.prios {
		n[t] += 0
	}
	for _, o := range c.Gemeenten {
		for t := range o.prios {
			n[t]++
		}
	}
	rows := make([]prioRow, 0, len(n))
	for t, k := range n {
		r := prioRow{Thema: t, Label: tax.ThemaLabel(t), Comparable: k, Total: len(c.Gemeenten),
			Percent: percent(k, len(c.Gemeenten))}
		if ref, ok := gf.prios[t]; ok {
			r.Own, r.OwnURL = true, passageURL(ref)
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Own != b.Own {
			return a.Own
		}
		if a.Comparable != b.Comparable {
			return a.Comparable > b.Comparable
		}
		return a.Label < b.Label
	})
	return rows
}

// passageURL links to one passage on its plan's page.
func passageURL(r passageRef) string {
	return documentURL(r.doc) + "#passage-" + strconv.Itoa(r.ordinal)
}
