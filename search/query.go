package search

import (
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/indexer"
)

// textQuery is the free text of a request in the form the engine uses:
// groups of alternatives (a word and its synonyms), of which all (or most,
// see minShould) must match; exact phrases that must occur in one passage;
// and words or phrases that must not occur.
type textQuery struct {
	groups   []group
	phrases  []string
	excludes []alt
	minMatch int // when > 0, how many groups must match ("meer zoals dit")
}

// group is one thing the user asked for: a word with its alternatives.
type group []alt

// alt is a word, or several words that must all occur (as a phrase in a
// passage, anywhere in a plan).
type alt struct {
	text   string
	phrase bool
	term   bool     // text is an index term, not analysed again
	parts  []string // when set: index terms that must all occur (a compound's parts)
	syn    bool     // added from the thesaurus: its words need not be adjacent
	boost  float64  // 0 means 1
}

func (q textQuery) empty() bool { return len(q.groups) == 0 && len(q.phrases) == 0 }

// minShould is how many groups a plan must match: any one of them (the
// share matched is a ranking signal, see coverage.go), or for "meer zoals
// dit" minMatch of them.
func (q textQuery) minShould() int {
	n := len(q.groups)
	if q.minMatch > 0 {
		return min(n, q.minMatch)
	}
	return min(n, 1)
}

func (a alt) weight() float64 {
	if a.boost == 0 {
		return 1
	}
	return a.boost
}

// field is an index field with the weight of a match in it.
type field struct {
	name  string
	boost float64
}

// planFields are the plan-index fields a query searches: the title, which
// counts more, and the whole text; with velden given only the text of
// those velden (headings are part of the text of the velden of the
// passages under them).
func planFields(velden []int) []field {
	if len(velden) > 0 {
		out := make([]field, len(velden))
		for i, v := range velden {
			out[i] = field{indexer.FieldVeldText(v), 1}
		}
		return out
	}
	return []field{{indexer.FieldTitle, 3}, {indexer.FieldBody, 1}}
}

// passageFields are the passage-index fields a query searches: a match
// in the headings above a passage counts as much as one in its text.
var passageFields = []field{{indexer.FieldText, 1}, {indexer.FieldHeadings, 1}}

// groupQuery matches any alternative of g in any of fields. Multi-word
// alternatives need all their words in one field; in the passage index
// (phrases true) the user's own phrases must occur as a phrase. (A phrase
// search on every synonym cost half the ranking time; "all its words in
// the passage" ranks nearly as well.) Bleve multiplies a disjunction's sum
// by the share of its clauses that match, which would make a word with
// many synonyms, or searched in many fields, weigh less than a word
// without: every clause is boosted by the number of clauses, so that one
// matching clause scores as itself and several score their sum times
// their number (real dev half 0.779 nDCG@10; bleve's factor 0.754, the
// plain sum 0.738).
func groupQuery(g group, fields []field, phrases bool) query.Query {
	k := 0.0
	for _, a := range g {
		if phrases && a.phrase && !a.syn {
			k++
		} else {
			k += float64(len(fields))
		}
	}
	var qs []query.Query
	for _, a := range g {
		if phrases && a.phrase && !a.syn {
			qs = append(qs, phraseQuery(a.text, k*a.weight()))
			continue
		}
		for _, f := range fields {
			if len(a.parts) > 0 {
				qs = append(qs, partsQuery(a, field{f.name, k * f.boost}))
				continue
			}
			if a.term {
				t := bleve.NewTermQuery(a.text)
				t.SetField(f.name)
				t.SetBoost(k * f.boost * a.weight())
				qs = append(qs, t)
				continue
			}
			m := bleve.NewMatchQuery(a.text)
			m.SetField(f.name)
			m.Analyzer = indexer.QueryAnalyzer
			m.SetBoost(k * f.boost * a.weight())
			if a.phrase {
				m.SetOperator(query.MatchQueryOperatorAnd)
			}
			qs = append(qs, m)
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// partsQuery matches the parts of a compound, all in field f.
func partsQuery(a alt, f field) query.Query {
	var must []query.Query
	for _, p := range a.parts {
		t := bleve.NewTermQuery(p)
		t.SetField(f.name)
		must = append(must, t)
	}
	c := bleve.NewConjunctionQuery(must...)
	c.SetBoost(f.boost * a.weight())
	return c
}

// phraseQuery matches text as a phrase of exact words in a passage: one
// word on the exact field, several as all their consecutive pairs.
func phraseQuery(text string, boost float64) query.Query {
	pairs := indexer.PhrasePairs(text)
	if len(pairs) == 0 {
		words := indexer.ExactTerms(text)
		if len(words) == 0 {
			return bleve.NewMatchNoneQuery()
		}
		t := bleve.NewTermQuery(words[0])
		t.SetField(indexer.FieldExact)
		t.SetBoost(boost)
		return t
	}
	var must []query.Query
	for _, p := range pairs {
		t := bleve.NewTermQuery(p)
		t.SetField(indexer.FieldExact)
		must = append(must, t)
	}
	c := bleve.NewConjunctionQuery(must...)
	c.SetBoost(boost)
	return c
}

// wordsQuery matches the groups of q in fields, at least min of them.
func wordsQuery(q textQuery, fields []field, min int, phrases bool) query.Query {
	if len(q.groups) == 0 {
		return nil
	}
	var should []query.Query
	for _, g := range q.groups {
		should = append(should, groupQuery(g, fields, phrases))
	}
	if min >= len(should) {
		// every group: a conjunction scores the same (the sum) and skips
		// ahead on the rarer word, where a disjunction with a minimum
		// visits every plan that has any of them
		return conj(should...)
	}
	b := bleve.NewBooleanQuery()
	b.AddShould(should...)
	b.SetMinShould(float64(min))
	return b
}

// excludeQuery matches what the user excluded, in any plan field.
func excludeQuery(q textQuery) query.Query {
	var qs []query.Query
	for _, a := range q.excludes {
		if a.phrase {
			continue // phrases are excluded by plan id, see excludedPlans
		}
		qs = append(qs, groupQuery(group{a}, planFields(nil), false))
	}
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func anyTerm(field string, values []string) query.Query {
	var qs []query.Query
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// idsQuery matches the documents with the given ids; none for an empty list.
func idsQuery(ids []string) query.Query {
	if len(ids) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDocIDQuery(ids)
}

// conj is a conjunction of the non-nil queries, or match-all.
func conj(qs ...query.Query) query.Query {
	var must []query.Query
	for _, q := range qs {
		if q != nil {
			must = append(must, q)
		}
	}
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery()
	case 1:
		return must[0]
	}
	return bleve.NewConjunctionQuery(must...)
}

// veldInts converts veld filter values to ints 0..5.
func veldInts(values []string) []int {
	var out []int
	for _, v := range values {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 5 {
			out = append(out, n)
		}
	}
	return out
}

// compile turns a parsed query into the engine's form: each clause a
// group of its terms and their thesaurus alternatives; a clause that is
// one quoted phrase a must-phrase; runs of single words that together are
// a thesaurus term ("high impact crimes") one group with that term's
// alternatives. It also returns the alternatives added, for a notice.
func compile(pq ParsedQuery, th *Thesaurus) (textQuery, []string) {
	var q textQuery
	var added []string
	spans := clauseSpans(pq.Clauses, th)
	for i := 0; i < len(pq.Clauses); i++ {
		c := pq.Clauses[i]
		if sp, ok := spans[i]; ok {
			words := make([]string, 0, sp.To-sp.From)
			for _, c := range pq.Clauses[sp.From:sp.To] {
				words = append(words, c[0].Text)
			}
			g := group{{text: strings.Join(words, " "), phrase: true}}
			g, added = withAlternatives(g, sp.Alternatives, added)
			q.groups = append(q.groups, g)
			i = sp.To - 1
			continue
		}
		if len(c) == 1 && c[0].Phrase {
			q.phrases = append(q.phrases, c[0].Text)
			continue
		}
		var g group
		for _, t := range c {
			if t.Phrase {
				g = append(g, alt{text: t.Text, phrase: t.Phrase})
			} else {
				g = append(g, wordAlts(t.Text)...)
			}
			g, added = withAlternatives(g, th.Expand(t.Text), added)
		}
		q.groups = append(q.groups, g)
	}
	for _, t := range pq.Exclude {
		q.excludes = append(q.excludes, alt{text: t.Text, phrase: t.Phrase})
	}
	return q, added
}

func withAlternatives(g group, alts []Alternative, added []string) (group, []string) {
	for _, a := range alts {
		g = append(g, alt{text: a.Text, phrase: a.Phrase, boost: a.Weight, syn: true})
		added = append(added, a.Text)
	}
	return g, added
}

// clauseSpans finds thesaurus terms of several words among consecutive
// clauses that are one unquoted word each; keyed by the first clause.
func clauseSpans(cs []Clause, th *Thesaurus) map[int]Span {
	out := map[int]Span{}
	start := 0
	flush := func(end int) {
		if end-start < 2 {
			return
		}
		words := make([]string, 0, end-start)
		for _, c := range cs[start:end] {
			words = append(words, c[0].Text)
		}
		for _, sp := range th.Spans(words) {
			sp.From, sp.To = sp.From+start, sp.To+start
			out[sp.From] = sp
		}
	}
	for i, c := range cs {
		if len(c) != 1 || c[0].Phrase || strings.Contains(c[0].Text, " ") {
			flush(i)
			start = i + 1
		}
	}
	flush(len(cs))
	return out
}
