package pdf

import (
	"math"
	"slices"
	"sort"
)

// Column detection works on horizontal bands. The runs of a page are
// grouped into rows by baseline; a band is a stretch of consecutive rows
// that leave a common vertical strip, the gutter, free in the middle half
// of the text, with text that fills the columns on both sides over a
// common height. Rows that belong to no such band (headings, paragraphs
// and tables across the page) are read in place, bands of columns column
// by column: the left one top to bottom, then the right one.
const (
	maxColumnDepth = 2   // columns within columns: three or four columns
	minGutter      = 5.0 // points
	minColumnLines = 4   // lines on each side, on average
	minSideLines   = 2   // lines on either side
	fillShare      = 0.5 // share of lines that must reach the gutter (left) or margin (right)
	fillSlack      = 0.2 // how far from the edge, as part of the column width, still fills
)

// columnizer lays out runs column by column and numbers the columns.
type columnizer struct{ next int }

// layout returns the lines of runs in reading order: rows across the page
// in place, each band of columns left column first.
func (c *columnizer) layout(runs []run, depth int) []Line {
	rows := rowsOf(runs)
	if depth >= maxColumnDepth {
		return c.plain(rows)
	}
	lo, hi := extent(runs)
	var out []Line
	var flat [][]run
	for i := 0; i < len(rows); {
		n, g0, g1 := band(rows[i:], lo, hi)
		if n == 0 {
			flat = append(flat, rows[i])
			i++
			continue
		}
		out = append(out, c.plain(flat)...)
		flat = nil
		out = append(out, c.columns(slices.Concat(rows[i:i+n]...), g0, g1, depth)...)
		i += n
	}
	return append(out, c.plain(flat)...)
}

// plain returns the lines of rows, consecutive rows of rowsOf, as one
// column.
func (c *columnizer) plain(rows [][]run) []Line {
	if len(rows) == 0 {
		return nil
	}
	lines := linesOf(rows)
	for i := range lines {
		lines[i].Col = c.next
	}
	c.next++
	return lines
}

// columns lays out the runs left and right of the gutter [g0, g1], each
// side on its own (it may hold columns again).
func (c *columnizer) columns(runs []run, g0, g1 float64, depth int) []Line {
	left, right := splitAt(runs, g0, g1)
	return append(c.layout(left, depth+1), c.layout(right, depth+1)...)
}

// splitAt sorts runs to the left and right of the gutter [g0, g1] by
// their middle.
func splitAt(runs []run, g0, g1 float64) (left, right []run) {
	mid := (g0 + g1) / 2
	for _, r := range runs {
		if (r.x0+r.x1)/2 < mid {
			left = append(left, r)
		} else {
			right = append(right, r)
		}
	}
	return left, right
}

// rowsOf groups runs by baseline, top to bottom.
func rowsOf(runs []run) [][]run {
	runs = append([]run(nil), runs...)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].y < runs[j].y })
	var rows [][]run
	for len(runs) > 0 {
		n := 1
		for n < len(runs) && sameLine(runs[0], runs[n]) {
			n++
		}
		rows = append(rows, runs[:n:n])
		runs = runs[n:]
	}
	return rows
}

// extent returns the leftmost and rightmost x of runs.
func extent(runs []run) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		lo, hi = math.Min(lo, r.x0), math.Max(hi, r.x1)
	}
	return lo, hi
}
