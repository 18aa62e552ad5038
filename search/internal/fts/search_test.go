package fts_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search/internal/fts"
)

func facetOf(t *testing.T, res *fts.Result, name string) fts.Facet {
	t.Helper()
	for _, f := range res.Facets {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no facet %s in %+v", name, res.Facets)
	return fts.Facet{}
}

func TestSearch(t *testing.T) {
	ix, ids := buildFixture(t)
	cases := []struct {
		name   string
		req    fts.Request
		plans  []int          // fixture indexes in rank order
		counts map[string]int // "facet=value" -> plans
	}{
		{"query", fts.Request{Query: "ondermijning"}, []int{2, 3},
			map[string]int{"provincie=Utrecht": 1, "provincie=Groningen": 1, "gemeente=GM1979": 1, "veld=5": 2, "thema=X.drugs": 2}},
		{"provincie keeps its own counts", fts.Request{Query: "ondermijning", Provincies: []string{"Utrecht"}}, []int{2},
			map[string]int{"provincie=Groningen": 1, "provincie=Utrecht": 1, "gemeente=GM1979": 0, "gemeente=GM0344": 1}},
		{"jaar is any year of the period", fts.Request{Query: "ondermijning OR cameratoezicht", Jaren: []int{2021}}, nil,
			map[string]int{"jaar=2024": 2, "jaar=2021": 2, "jaar=2018": 0, "type=ivp": 1, "type=evaluatie": 1}},
		{"veld filter needs a matching passage with that veld", fts.Request{Query: "cameratoezicht", Velden: []corpus.Veld{3}}, []int{1},
			map[string]int{"veld=1": 1, "veld=3": 1, "provincie=Gelderland": 1, "thema=1.3": 0, "thema=3.1": 1}},
		{"thema filter", fts.Request{Query: "drugs OR handhaving", Themas: []string{"1.3"}}, []int{3},
			map[string]int{"thema=X.drugs": 1, "thema=1.3": 1, "veld=5": 0, "veld=1": 1}},
		{"empty query lists the newest plans", fts.Request{}, []int{1, 0, 3, 2},
			map[string]int{"provincie=Gelderland": 2, "veld=1": 2, "jaar=2022": 2}},
		{"empty query with veld", fts.Request{Velden: []corpus.Veld{5}}, []int{3, 2},
			map[string]int{"veld=5": 2, "veld=0": 1, "type=evaluatie": 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), c.req)
			if err != nil {
				t.Fatal(err)
			}
			if c.plans != nil {
				var got []int64
				for _, p := range res.Plans {
					got = append(got, p.ID)
				}
				want := make([]int64, len(c.plans))
				for i, k := range c.plans {
					want[i] = ids[k]
				}
				if len(got) != len(want) || res.Total != len(want) {
					t.Fatalf("plans %v (total %d), want %v", got, res.Total, want)
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("plans %v, want %v", got, want)
						break
					}
				}
			}
			for key, want := range c.counts {
				name, value, _ := strings.Cut(key, "=")
				if got := facetOf(t, res, name).Count(value); got != want {
					t.Errorf("facet %s = %d plans, want %d", key, got, want)
				}
			}
		})
	}
}

func TestSearchPassages(t *testing.T) {
	ix, _ := buildFixture(t)
	res, err := ix.Search(context.Background(), fts.Request{Query: "cameratoezicht", Velden: []corpus.Veld{3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plans) != 1 || len(res.Plans[0].Passages) != 1 {
		t.Fatalf("want one plan with one passage, got %+v", res.Plans)
	}
	p := res.Plans[0].Passages[0]
	if !strings.Contains(p.Snippet, "<mark>cameratoezicht</mark>") || !strings.Contains(p.Snippet, "Jeugdoverlast") {
		t.Errorf("snippet %q: want the veld-3 passage with its match marked", p.Snippet)
	}
	if p.PageFrom != 2 || p.Ordinal != 0 || p.Headings != "1 Inleiding" {
		t.Errorf("passage %+v: want page 2, ordinal 0, heading 1 Inleiding", p)
	}
}

func TestSearchPaging(t *testing.T) {
	ix, _ := buildFixture(t)
	res, err := ix.Search(context.Background(), fts.Request{Size: 3, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || len(res.Plans) != 1 {
		t.Errorf("page 2 of 3: total %d, %d plans; want 4 and 1", res.Total, len(res.Plans))
	}
	res, err = ix.Search(context.Background(), fts.Request{Size: 3, Page: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || len(res.Plans) != 0 {
		t.Errorf("page 3 of 3: total %d, %d plans; want 4 and 0", res.Total, len(res.Plans))
	}
}

func TestSearchKlasse(t *testing.T) {
	ix, ids := buildFixture(t)
	in, err := corpus.LoadInwoners()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int64{} // class -> plans of that class
	for i, p := range fixture {
		if k, ok := in.PlanKlasse(p.gemeenten...); ok {
			want[k.Key()] = append(want[k.Key()], ids[i])
		}
	}
	if len(want) == 0 {
		t.Fatal("no fixture gemeente has a known population in corpus/data/inwoners.tsv")
	}
	for key, plans := range want {
		res, err := ix.Search(context.Background(), fts.Request{Klassen: []string{key}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != len(plans) {
			t.Errorf("klasse %s: %d plans, want %v", key, res.Total, plans)
		}
		f := facetOf(t, res, fts.FacetKlasse)
		for other, ps := range want {
			if got := f.Count(other); got != len(ps) {
				t.Errorf("filtered on %s, klasse facet %s = %d, want %d (own filter left out)", key, other, got, len(ps))
			}
		}
	}
}
