package pdf

import (
	"math"
	"strings"
)

// Raised runs: a footnote marker or other superscript is set small and
// above the baseline of the text it belongs to, often further than the
// baseline tolerance, so it would become a line of its own and split the
// paragraph. Such a run joins the line whose baseline is just below it.
const (
	raisedSize  = 0.8  // a raised run is at most this size, as part of its line's
	raisedMin   = 0.15 // and rises at least this far, in its line's em
	raisedRise  = 0.6  // and at most this far
	raisedWidth = 4.0  // and is at most this wide, in its own em (a few characters)
)

// shifts reports whether glyph g goes up into a footnote marker from run
// r, or down out of one: the marker must be a run of its own. Other
// raised text (the "e" of "1e") stays in its run.
func shifts(r *run, g glyph) bool {
	if g.z <= raisedSize*r.z && r.y-g.y > raisedMin*r.z {
		return isMarker(g.s)
	}
	if r.z <= raisedSize*g.z && g.y-r.y > raisedMin*g.z {
		return isMarker(text(*r))
	}
	return false
}

// attachRaised moves small raised runs onto the baseline of the line
// they belong to. A footnote marker is kept apart from the word before
// it ("gebied 1", not "gebied1"); other raised text, such as the "e" of
// "1e", is not.
func attachRaised(runs []run) []run {
	for i := range runs {
		if h, ok := host(runs, i); ok {
			runs[i].y = runs[h].y
			runs[i].marker = isMarker(text(runs[i]))
		}
	}
	return runs
}

// host returns the run whose line a small raised run i belongs to: the
// nearest one below it, larger, that it touches horizontally.
func host(runs []run, i int) (int, bool) {
	r := runs[i]
	if r.x1-r.x0 > raisedWidth*r.z {
		return 0, false
	}
	best, rise := 0, math.Inf(1)
	for j, h := range runs {
		d := h.y - r.y
		if j == i || r.z > raisedSize*h.z || d <= raisedMin*h.z || d > raisedRise*h.z || d >= rise {
			continue
		}
		if r.x0 > h.x1+runGap*h.z || r.x1 < h.x0-runGap*h.z {
			continue
		}
		best, rise = j, d
	}
	return best, !math.IsInf(rise, 1)
}

// isMarker reports whether s is a footnote marker: digits or a footnote
// sign.
func isMarker(s string) bool {
	return s != "" && strings.Trim(s, "0123456789*†‡") == ""
}
