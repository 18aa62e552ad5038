package pdf

import "math"

// span is a stretch of x from a to b.
type span struct{ a, b float64 }

// band returns how many of the rows, from the first, form a band of two
// columns, and its gutter; 0 when the first row starts none. The band is
// the longest stretch of rows with a free strip in common.
func band(rows [][]run, lo, hi float64) (int, float64, float64) {
	w := hi - lo
	if w < 100 || w > 10000 {
		return 0, 0, 0
	}
	free := []span{{lo + w/4, lo + 3*w/4}}
	n := 0
	for n < len(rows) {
		next := wide(cut(free, rows[n]))
		if len(next) == 0 {
			break
		}
		free, n = next, n+1
	}
	if n == 0 {
		return 0, 0, 0
	}
	g := widest(free)
	if !filled(rows[:n], g.a, g.b) {
		return 0, 0, 0
	}
	return n, g.a, g.b
}

// cut removes from the free spans what the runs of a row cover.
func cut(free []span, row []run) []span {
	for _, r := range row {
		var out []span
		for _, f := range free {
			if r.x1 <= f.a || r.x0 >= f.b {
				out = append(out, f)
				continue
			}
			if r.x0 > f.a {
				out = append(out, span{f.a, r.x0})
			}
			if r.x1 < f.b {
				out = append(out, span{r.x1, f.b})
			}
		}
		free = out
	}
	return free
}

// wide keeps the spans wide enough for a gutter.
func wide(free []span) []span {
	var out []span
	for _, f := range free {
		if f.b-f.a >= minGutter {
			out = append(out, f)
		}
	}
	return out
}

func widest(free []span) span {
	best := free[0]
	for _, f := range free[1:] {
		if f.b-f.a > best.b-best.a {
			best = f
		}
	}
	return best
}

// filled reports whether both sides of a gutter hold real columns: enough
// lines (a column may end near the top of the page, where a chapter ends),
// overlapping in height, most reaching the gutter on the left and the
// margin on the right.
func filled(rows [][]run, g0, g1 float64) bool {
	l, r := sides(rows, (g0+g1)/2)
	if len(l.ends)+len(r.ends) < 2*minColumnLines || min(len(l.ends), len(r.ends)) < minSideLines {
		return false
	}
	if l.top > r.bottom || r.top > l.bottom {
		return false
	}
	lo, hi := math.Min(l.lo, r.lo), math.Max(l.hi, r.hi)
	return reaches(l.ends, g0, g0-lo) && reaches(r.ends, hi, hi-g1)
}

// side is one side of a gutter: where each row's text on it ends, and the
// extent of that text.
type side struct {
	ends                []float64
	lo, hi, top, bottom float64
}

func (s *side) add(row []run) {
	if len(row) == 0 {
		return
	}
	lo, hi := extent(row)
	if len(s.ends) == 0 {
		s.lo, s.hi, s.top = lo, hi, row[0].y
	}
	s.ends = append(s.ends, hi)
	s.lo, s.hi, s.bottom = math.Min(s.lo, lo), math.Max(s.hi, hi), row[0].y
}

// sides splits each row at x = mid.
func sides(rows [][]run, mid float64) (l, r side) {
	for _, row := range rows {
		left, right := splitAt(row, mid, mid)
		l.add(left)
		r.add(right)
	}
	return l, r
}

// reaches reports whether most rows end near edge.
func reaches(ends []float64, edge, width float64) bool {
	n := 0
	for _, e := range ends {
		if e >= edge-fillSlack*width {
			n++
		}
	}
	return float64(n) >= fillShare*float64(len(ends))
}
