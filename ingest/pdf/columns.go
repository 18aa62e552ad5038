package pdf

import "math"

// Column detection: a gutter is a vertical band, in the middle half of the
// text, that (almost) no run crosses, with text that fills the columns on
// both sides over a common height.
const (
	maxColumnDepth = 2   // columns within columns: three or four columns
	minGutter      = 5.0 // points
	minColumnLines = 4   // lines on each side
	fillShare      = 0.5 // share of lines that must reach the gutter (left) or margin (right)
	fillSlack      = 0.2 // how far from the edge, as part of the column width, still fills
)

// columnizer lays out runs column by column and numbers the columns.
type columnizer struct{ next int }

// layout returns the lines of runs in reading order: text above and
// below columns, and between them, in place; each column top to bottom,
// left before right.
func (c *columnizer) layout(runs []run, depth int) []Line {
	if depth < maxColumnDepth {
		if g0, g1, ok := findGutter(runs); ok {
			return c.columns(runs, g0, g1, depth)
		}
	}
	lines := linesOf(runs)
	for i := range lines {
		lines[i].Col = c.next
	}
	c.next++
	return lines
}

// columns splits runs at the gutter [g0, g1] and interleaves the left and
// right columns with the lines that span the gutter.
func (c *columnizer) columns(runs []run, g0, g1 float64, depth int) []Line {
	var left, right, span []run
	for _, r := range runs {
		switch {
		case r.x1 <= g0+1:
			left = append(left, r)
		case r.x0 >= g1-1:
			right = append(right, r)
		default:
			span = append(span, r)
		}
	}
	spans := c.layout(span, maxColumnDepth)
	l, r := c.layout(left, depth+1), c.layout(right, depth+1)
	var out []Line
	for _, s := range spans {
		out = append(out, above(&l, s.Y)...)
		out = append(out, above(&r, s.Y)...)
		out = append(out, s)
	}
	return append(append(out, l...), r...)
}

// above takes the lines above y off the front of *lines.
func above(lines *[]Line, y float64) []Line {
	n := 0
	for n < len(*lines) && (*lines)[n].Y < y {
		n++
	}
	out := (*lines)[:n:n]
	*lines = (*lines)[n:]
	return out
}

// findGutter returns the widest gutter of runs, if any.
func findGutter(runs []run) (float64, float64, bool) {
	if len(runs) < 2*minColumnLines {
		return 0, 0, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range runs {
		lo, hi = math.Min(lo, r.x0), math.Max(hi, r.x1)
	}
	width := int(hi - lo)
	if width < 100 || width > 10000 {
		return 0, 0, false
	}
	cover := make([]int, width+1)
	for _, r := range runs {
		for x := int(r.x0 - lo); x < int(r.x1-lo) && x <= width; x++ {
			cover[max(x, 0)]++
		}
	}
	limit := max(1, len(runs)/25)
	best0, best1 := 0, 0
	for x := width / 4; x < 3*width/4; x++ {
		start := x
		for x < 3*width/4 && cover[x] <= limit {
			x++
		}
		if x-start > best1-best0 {
			best0, best1 = start, x
		}
	}
	g0, g1 := lo+float64(best0), lo+float64(best1)
	if g1-g0 < minGutter || !filled(runs, lo, g0, g1, hi) {
		return 0, 0, false
	}
	return g0, g1, true
}

// filled reports whether both sides of a gutter hold real columns: enough
// lines, overlapping in height, most reaching the gutter on the left and
// the margin on the right.
func filled(runs []run, lo, g0, g1, hi float64) bool {
	var left, right []run
	for _, r := range runs {
		if r.x1 <= g0+1 {
			left = append(left, r)
		} else if r.x0 >= g1-1 {
			right = append(right, r)
		}
	}
	ll, rl := linesOf(left), linesOf(right)
	if len(ll) < minColumnLines || len(rl) < minColumnLines {
		return false
	}
	if ll[0].Y > rl[len(rl)-1].Y || rl[0].Y > ll[len(ll)-1].Y {
		return false
	}
	return reaches(ll, g0, g0-lo) && reaches(rl, hi, hi-g1)
}

// reaches reports whether most lines end near edge.
func reaches(lines []Line, edge, width float64) bool {
	n := 0
	for _, l := range lines {
		if l.X+l.W >= edge-fillSlack*width {
			n++
		}
	}
	return float64(n) >= fillShare*float64(len(lines))
}
