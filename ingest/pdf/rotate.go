package pdf

// upright keeps the glyphs that run in the page's dominant direction and
// turns them, with the media box, so that this direction is left to right:
// a landscape table drawn on a portrait page reads like any other page.
// Glyphs in other directions (margin labels) are dropped.
func upright(glyphs []glyph, box [4]float64) ([]glyph, [4]float64) {
	var count [4]int
	for _, g := range glyphs {
		count[g.rot]++
	}
	dom := 0
	for r := range count {
		if count[r] > count[dom] {
			dom = r
		}
	}
	out := glyphs[:0]
	for _, g := range glyphs {
		if g.rot == dom {
			g.x, g.y = turn(g.x, g.y, dom)
			out = append(out, g)
		}
	}
	x0, y0 := turn(box[0], box[1], dom)
	x1, y1 := turn(box[2], box[3], dom)
	return out, [4]float64{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
}

// turn rotates a point by -rot quarter turns.
func turn(x, y float64, rot int) (float64, float64) {
	switch rot {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}
