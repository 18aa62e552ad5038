package gen

import "testing"

// TestMergersRespected generates many plans and checks that no plan of a
// gemeente formed by a merger covers a year before it existed.
func TestMergersRespected(t *testing.T) {
	specs, err := planSpecs(Options{Out: "x", Plans: 3000, Seed: 5}, loadGemeenten(t))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, s := range specs {
		for _, g := range s.gemeenten {
			y, ok := formed[g.Code]
			if !ok {
				continue
			}
			seen++
			if s.start < y || s.ivpStart < y {
				t.Errorf("plan %d of %s covers %d-%d (IVP %d), before the gemeente was formed in %d",
					s.index, g.Naam, s.start, s.end, s.ivpStart, y)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no plan of a merged gemeente among 3000")
	}
}
