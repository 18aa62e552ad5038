package fts

import (
	"strings"
)

// clause is a piece of SQL with its arguments.
type clause struct {
	sql  string
	args []any
}

// filters returns the WHERE conditions on hits h for every active filter
// of r except the facet named except.
func filters(r Request, except string) clause {
	var parts []string
	var args []any
	add := func(name, sqlFmt string, vals []any) {
		if name == except || len(vals) == 0 {
			return
		}
		parts = append(parts, strings.Replace(sqlFmt, "?", placeholders(len(vals)), 1))
		args = append(args, vals...)
	}
	add(FacetGemeente, `h.plan_id IN (SELECT plan_id FROM plan_gemeente WHERE code IN (?))`, anys(r.Gemeenten))
	add(FacetProvincie, `h.plan_id IN (SELECT plan_id FROM plan_gemeente WHERE provincie IN (?))`, anys(r.Provincies))
	add(FacetJaar, `h.plan_id IN (SELECT plan_id FROM plan_jaar WHERE jaar IN (?))`, anys(r.Jaren))
	add(FacetType, `h.plan_id IN (SELECT id FROM plans WHERE type IN (?))`, anys(r.Types))
	add(FacetKlasse, `h.plan_id IN (SELECT id FROM plans WHERE klasse IN (?))`, anys(r.Klassen))
	add(FacetVeld, `h.veld IN (?)`, anys(r.Velden))
	add(FacetThema, `h.passage_id IN (SELECT passage_id FROM passage_thema WHERE thema IN (?))`, anys(r.Themas))
	if len(parts) == 0 {
		return clause{sql: "1"}
	}
	return clause{sql: strings.Join(parts, " AND "), args: args}
}

// passageFilters are the conditions on the passage itself (veld, thema),
// which also choose the passages shown.
func passageFilters(r Request) clause {
	return filters(Request{Velden: r.Velden, Themas: r.Themas}, "")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
