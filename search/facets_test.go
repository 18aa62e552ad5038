package search_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// TestVeldFacetWithWords checks that with words each veld facet value
// counts the plans that filtering on it finds: plans with any of the words
// in passages of that veld.
func TestVeldFacetWithWords(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generated relevance corpus")
	}
	c := buildRelCorpus(t)
	s := search.New(c.ix)
	ctx := context.Background()
	for _, q := range []string{"cameratoezicht", "woninginbraak jeugdoverlast", "drugs-aanpak horeca", "huiselijk geweld aanpak", `"integrale veiligheid" drugs`} {
		res, err := s.Search(ctx, search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, f := range res.Facets {
			if f.Name != "veld" {
				continue
			}
			for _, v := range f.Values {
				n, _ := strconv.Atoi(v.Value)
				got, err := s.Search(ctx, search.Request{Query: q, Velden: []corpus.Veld{corpus.Veld(n)}})
				if err != nil {
					t.Fatal(err)
				}
				if int(got.Total) != v.Count {
					t.Errorf("%q: veld %s counted %d plans, filtering on it finds %d", q, v.Value, v.Count, got.Total)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%q: no veld facet values", q)
		}
	}
}
