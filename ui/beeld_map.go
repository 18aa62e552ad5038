package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus/geo"
)

// mapMetres is how many metres of RD New one unit of the drawn map is: at
// 250 m the country is about 1060 by 1250 units, finer than any screen
// shows it, and every coordinate is a whole number.
const mapMetres = 250

// mapShape is one gemeente's outline as an SVG path.
type mapShape struct {
	Code, Naam string
	D          string // path data: one closed subpath per ring
}

// mapBox is the size of the drawn map in its own units.
type mapBox struct{ W, H int }

// drawMap projects every shape onto the SVG plane: x grows east from the
// westernmost point, y grows south from the northernmost (RD's y axis is
// flipped), in units of mapMetres.
func drawMap(m *geo.Map) ([]mapShape, mapBox) {
	out := make([]mapShape, 0, len(m.Shapes))
	for _, s := range m.Shapes {
		var b strings.Builder
		for _, r := range s.Rings {
			ringPath(&b, r, m.Min.X, m.Max.Y)
		}
		out = append(out, mapShape{Code: s.Code, Naam: s.Naam, D: b.String()})
	}
	box := mapBox{W: int(math.Ceil((m.Max.X - m.Min.X) / mapMetres)), H: int(math.Ceil((m.Max.Y - m.Min.Y) / mapMetres))}
	return out, box
}

// ringPath writes a ring as "M x y l dx dy ... z" with whole units,
// leaving out steps that round to nothing.
func ringPath(b *strings.Builder, r geo.Ring, x0, y0 float64) {
	px, py := 0, 0
	steps := 0
	for i, p := range r {
		x := int(math.Round((p.X - x0) / mapMetres))
		y := int(math.Round((y0 - p.Y) / mapMetres))
		switch {
		case i == 0:
			b.WriteString("M" + strconv.Itoa(x) + " " + strconv.Itoa(y))
		case x == px && y == py:
			continue
		default:
			switch {
			case steps == 0:
				b.WriteByte('l')
			case x-px >= 0:
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(x-px) + " " + strconv.Itoa(y-py))
			steps++
		}
		px, py = x, y
	}
	b.WriteString("z")
}
