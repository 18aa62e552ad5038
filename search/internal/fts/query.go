package fts

import (
	"strings"
	"unicode"
)

// parsed is a user query split the way a day-one search box reads it:
// words and "quoted phrases" that must all occur, -words that must not,
// and OR between two terms.
type parsed struct {
	groups [][]string // AND of groups; within a group, OR; each item an fts5 string
	not    []string
}

// parse reads q. Field syntax and other operators are not understood:
// their characters simply end up as word separators.
func parse(q string) parsed {
	var p parsed
	orNext := false
	for _, tok := range splitQuery(q) {
		neg := strings.HasPrefix(tok, "-") && len(tok) > 1
		if neg {
			tok = tok[1:]
		}
		if tok == "OR" {
			orNext = len(p.groups) > 0
			continue
		}
		s := ftsString(tok)
		switch {
		case s == "":
		case neg:
			p.not = append(p.not, s)
		case orNext:
			last := len(p.groups) - 1
			p.groups[last] = append(p.groups[last], s)
		default:
			p.groups = append(p.groups, []string{s})
		}
		orNext = false
	}
	return p
}

// splitQuery splits on white space, keeping a "quoted phrase" (with its
// quotes) as one token.
func splitQuery(q string) []string {
	var out []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		start := 0
		if strings.HasPrefix(q, "-\"") {
			start = 1
		}
		if q[start] == '"' {
			if end := strings.IndexByte(q[start+1:], '"'); end >= 0 {
				out = append(out, q[:start+end+2])
				q = q[start+end+2:]
				continue
			}
		}
		i := strings.IndexFunc(q, unicode.IsSpace)
		if i < 0 {
			i = len(q)
		}
		out = append(out, q[:i])
		q = q[i:]
	}
	return out
}

// ftsString makes a token an fts5 string: the tokenizer then splits it
// like the indexed text, and a string of several words is a phrase. It
// returns "" for a token without letters or digits.
func ftsString(tok string) string {
	tok = strings.ReplaceAll(tok, `"`, " ")
	if !strings.ContainsFunc(tok, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return `"` + strings.Join(strings.Fields(tok), " ") + `"`
}

// match is the fts5 MATCH expression: every group (all=true) or any
// group, minus the excluded terms. It is "" when nothing is searchable.
func (p parsed) match(all bool) string {
	if len(p.groups) == 0 {
		return ""
	}
	parts := make([]string, len(p.groups))
	for i, g := range p.groups {
		parts[i] = "(" + strings.Join(g, " OR ") + ")"
	}
	op := " AND "
	if !all {
		op = " OR "
	}
	expr := "(" + strings.Join(parts, op) + ")"
	if len(p.not) > 0 {
		expr += " NOT (" + strings.Join(p.not, " OR ") + ")"
	}
	return expr
}
