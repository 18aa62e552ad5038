package ui

import (
	"sort"
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// countRow is one bar or row of the overview: how many of Total have it.
type countRow struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Count   int    `json:"count"`
	Total   int    `json:"total"`
	Percent int    `json:"percent"` // Count of Total, rounded
	URL     string `json:"-"`       // where the row's label links to, if anywhere
}

func newCountRow(key, label string, count, total int) countRow {
	return countRow{Key: key, Label: label, Count: count, Total: total, Percent: percent(count, total)}
}

func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (200*n + total) / (2 * total)
}

// statusCounts counts the gemeenten per status.
func (b *beeld) statusCounts() map[string]int {
	out := map[string]int{}
	for _, gf := range b.gemeenten {
		out[gf.status]++
	}
	return out
}

// coverage is the share of gemeenten with a plan in force per group; key
// gives a gemeente's group and label its name.
func (b *beeld) coverage(key func(*gemeenteFacts) (string, string)) []countRow {
	idx := map[string]int{}
	var rows []countRow
	for _, gf := range b.gemeenten {
		k, l := key(gf)
		i, ok := idx[k]
		if !ok {
			i, idx[k] = len(rows), len(rows)
			rows = append(rows, countRow{Key: k, Label: l})
		}
		rows[i].Total++
		if gf.status == statusGeldend {
			rows[i].Count++
		}
	}
	for i := range rows {
		rows[i].Percent = percent(rows[i].Count, rows[i].Total)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Key < rows[j].Key })
	return rows
}

// coverageByProvincie, coverageByRegio and coverageByKlasse are the three
// coverage tables.
func (b *beeld) coverageByProvincie() []countRow {
	return b.coverage(func(gf *gemeenteFacts) (string, string) { return gf.Provincie, gf.Provincie })
}

func (b *beeld) coverageByRegio() []countRow {
	rows := b.coverage(func(gf *gemeenteFacts) (string, string) { return gf.regio.Code, gf.regio.Naam })
	sort.Slice(rows, func(i, j int) bool { return rows[i].Label < rows[j].Label })
	return rows
}

func (b *beeld) coverageByKlasse() []countRow {
	return b.coverage(func(gf *gemeenteFacts) (string, string) {
		if !gf.klasseOK {
			return "9", "inwonertal onbekend"
		}
		return gf.klasse.Key(), gf.klasse.Label
	})
}

// selected are the gemeenten with a plan in force that pass f.
func (b *beeld) selected(f beeldFilter) []*gemeenteFacts {
	var out []*gemeenteFacts
	for _, gf := range b.gemeenten {
		if gf.status == statusGeldend && f.matches(gf) {
			out = append(out, gf)
		}
	}
	return out
}

// themeCounts counts per theme the gemeenten of gs that have it as a
// priority, most first; themes no gemeente chose are left out.
func themeCounts(tax *corpus.Taxonomy, gs []*gemeenteFacts) []countRow {
	n := map[string]int{}
	for _, gf := range gs {
		for t := range gf.prios {
			n[t]++
		}
	}
	rows := make([]countRow, 0, len(n))
	for t, c := range n {
		rows = append(rows, newCountRow(t, tax.ThemaLabel(t), c, len(gs)))
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Count != rows[j].Count {
			return rows[i].Count > rows[j].Count
		}
		return rows[i].Label < rows[j].Label
	})
	return rows
}

// veldCounts counts per veld 1-5 the gemeenten of gs with a priority in it.
func veldCounts(gs []*gemeenteFacts) []countRow {
	var rows []countRow
	for _, v := range corpus.Velden[1:] {
		c := 0
		for _, gf := range gs {
			if gf.velden[v] {
				c++
			}
		}
		rows = append(rows, newCountRow(strconv.Itoa(int(v)), v.Label(), c, len(gs)))
	}
	return rows
}

// plansOf are the distinct plans in force of the gemeenten gs.
func plansOf(gs []*gemeenteFacts) []*planFacts {
	seen := map[int64]bool{}
	var out []*planFacts
	for _, gf := range gs {
		for _, p := range gf.inForce {
			if !seen[p.doc.ID] {
				seen[p.doc.ID] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// checkCounts counts per checklist element the plans that show it.
func checkCounts(plans []*planFacts) []countRow {
	rows := make([]countRow, len(corpus.Checklist))
	for i, e := range corpus.Checklist {
		c := 0
		for _, p := range plans {
			if p.sum.checks[i].Present {
				c++
			}
		}
		rows[i] = newCountRow(strconv.Itoa(e.Number), e.Name, c, len(plans))
	}
	return rows
}
