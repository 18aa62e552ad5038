package geo

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

//go:embed data/gemeente_2025.topojson
var gemeentenTopoJSON []byte

// Attribution is the source line to print with a map drawn from this data.
const Attribution = "Bron kaart: CBS Gebiedsindelingen 2025 (CBS/PDOK), vereenvoudigd door cartomap/nl (github.com/cartomap/nl)"

// Point is a position in RD New (EPSG:28992), in metres.
type Point struct{ X, Y float64 }

// Ring is a closed line of points; the first point is not repeated.
type Ring []Point

// Shape is one municipality: its CBS code, name and the rings of its
// polygons (outer rings and holes alike; draw them with the even-odd rule).
type Shape struct {
	Code  string
	Naam  string
	Rings []Ring
}

// Map is every municipality's shape and the extent of them all.
type Map struct {
	Shapes   []Shape // sorted by code
	Min, Max Point   // the bounding box
	byCode   map[string]int
}

// Shape returns the shape of the municipality with CBS code code.
func (m *Map) Shape(code string) (Shape, bool) {
	i, ok := m.byCode[code]
	if !ok {
		return Shape{}, false
	}
	return m.Shapes[i], true
}

type topology struct {
	Type      string         `json:"type"`
	Arcs      [][][2]float64 `json:"arcs"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Statcode string `json:"statcode"`
		Statnaam string `json:"statnaam"`
	} `json:"properties"`
}

// LoadGemeenten decodes the embedded map of the municipalities of 2025.
func LoadGemeenten() (*Map, error) {
	m, err := Decode(gemeentenTopoJSON, "gemeente_2025")
	if err != nil {
		return nil, fmt.Errorf("gemeente_2025.topojson: %w", err)
	}
	return m, nil
}

// Decode reads the geometry collection object of a TopoJSON topology:
// arcs are delta-decoded and transformed, then joined into rings.
func Decode(data []byte, object string) (*Map, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("decode topology: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("type %q, want Topology", t.Type)
	}
	obj, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("no object %q", object)
	}
	arcs := t.decodeArcs()
	m := &Map{byCode: map[string]int{}}
	for _, g := range obj.Geometries {
		s, err := shapeOf(g, arcs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.Properties.Statcode, err)
		}
		m.Shapes = append(m.Shapes, s)
	}
	sort.Slice(m.Shapes, func(i, j int) bool { return m.Shapes[i].Code < m.Shapes[j].Code })
	for i, s := range m.Shapes {
		if _, dup := m.byCode[s.Code]; dup {
			return nil, fmt.Errorf("%s twice", s.Code)
		}
		m.byCode[s.Code] = i
	}
	m.bounds()
	return m, nil
}

// decodeArcs turns the delta-encoded arcs into absolute positions.
func (t *topology) decodeArcs() [][]Point {
	scale, shift := [2]float64{1, 1}, [2]float64{}
	if t.Transform != nil {
		scale, shift = t.Transform.Scale, t.Transform.Translate
	}
	out := make([][]Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([]Point, len(arc))
		for j, d := range arc {
			if t.Transform != nil {
				x, y = x+d[0], y+d[1]
				pts[j] = Point{x*scale[0] + shift[0], y*scale[1] + shift[1]}
			} else {
				pts[j] = Point{d[0], d[1]}
			}
		}
		out[i] = pts
	}
	return out
}

// shapeOf joins the arcs of a Polygon or MultiPolygon into rings.
func shapeOf(g geometry, arcs [][]Point) (Shape, error) {
	s := Shape{Code: g.Properties.Statcode, Naam: g.Properties.Statnaam}
	if s.Code == "" {
		return s, errors.New("geometry without statcode")
	}
	var polys [][][]int
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return s, fmt.Errorf("polygon arcs: %w", err)
		}
		polys = [][][]int{rings}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return s, fmt.Errorf("multipolygon arcs: %w", err)
		}
	default:
		return s, fmt.Errorf("geometry type %q", g.Type)
	}
	for _, rings := range polys {
		for _, idx := range rings {
			r, err := joinRing(idx, arcs)
			if err != nil {
				return s, err
			}
			s.Rings = append(s.Rings, r)
		}
	}
	return s, nil
}

// joinRing follows a ring's arcs in order; ~i is arc i reversed. Each
// arc after the first starts where the previous one ended, so its first
// point is dropped, as is the closing point of the ring.
func joinRing(idx []int, arcs [][]Point) (Ring, error) {
	var r Ring
	for k, i := range idx {
		rev := i < 0
		if rev {
			i = ^i
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("arc %d of %d", i, len(arcs))
		}
		a := arcs[i]
		for j := range a {
			p := a[j]
			if rev {
				p = a[len(a)-1-j]
			}
			if j == 0 && k > 0 {
				continue
			}
			r = append(r, p)
		}
	}
	if n := len(r); n > 1 && r[0] == r[n-1] {
		r = r[:n-1]
	}
	if len(r) < 3 {
		return nil, fmt.Errorf("ring of %d points", len(r))
	}
	return r, nil
}

func (m *Map) bounds() {
	first := true
	for _, s := range m.Shapes {
		for _, r := range s.Rings {
			for _, p := range r {
				if first {
					m.Min, m.Max, first = p, p, false
				}
				m.Min.X, m.Min.Y = min(m.Min.X, p.X), min(m.Min.Y, p.Y)
				m.Max.X, m.Max.Y = max(m.Max.X, p.X), max(m.Max.Y, p.Y)
			}
		}
	}
}
