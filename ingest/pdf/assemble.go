package pdf

import (
	"math"
	"sort"
	"strings"
)

// assemble turns the runs of one baseline into one or more lines: runs are
// ordered left to right, duplicates (fake bold, shadows) dropped, and the
// line split where a gap is wide enough to separate columns or cells.
func assemble(runs []run) []Line {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].x0 < runs[j].x0 })
	runs = dropDuplicates(runs)
	var lines []Line
	start := 0
	for i := 1; i <= len(runs); i++ {
		if i == len(runs) || runs[i].x0-runs[i-1].x1 > segmentGap*math.Max(runs[i].z, runs[i-1].z) {
			if l, ok := makeLine(runs[start:i]); ok {
				lines = append(lines, l)
			}
			start = i
		}
	}
	return lines
}

// dropDuplicates removes a run drawn again at (nearly) the same place.
func dropDuplicates(runs []run) []run {
	out := runs[:0]
	for _, r := range runs {
		dup := false
		for _, o := range out {
			if math.Abs(o.x0-r.x0) < 0.5*r.z && math.Abs(o.y-r.y) < 0.5*r.z && text(o) == text(r) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

func text(r run) string {
	var b strings.Builder
	for _, g := range r.g {
		b.WriteString(g.s)
	}
	return b.String()
}

// makeLine joins the glyphs of runs, inserting a space wherever the gap
// between two glyphs exceeds a fraction of the font size, or where a run
// starts well inside the previous one (OCR layers whose font widths do not
// match the words they cover).
func makeLine(runs []run) (Line, bool) {
	var b strings.Builder
	st := lineStats{sizes: map[float64]int{}}
	end, right := math.Inf(-1), math.Inf(-1)
	for _, r := range runs {
		space := b.Len() > 0 && (r.x0-end < -overlapGap*r.z || r.marker)
		for _, g := range r.g {
			if g.s == " " {
				space = true
				continue
			}
			if b.Len() > 0 && (space || g.x-end > spaceGap*g.z) {
				b.WriteByte(' ')
			}
			b.WriteString(g.s)
			space = false
			end = g.x + g.w
			right = math.Max(right, end)
			st.add(g)
		}
	}
	if st.chars == 0 {
		return Line{}, false
	}
	return Line{
		Text: b.String(), X: runs[0].x0, W: right - runs[0].x0, Y: runs[0].y,
		Size: dominant(st.sizes), Bold: st.bold*10 >= st.chars*7,
	}, true
}

// lineStats counts glyphs per font size and bold glyphs.
type lineStats struct {
	sizes       map[float64]int
	bold, chars int
}

func (s *lineStats) add(g glyph) {
	s.sizes[math.Round(g.z*2)/2]++
	s.chars++
	if g.bold {
		s.bold++
	}
}

// dominant returns the most frequent size, the larger one on a tie.
func dominant(sizes map[float64]int) float64 {
	best, n := 0.0, -1
	for z, c := range sizes {
		if c > n || c == n && z > best {
			best, n = z, c
		}
	}
	return best
}
