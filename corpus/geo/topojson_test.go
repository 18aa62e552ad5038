package geo

import (
	"math"
	"testing"
)

// TestLoadGemeenten decodes the embedded map: 342 shapes, the extent the
// data's README gives, and Amsterdam where Amsterdam is.
func TestLoadGemeenten(t *testing.T) {
	m, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.Shapes); n != 342 {
		t.Fatalf("%d shapes, want 342", n)
	}
	if m.Min != (Point{13565, 306960}) || m.Max != (Point{277529, 619172}) {
		t.Errorf("extent %v-%v, want 13565,306960-277529,619172", m.Min, m.Max)
	}
	ams, ok := m.Shape("GM0363")
	if !ok || ams.Naam != "Amsterdam" {
		t.Fatalf("GM0363 is %q, %v", ams.Naam, ok)
	}
	// The Dam (RD 121400, 487400) lies inside Amsterdam's rings.
	if !inside(ams, Point{121400, 487400}) {
		t.Error("the Dam is not inside Amsterdam")
	}
	if inside(ams, Point{92500, 437500}) { // Rotterdam
		t.Error("Rotterdam is inside Amsterdam")
	}
}

// TestDecodeReversedArcs joins a square from two arcs, one reversed.
func TestDecodeReversedArcs(t *testing.T) {
	data := `{"type":"Topology","transform":{"scale":[2,1],"translate":[10,20]},
	"arcs":[[[0,0],[1,0],[0,1]],[[0,0],[0,1],[1,0]]],
	"objects":{"x":{"type":"GeometryCollection","geometries":[
	{"type":"Polygon","arcs":[[0,-2]],"properties":{"statcode":"GM1","statnaam":"Vierkant"}}]}}}`
	m, err := Decode([]byte(data), "x")
	if err != nil {
		t.Fatal(err)
	}
	got := m.Shapes[0].Rings[0]
	want := Ring{{10, 20}, {12, 20}, {12, 21}, {10, 21}}
	if len(got) != len(want) {
		t.Fatalf("ring %v, want %v", got, want)
	}
	for i := range want {
		if math.Abs(got[i].X-want[i].X) > 1e-9 || math.Abs(got[i].Y-want[i].Y) > 1e-9 {
			t.Fatalf("ring %v, want %v", got, want)
		}
	}
	for _, bad := range []string{`{"type":"Feature"}`, `{"type":"Topology","objects":{}}`, `not json`} {
		if _, err := Decode([]byte(bad), "x"); err == nil {
			t.Errorf("Decode(%s) accepted it", bad)
		}
	}
}

// inside tests p against the rings with the even-odd rule.
func inside(s Shape, p Point) bool {
	in := false
	for _, r := range s.Rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
				in = !in
			}
		}
	}
	return in
}
