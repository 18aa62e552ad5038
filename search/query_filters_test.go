package search_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

func TestQueryFiltersSayHowToRemoveThem(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		query string
		want  []string // name=value label → query without it
		plain string   // the query without any typed filter
	}{
		{"cameratoezicht gemeente:Arnhem", []string{"gemeente=GM0202 Arnhem → cameratoezicht"}, "cameratoezicht"},
		{"gemeente:Arnhem,Nijmegen  cameratoezicht", []string{
			"gemeente=GM0202 Arnhem → gemeente:Nijmegen cameratoezicht",
			"gemeente=GM0268 Nijmegen → gemeente:Arnhem cameratoezicht"}, "cameratoezicht"},
		{`provincie:gelderland "uitgaansgebied" jaar:2023..2026`, []string{
			"provincie=Gelderland Gelderland → \"uitgaansgebied\" jaar:2023..2026",
			"looptijd=2023..2026 2023–2026 → provincie:gelderland \"uitgaansgebied\""}, `"uitgaansgebied"`},
		{"thema:2.3 veld:2 type:ivp", []string{
			"thema=2.3 Veilig uitgaan → veld:2 type:ivp",
			"veld=2 2 Bedrijvigheid en veiligheid → thema:2.3 type:ivp",
			"type=ivp Integraal veiligheidsplan → thema:2.3 veld:2"}, ""},
		{"gemeente:Atlantis cameratoezicht", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Search(context.Background(), search.Request{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.QueryFilters {
				got = append(got, fmt.Sprintf("%s=%s %s → %s", f.Name, f.Value, f.Label, f.Without))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("query filters\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if res.QueryWithoutFilters != tt.plain {
				t.Errorf("query without filters %q, want %q", res.QueryWithoutFilters, tt.plain)
			}
		})
	}
}

func TestQueryFilterYieldsToThePagesRange(t *testing.T) {
	s, _ := newSearcher(t)
	res, err := s.Search(context.Background(), search.Request{Query: "jaar:2019", JaarVan: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.QueryFilters) != 0 {
		t.Errorf("a typed jaar is not applied beside the page's range, yet reported: %+v", res.QueryFilters)
	}
}

func TestDidYouMeanForARareWord(t *testing.T) {
	common := plan{"Plan met veel cameratoezicht", corpus.TypeIVP, 2023, []string{"GM0202"}, nil}
	for i := range 25 {
		common.texts = append(common.texts, fmt.Sprintf("Cameratoezicht bij hangjongeren op plek %d.", i))
	}
	typo := plan{"Plan met een tikfout", corpus.TypeIVP, 2024, []string{"GM0268"}, []string{
		"Het camaratoezicht bij de hangjongere in het park wordt uitgebreid."}}
	s, _ := newSearcherOf(t, []plan{common, typo})
	tests := []struct{ query, want string }{
		{"camaratoezicht", "cameratoezicht"},
		{"camaratoezicht park", "cameratoezicht park"},
		{"hangjongere", ""}, // a near word with the same stem is no correction
		{"cameratoezicht", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Search(context.Background(), search.Request{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total == 0 {
				t.Fatalf("%q finds nothing", tt.query)
			}
			if res.Suggestion != tt.want {
				t.Errorf("suggestion %q, want %q", res.Suggestion, tt.want)
			}
		})
	}
}

func TestMoreLikeThisShowsTheMostSimilar(t *testing.T) {
	birds := strings.Fields("kwartel fazant merel spreeuw lijster zwaluw reiger ooievaar kievit grutto tureluur buizerd havik sperwer wielewaal")
	filler := "De gemeente werkt samen met politie en partners aan veiligheid in de wijken."
	source := plan{"Plan bron", corpus.TypeIVP, 2023, []string{"GM0202"}, []string{strings.Join(birds, " "), strings.Join(birds, " "), filler}}
	all := []plan{source}
	for i := range 3 {
		all = append(all, plan{fmt.Sprintf("Plan dichtbij %d", i), corpus.TypeIVP, 2023, []string{"GM0268"},
			[]string{strings.Join(birds[:12], " "), filler}})
	}
	for i := range 25 {
		var some []string
		for j := range 4 {
			some = append(some, birds[(i+j*4)%len(birds)])
		}
		all = append(all, plan{fmt.Sprintf("Plan veraf %d", i), corpus.TypeIVP, 2022, []string{"GM0363"},
			[]string{strings.Join(some, " ") + " komen hier ook voor.", filler, filler, filler}})
	}
	s, ids := newSearcherOf(t, all)
	res, err := s.Search(context.Background(), search.Request{Like: fmt.Sprint(ids["Plan bron"]), Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	got := titles(res)
	if res.Total > 20 || int(res.Total) != len(got) {
		t.Errorf("%d plans (%d listed) like the source, want at most 20, each listed: %v", res.Total, len(got), got)
	}
	for i := range 3 {
		if len(got) < 3 || !strings.HasPrefix(got[i], "Plan dichtbij") {
			t.Errorf("the three close plans do not come first: %v", got)
			break
		}
	}
	if n := facetCount(res, "gemeente", "GM0363"); n != len(got)-3 {
		t.Errorf("the gemeente facet counts %d far plans, the list has %d", n, len(got)-3)
	}
	if !strings.Contains(res.LikeTitle, "Plan bron") || !strings.Contains(res.LikeTitle, "Arnhem") {
		t.Errorf("like title %q does not name the plan and its gemeente", res.LikeTitle)
	}
}
