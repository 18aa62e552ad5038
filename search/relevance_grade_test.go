package search_test

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// gradingRule is written at the top of judgements.tsv; grade implements it.
const gradingRule = `# Graded judgements (0-3) of the relevance suite: query x plan.
#
# Written by 'go test ./search/ -run TestRelevance -update-judgements' from the fixed corpus
# (see relevance_corpus_test.go) and queries.tsv; plans not listed have grade 0. Do not edit
# by hand: put a hand judgement in overrides.tsv, which the update applies last.
#
# The rule, per query and plan. For generated plans it reads the generator's truth.jsonl
# (passage text, headings, veld, themes; the plan's prioriteiten); for hand-written documents
# the hand labels of ingest/tag/testdata/labels.tsv and the hand-set priorities in
# handdocs.tsv.
#  0. A plan that fails a field filter of the query (gemeente:, type:, jaar: overlapping the
#     plan's period) is 0.
#  1. A passage is on topic when one of its themes is a target theme of the query (any
#     passage when the query has none) and, with veld:N, its veld is N.
#  2. A passage matches when its folded headings and text contain, for every concept group
#     of the query, one of the group's terms (substrings, so compounds count), and none of
#     the query's -excluded words. With veld:N only passages of veld N can match.
#  3. hits = on-topic matching passages; prio = the plan has one of the query's priorities.
#     grade 3: hits >= 3 and (prio, or the query names no priorities)
#     grade 2: hits >= 2, or hits = 1 and prio
#     grade 1: hits = 1, or a matching passage off topic
#     grade 0: otherwise
# Columns: query, doc (plan file name or labels/<doc>), grade, basis (hits, prio; or hand).
`

// grade judges doc for q by gradingRule, returning the grade and the
// basis it was given on.
func grade(q relQuery, d judgedDoc) (int, string) {
	if !q.user.admits(d) {
		return 0, "filter"
	}
	hits, off := 0, 0
	for _, p := range d.Passages {
		if !q.matches(p) {
			continue
		}
		if q.onTopic(p) {
			hits++
		} else {
			off++
		}
	}
	prio := false
	for _, pr := range q.Priorities {
		prio = prio || slices.Contains(d.Priorities, pr)
	}
	basis := fmt.Sprintf("hits=%d off=%d prio=%t", hits, off, prio)
	switch {
	case hits >= 3 && (prio || len(q.Priorities) == 0):
		return 3, basis
	case hits >= 2 || hits == 1 && prio:
		return 2, basis
	case hits == 1 || off > 0:
		return 1, basis
	}
	return 0, basis
}

// admits reports whether d passes the plan-level filters.
func (u userQuery) admits(d judgedDoc) bool {
	if u.typ != "" && u.typ != d.Type {
		return false
	}
	if u.gemeente != "" && !slices.ContainsFunc(d.Gemeenten, func(n string) bool { return strings.EqualFold(n, u.gemeente) }) {
		return false
	}
	if u.jaarFrom != 0 && (d.To < u.jaarFrom || d.From > u.jaarTo) {
		return false
	}
	return true
}

func (q relQuery) onTopic(p judgedPassage) bool {
	if q.Themes == nil {
		return true
	}
	for _, t := range p.Themes {
		if slices.Contains(q.Themes, t) {
			return true
		}
	}
	return false
}

func (q relQuery) matches(p judgedPassage) bool {
	if q.user.veld >= 0 && p.Veld != q.user.veld {
		return false
	}
	for _, x := range q.user.exclude {
		if strings.Contains(p.Text, x) {
			return false
		}
	}
	for _, group := range q.Concept {
		if !slices.ContainsFunc(group, func(term string) bool { return containsTerm(p.Text, term) }) {
			return false
		}
	}
	return true
}

// containsTerm reports whether folded text contains term; "^term" must be
// a whole word.
func containsTerm(text, term string) bool {
	whole := strings.HasPrefix(term, "^")
	term = strings.TrimPrefix(term, "^")
	if !whole {
		return strings.Contains(text, term)
	}
	for i := 0; ; {
		j := strings.Index(text[i:], term)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(term)
		if !wordByteAt(text, start-1) && !wordByteAt(text, end) {
			return true
		}
		i = start + 1
	}
}

func wordByteAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	r := rune(s[i])
	return r >= 0x80 || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// judgement is one line of judgements.tsv.
type judgement struct {
	Query, Doc string
	Grade      int
	Basis      string
}

// judge grades every doc for every query and applies the hand overrides.
func judge(qs []relQuery, docs []judgedDoc, overrides []judgement) []judgement {
	hand := map[[2]string]judgement{}
	for _, o := range overrides {
		hand[[2]string{o.Query, o.Doc}] = o
	}
	var out []judgement
	for _, q := range qs {
		for _, d := range docs {
			g, basis := grade(q, d)
			if o, ok := hand[[2]string{q.ID, d.Key}]; ok {
				g, basis = o.Grade, "hand: "+o.Basis
			}
			if g > 0 {
				out = append(out, judgement{q.ID, d.Key, g, basis})
			}
		}
	}
	return out
}

// readJudgements reads judgements.tsv or overrides.tsv and the corpus
// line ("# corpus: ...") of the former.
func readJudgements(path string) ([]judgement, string, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, "", err
	}
	var out []judgement
	for _, r := range rows {
		if len(r) != 4 {
			return nil, "", fmt.Errorf("read %s: %d columns in %q, want 4", path, len(r), r)
		}
		g, err := strconv.Atoi(r[2])
		if err != nil || g < 0 || g > 3 {
			return nil, "", fmt.Errorf("read %s: grade %q of %s/%s, want 0-3", path, r[2], r[0], r[1])
		}
		out = append(out, judgement{r[0], r[1], g, r[3]})
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", path, err)
	}
	_, rest, _ := strings.Cut(string(b), "\n# corpus: ")
	corpusLine, _, _ := strings.Cut(rest, "\n")
	return out, corpusLine, nil
}

// writeJudgements writes judgements.tsv: the rule, the corpus line, the rows.
func writeJudgements(path, corpusLine string, js []judgement) error {
	var b strings.Builder
	b.WriteString(gradingRule)
	fmt.Fprintf(&b, "# corpus: %s\nquery\tdoc\tgrade\tbasis\n", corpusLine)
	for _, j := range js {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", j.Query, j.Doc, j.Grade, j.Basis)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write judgements: %w", err)
	}
	return nil
}
