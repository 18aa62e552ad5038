package pdf

import (
	"math"
	"strings"
	"unicode"
)

// Layout thresholds, in units of the font size (em).
const (
	spaceGap   = 0.15 // a gap wider than this between glyphs is a space
	segmentGap = 3.0  // a gap wider than this splits a line (columns, tables)
	runGap     = 1.2  // a glyph further right than this after the previous one starts a new run
	overlapGap = 0.2  // a glyph this far left of the previous one's end starts a new word
	baseline   = 0.35 // runs whose baselines differ less than this share a line
	minSize    = 0.5  // glyphs smaller than this (points) are ignored
)

// glyph is one drawn character in page coordinates; y counts from the
// bottom as drawn until clean turns it into a distance from the top.
type glyph struct {
	s          string
	x, y, w, z float64 // z is the font size
	bold       bool
	rot        int // direction in quarter turns counterclockwise
}

// run is a stretch of glyphs drawn one after the other on one baseline, in
// content-stream order. Keeping that order matters where glyph widths are
// only guessed and positions within a run are approximate.
type run struct {
	g      []glyph
	x0, x1 float64
	y, z   float64
	marker bool // a raised footnote marker moved onto its line: set apart by a space
}

// buildLines rebuilds words and lines from the glyphs of a page, column
// by column.
func buildLines(glyphs []glyph, top float64) []Line {
	c := &columnizer{}
	return c.layout(attachRaised(buildRuns(glyphs, top)), 0)
}

// linesOf assembles the lines of rows (see rowsOf), top to bottom. It
// reorders the runs of each row in place.
func linesOf(rows [][]run) []Line {
	var lines []Line
	for _, row := range rows {
		lines = append(lines, assemble(row)...)
	}
	return lines
}

func sameLine(a, b run) bool {
	return math.Abs(a.y-b.y) <= baseline*math.Max(a.z, b.z)
}

// buildRuns groups the glyphs into runs in content-stream order.
func buildRuns(glyphs []glyph, top float64) []run {
	var runs []run
	var cur *run
	for _, g := range glyphs {
		g, ok := clean(g, top)
		if !ok {
			continue
		}
		if cur != nil && continues(cur, g) {
			cur.g = append(cur.g, g)
			cur.x1 = math.Max(cur.x1, g.x+g.w)
			continue
		}
		runs = append(runs, run{g: []glyph{g}, x0: g.x, x1: g.x + g.w, y: g.y, z: g.z})
		cur = &runs[len(runs)-1]
	}
	return runs
}

func continues(r *run, g glyph) bool {
	z := math.Max(r.z, g.z)
	return math.Abs(g.y-r.y) <= baseline*z &&
		g.x >= r.x1-overlapGap*z &&
		g.x <= r.x1+runGap*z &&
		!shifts(r, g)
}

// clean turns y into a distance from the top of the page and drops what is
// not text: replacement characters, controls, and glyphs too small to read.
func clean(g glyph, top float64) (glyph, bool) {
	if g.z < minSize || g.s == "" {
		return g, false
	}
	r := []rune(g.s)[0]
	if r == unicode.ReplacementChar || unicode.IsControl(r) && !unicode.IsSpace(r) {
		return g, false
	}
	if unicode.IsSpace(r) {
		g.s = " "
	}
	g.y = top - g.y
	return g, true
}

// looksBold reports whether a font name names a bold or black weight.
func looksBold(font string) bool {
	f := strings.ToLower(font)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", ",b"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return strings.HasSuffix(f, "-bd") || strings.HasSuffix(f, "-b") || strings.HasSuffix(f, "bd")
}
