package fts

import (
	"context"
	"fmt"
	"sort"
)

// facetSQL counts plans per value. %[1]s is the hits source, %[2]s the
// filter conditions (all filters but the facet's own).
var facetSQL = map[string]string{
	FacetGemeente: `SELECT g.code, COUNT(*) FROM (SELECT DISTINCT h.plan_id FROM %[1]s h WHERE %[2]s) x
		JOIN plan_gemeente g ON g.plan_id = x.plan_id GROUP BY g.code`,
	FacetProvincie: `SELECT g.provincie, COUNT(DISTINCT x.plan_id) FROM (SELECT DISTINCT h.plan_id FROM %[1]s h WHERE %[2]s) x
		JOIN plan_gemeente g ON g.plan_id = x.plan_id GROUP BY g.provincie`,
	FacetJaar: `SELECT j.jaar, COUNT(*) FROM (SELECT DISTINCT h.plan_id FROM %[1]s h WHERE %[2]s) x
		JOIN plan_jaar j ON j.plan_id = x.plan_id GROUP BY j.jaar`,
	FacetType: `SELECT pl.type, COUNT(*) FROM (SELECT DISTINCT h.plan_id FROM %[1]s h WHERE %[2]s) x
		JOIN plans pl ON pl.id = x.plan_id GROUP BY pl.type`,
	FacetKlasse: `SELECT pl.klasse, COUNT(*) FROM (SELECT DISTINCT h.plan_id FROM %[1]s h WHERE %[2]s) x
		JOIN plans pl ON pl.id = x.plan_id WHERE pl.klasse IS NOT NULL GROUP BY pl.klasse`,
	FacetVeld: `SELECT x.veld, COUNT(*) FROM (SELECT DISTINCT h.plan_id, h.veld FROM %[1]s h WHERE %[2]s) x
		GROUP BY x.veld`,
	FacetThema: `SELECT t.thema, COUNT(DISTINCT h.plan_id) FROM %[1]s h
		JOIN passage_thema t ON t.passage_id = h.passage_id WHERE %[2]s GROUP BY t.thema`,
}

// facet counts the plans per value of one facet, with every filter but
// its own: a user who picked Gelderland still sees how many plans Utrecht
// would add.
func (s *searcher) facet(ctx context.Context, name string) (Facet, error) {
	w := filters(s.r, name)
	q := fmt.Sprintf(facetSQL[name], s.src, w.sql)
	rows, err := s.conn.QueryContext(ctx, q, w.args...)
	if err != nil {
		return Facet{}, fmt.Errorf("facet %s: %w", name, err)
	}
	defer rows.Close()
	f := Facet{Name: name}
	for rows.Next() {
		var v FacetValue
		if err := rows.Scan(&v.Value, &v.Count); err != nil {
			return Facet{}, fmt.Errorf("facet %s: %w", name, err)
		}
		f.Values = append(f.Values, v)
	}
	if err := rows.Err(); err != nil {
		return Facet{}, fmt.Errorf("facet %s: %w", name, err)
	}
	sort.Slice(f.Values, func(i, j int) bool {
		if f.Values[i].Count != f.Values[j].Count {
			return f.Values[i].Count > f.Values[j].Count
		}
		return f.Values[i].Value < f.Values[j].Value
	})
	return f, nil
}

// Count returns the count of value in the facet, 0 when absent.
func (f Facet) Count(value string) int {
	for _, v := range f.Values {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}
