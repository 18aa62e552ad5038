package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stats are measures of the whole document that layout decisions are
// relative to.
type stats struct {
	body    float64 // the most common font size, by characters
	spacing float64 // the most common distance between body lines
}

// measure finds the body font size and line spacing.
func measure(pages []page) stats {
	sizes, gaps := map[float64]int{}, map[float64]int{}
	for _, p := range pages {
		for i, l := range p.lines {
			sizes[roundSize(l.size)] += len(l.text)
			if i > 0 {
				prev := p.lines[i-1]
				if d := l.y - prev.y; d > 0 && roundSize(prev.size) == roundSize(l.size) {
					gaps[roundSize(d)]++
				}
			}
		}
	}
	st := stats{body: mode(sizes)}
	if st.body <= 0 {
		st.body = 11
	}
	st.spacing = mode(gaps)
	if st.spacing <= 0 || st.spacing > 3*st.body {
		st.spacing = 1.2 * st.body
	}
	return st
}

// mode returns the key with the largest count, the smaller key on a tie.
func mode(m map[float64]int) float64 {
	best, n := 0.0, 0
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// groupLines splits a page's lines into groups at paragraph breaks, style
// changes, list items and table rows.
func groupLines(lines []line, st stats) []group {
	rows := splitRows(lines)
	cols := edges(lines)
	var groups []group
	for i, r := range rows {
		gap := math.Inf(1)
		if i > 0 {
			gap = r[0].y - rows[i-1][0].y
		}
		last := len(groups) - 1
		if last >= 0 {
			groups[last].gapAfter = gap
		}
		m := cols[r[0].col]
		if last >= 0 && len(groups[last].lines) == 1 && isLead(groups[last], r[0], st, m) {
			groups[last].lead = true
		} else if len(r) == 1 && last >= 0 && !groups[last].row && !breaks(rows[i-1][0], r[0], gap, st, m) {
			groups[last].lines = append(groups[last].lines, r[0])
			continue
		}
		groups = append(groups, group{lines: r, row: len(r) > 1, gapBefore: gap, gapAfter: math.Inf(1)})
	}
	return groups
}

// isLead reports a heading in body type that is only set apart by the
// space above it: a short first line of a group, well below the text
// before it, that does not end a sentence and is followed by more text.
func isLead(g group, next line, st stats, m margins) bool {
	l := g.lines[0]
	short := l.x+l.w < m.left+0.7*(m.right-m.left)
	return !g.row && short && g.gapBefore > 2*st.spacing && len(l.text) <= 80 && hasLetter(l.text) &&
		startsUpper(l.text) && !endsSentence(l.text) && !listRE.MatchString(l.text) && next.y > l.y
}

// splitRows groups lines that share a baseline (table cells, columns).
func splitRows(lines []line) [][]line {
	var rows [][]line
	for _, l := range lines {
		n := len(rows)
		if n > 0 && sameRow(rows[n-1][0], l) {
			rows[n-1] = append(rows[n-1], l)
			continue
		}
		rows = append(rows, []line{l})
	}
	for _, r := range rows {
		sort.SliceStable(r, func(i, j int) bool { return r[i].x < r[j].x })
	}
	return rows
}

// sameRow reports whether two lines share a baseline.
func sameRow(a, b line) bool { return math.Abs(a.y-b.y) < 0.3*b.size }

// runsOn reports whether cur continues prev's sentence.
func runsOn(prev, cur line) bool {
	r, _ := utf8.DecodeRuneInString(cur.text)
	return unicode.IsLower(r) && !endsSentence(prev.text) && cur.bold == prev.bold && math.Abs(cur.size-prev.size) < 0.75
}

// margins are the left and right edges of a column of text.
type margins struct{ left, right float64 }

// edges returns the margins of each column on a page.
func edges(lines []line) map[int]margins {
	out := map[int]margins{}
	for _, l := range lines {
		m, ok := out[l.col]
		if !ok {
			m = margins{left: l.x, right: l.x + l.w}
		}
		m.left, m.right = math.Min(m.left, l.x), math.Max(m.right, l.x+l.w)
		out[l.col] = m
	}
	return out
}

// breaks reports whether cur starts a new group after prev.
func breaks(prev, cur line, gap float64, st stats, m margins) bool {
	switch {
	case strings.HasPrefix(cur.text, "• ") || listRE.MatchString(cur.text):
		return true
	case gap <= 0: // the next column: a sentence may run on
		return !runsOn(prev, cur)
	case gap > st.spacing*1.3+0.5:
		return true
	case math.Abs(cur.size-prev.size) > 0.75 || cur.bold != prev.bold:
		return true
	}
	short := prev.x+prev.w < m.right-0.15*(m.right-m.left)
	return short && endsSentence(prev.text)
}
