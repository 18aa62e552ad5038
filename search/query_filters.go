package search

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Filters typed in the query (gemeente:Ede) work like filters chosen in
// the sidebar, but they live in the query text: to take one away, the
// query must be rewritten without it. The parser remembers where each
// one stands so that the result can offer that rewritten query.

// FilterLooptijd names a jaar range typed in the query (jaar:2023..2026)
// in QueryFilter.Name: the page's van and tot parameters, not a facet.
const FilterLooptijd = "looptijd"

// QueryFilter is one value of a filter typed in the query, with the query
// that leaves it out.
type QueryFilter struct {
	// Name is the facet it selects in (gemeente, provincie, veld, thema,
	// type) or FilterLooptijd.
	Name string `json:"name"`
	// Value is the facet value (a CBS code, a theme id, ...) or for
	// FilterLooptijd a range "2023..2026", "2023.." or "..2020".
	Value string `json:"value"`
	Label string `json:"label"` // what users read: "Ede", "2023–2026"
	// Without is the query with this value taken out.
	Without string `json:"query_without"`
}

// typedFilter is one value of a field filter typed in a query: where its
// item stands and what it selected.
type typedFilter struct {
	field      string
	raw        string   // the value as typed
	list       []string // every value of its item (gemeente:Ede,Epe), as typed
	start, end int      // byte span of the item in ParsedQuery.source
	values     []string // the facet values it selected
}

// typed records a value of item t that selected values; a later jaar
// replaces an earlier one, as in the filters.
func (p *pqParser) typed(t pqToken, list []string, raw string, values []string) {
	if len(values) == 0 {
		return
	}
	if t.field == "jaar" {
		p.q.typed = slices.DeleteFunc(p.q.typed, func(f typedFilter) bool { return f.field == "jaar" })
	}
	p.q.typed = append(p.q.typed, typedFilter{field: t.field, raw: raw, list: list, start: t.start, end: t.end, values: values})
}

// jaarValue writes a year range as it is typed: "2023..2026", "2023..",
// "..2020", or one year.
func jaarValue(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	var a, b string
	if from != 0 {
		a = strconv.Itoa(from)
	}
	if to != 0 {
		b = strconv.Itoa(to)
	}
	return a + ".." + b
}

// jaarLabel words a year range: "2023–2026", "2023 of later",
// "tot en met 2020".
func jaarLabel(from, to int) string {
	switch {
	case from == to:
		return strconv.Itoa(from)
	case to == 0:
		return strconv.Itoa(from) + " of later"
	case from == 0:
		return "tot en met " + strconv.Itoa(to)
	}
	return strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// queryFilters lists the filters typed in the query that apply to r, each
// with the query without it. A typed jaar range does not apply when r has
// a range of its own.
func (s *Searcher) queryFilters(pq ParsedQuery, r Request) []QueryFilter {
	var out []QueryFilter
	for _, tf := range pq.typed {
		without := withoutTyped(pq.source, tf)
		if tf.field == "jaar" {
			if r.JaarVan == 0 && r.JaarTot == 0 {
				f := pq.Filters
				out = append(out, QueryFilter{Name: FilterLooptijd, Value: tf.values[0], Label: jaarLabel(f.YearFrom, f.YearTo), Without: without})
			}
			continue
		}
		for _, v := range tf.values {
			out = append(out, QueryFilter{Name: tf.field, Value: v, Label: s.valueLabel(tf.field, v), Without: without})
		}
	}
	return out
}

// withoutTyped is query with the value of tf taken out of its item: the
// item goes when it has no other value.
func withoutTyped(query string, tf typedFilter) string {
	rest := slices.DeleteFunc(slices.Clone(tf.list), func(v string) bool { return v == tf.raw || v == "" })
	repl := ""
	if len(rest) > 0 {
		repl = tf.field + ":" + strings.Join(rest, ",")
	}
	return strings.TrimSpace(joinParts(query[:tf.start], repl, query[tf.end:]))
}

// withoutAllTyped is query without any of its typed filters.
func withoutAllTyped(pq ParsedQuery) string {
	q := pq.source
	spans := map[int]int{}
	for _, tf := range pq.typed {
		spans[tf.start] = tf.end
	}
	starts := make([]int, 0, len(spans))
	for st := range spans {
		starts = append(starts, st)
	}
	slices.Sort(starts)
	for i := len(starts) - 1; i >= 0; i-- { // from the end: earlier spans keep their place
		q = joinParts(q[:starts[i]], "", q[spans[starts[i]]:])
	}
	return strings.TrimSpace(q)
}

// joinParts joins the non-empty parts with one space where they meet; left
// keeps its start, so spans in it stay valid.
func joinParts(left, mid, right string) string {
	var parts []string
	for _, s := range []string{strings.TrimRightFunc(left, unicode.IsSpace), mid, strings.TrimLeftFunc(right, unicode.IsSpace)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}
