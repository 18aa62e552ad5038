package search_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
)

type plan struct {
	title     string
	typ       corpus.DocType
	start     int
	gemeenten []string
	texts     []string
}

// headedPlan is a plan whose passages have their own headings.
type headedPlan struct {
	plan
	headings []string // per passage
}

var plans = []plan{
	{"Integraal Veiligheidsplan Arnhem 2023-2026", corpus.TypeIVP, 2023, []string{"GM0202"}, []string{
		"In het uitgaansgebied rond de Korenmarkt zetten we cameratoezicht in tijdens de weekendnachten.",
		"Cameratoezicht helpt de politie bij het opsporen van uitgaansgeweld.",
		"Met de horeca sluiten we een horecaconvenant.",
		"De aanpak van ondermijning gebeurt samen met het RIEC."}},
	{"Veiligheidsplan Nijmegen 2019-2022", corpus.TypeIVP, 2019, []string{"GM0268"}, []string{
		"Woninginbraak daalt al jaren; we blijven inzetten op inbraakpreventie.",
		"Cameratoezicht in de binnenstad wordt geëvalueerd."}},
	{"Uitvoeringsplan veiligheid Amsterdam 2024", corpus.TypeUitvoeringsplan, 2024, []string{"GM0363"}, []string{
		"Jeugdoverlast bij hangplekken pakken we aan met jongerenwerk.",
		"Ondermijning vraagt om een sterke informatiepositie."}},
	{"Gezamenlijk veiligheidsplan Achterhoek 2023-2026", corpus.TypeIVP, 2023, []string{"GM0197", "GM1859"}, []string{
		"Vakantieparken in het buitengebied vragen aandacht vanwege ondermijning."}},
}

// newSearcher builds a real store and index holding plans.
func newSearcher(t *testing.T) (*search.Searcher, map[string]int64) {
	return newSearcherOf(t, plans)
}

// newSearcherOf builds a real store and index holding the given plans.
func newSearcherOf(t *testing.T, plans []plan) (*search.Searcher, map[string]int64) {
	hp := make([]headedPlan, len(plans))
	for i, p := range plans {
		hp[i] = headedPlan{plan: p}
	}
	return newSearcherHeaded(t, hp)
}

// newSearcherHeaded builds a real store and index holding the given plans;
// a passage without a heading of its own is under "Hoofdstuk".
func newSearcherHeaded(t *testing.T, plans []headedPlan) (*search.Searcher, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	gm := store.Gemeenten()
	ids := map[string]int64{}
	for i, p := range plans {
		d := corpus.Document{Title: p.title, Type: p.typ, PeriodStart: p.start, PeriodEnd: p.start + 3,
			Source: fmt.Sprintf("p%d.pdf", i), MediaType: "application/pdf", Pages: len(p.texts), Status: corpus.StatusPublished}
		for _, c := range p.gemeenten {
			g, ok := gm.ByCode(c)
			if !ok {
				t.Fatalf("unknown gemeente %s", c)
			}
			d.Gemeenten = append(d.Gemeenten, g)
		}
		var ps []corpus.Passage
		for j, txt := range p.texts {
			h := "Hoofdstuk"
			if j < len(p.headings) {
				h = p.headings[j]
			}
			ps = append(ps, corpus.Passage{Ordinal: j, PageFrom: j + 1, PageTo: j + 1, Headings: []string{h}, Text: txt})
		}
		id, _, err := store.Add(ctx, d, ps, []byte(p.title))
		if err != nil {
			t.Fatal(err)
		}
		ids[p.title] = id
	}
	return search.New(indexOf(t, store)), ids
}

// indexOf builds a fresh index of store in a temporary directory, closed
// when the test ends.
func indexOf(t testing.TB, store *corpus.Store) *indexer.Indexer {
	t.Helper()
	ctx := context.Background()
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
	return ix
}

func titles(res *search.Result) []string {
	var out []string
	for _, d := range res.Documents {
		out = append(out, d.Title)
	}
	return out
}

func facetCount(res *search.Result, facet, value string) int {
	for _, f := range res.Facets {
		if f.Name != facet {
			continue
		}
		for _, v := range f.Values {
			if v.Value == value {
				return v.Count
			}
		}
	}
	return 0
}

func TestSearch(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		req       search.Request
		wantFirst string
		wantTotal uint64
		wantAll   uint64 // plans with every word
	}{
		{"two words rank the plan that has both first, and the other too", search.Request{Query: "cameratoezicht uitgaansgebied"}, "Integraal Veiligheidsplan Arnhem 2023-2026", 2, 1},
		{"stemmed plural finds singular", search.Request{Query: "vakantiepark"}, "Gezamenlijk veiligheidsplan Achterhoek 2023-2026", 1, 1},
		{"words that never occur together: plans with either", search.Request{Query: "woninginbraak jeugdoverlast"}, "", 2, 0},
		{"provincie filter", search.Request{Query: "ondermijning", Provincies: []string{"Gelderland"}}, "", 2, 2},
		{"gemeente filter on a joint plan", search.Request{Gemeenten: []string{"GM1859"}}, "Gezamenlijk veiligheidsplan Achterhoek 2023-2026", 1, 1},
		{"type filter", search.Request{Types: []corpus.DocType{corpus.TypeUitvoeringsplan}}, "Uitvoeringsplan veiligheid Amsterdam 2024", 1, 1},
		{"jaar filter means the period covers the year", search.Request{Jaren: []int{2020, 2021}}, "Veiligheidsplan Nijmegen 2019-2022", 1, 1},
		{"jaar range means the period overlaps it", search.Request{JaarVan: 2025}, "", 3, 3},
		{"closed jaar range", search.Request{JaarVan: 2018, JaarTot: 2023}, "", 3, 3},
		{"three words: the plan with most of them first", search.Request{Query: "cameratoezicht horeca zwembad"}, "Integraal Veiligheidsplan Arnhem 2023-2026", 2, 0},
		{"sort by date", search.Request{Query: "cameratoezicht", Sort: search.SortDate}, "Integraal Veiligheidsplan Arnhem 2023-2026", 2, 2},
		{"empty query lists newest first", search.Request{}, "Uitvoeringsplan veiligheid Amsterdam 2024", 4, 4},
		{"nothing found", search.Request{Query: "zwembadregels"}, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.wantTotal || res.AllWords != tt.wantAll {
				t.Errorf("total = %d, all words %d, want %d and %d (%v)", res.Total, res.AllWords, tt.wantTotal, tt.wantAll, titles(res))
			}
			if tt.wantFirst != "" && (len(res.Documents) == 0 || res.Documents[0].Title != tt.wantFirst) {
				t.Errorf("first = %v, want %q", titles(res), tt.wantFirst)
			}
		})
	}
}

func TestSearchPassagesAndHighlights(t *testing.T) {
	s, _ := newSearcher(t)
	res, err := s.Search(context.Background(), search.Request{Query: "cameratoezicht"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Fatalf("total = %d, want 2", res.Total)
	}
	arnhem := res.Documents[0]
	if arnhem.Title != plans[0].title {
		arnhem = res.Documents[1]
	}
	if len(arnhem.Passages) != 2 {
		t.Fatalf("passages = %+v, want the 2 about cameratoezicht", arnhem.Passages)
	}
	for _, p := range arnhem.Passages {
		if !strings.Contains(p.Snippet, "<mark>Cameratoezicht</mark>") && !strings.Contains(p.Snippet, "<mark>cameratoezicht</mark>") {
			t.Errorf("snippet %q has no highlighted match", p.Snippet)
		}
		if p.Page != p.Ordinal+1 || len(p.Headings) != 1 {
			t.Errorf("passage %+v: wrong page or headings", p)
		}
	}
}

func TestSearchFacetsCountPlans(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	res, err := s.Search(ctx, search.Request{Query: "ondermijning"})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		facet, value string
		want         int
	}{
		{"provincie", "Gelderland", 2}, {"provincie", "Noord-Holland", 1},
		{"gemeente", "GM0197", 1}, {"jaar", "2023", 2}, {"type", "ivp", 2},
	}
	for _, c := range checks {
		if got := facetCount(res, c.facet, c.value); got != c.want {
			t.Errorf("%s=%s: %d plans, want %d", c.facet, c.value, got, c.want)
		}
	}
	// With a provincie selected, the provincie facet still offers the others.
	res, err = s.Search(ctx, search.Request{Query: "ondermijning", Provincies: []string{"Gelderland"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := facetCount(res, "provincie", "Noord-Holland"); got != 1 {
		t.Errorf("filtered: Noord-Holland = %d, want 1", got)
	}
	if got := facetCount(res, "type", "uitvoeringsplan"); got != 0 {
		t.Errorf("filtered: other facets must follow the filter, uitvoeringsplan = %d", got)
	}
}

func TestSearchPaging(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	seen := map[int64]bool{}
	for page := 1; page <= 2; page++ {
		res, err := s.Search(ctx, search.Request{Page: page, Size: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Pages() != 2 || len(res.Documents) != 2 {
			t.Fatalf("page %d: %d pages, %d docs", page, res.Pages(), len(res.Documents))
		}
		for _, d := range res.Documents {
			if seen[d.ID] {
				t.Errorf("document %d on two pages", d.ID)
			}
			seen[d.ID] = true
		}
	}
}

func TestSearchBadRequest(t *testing.T) {
	s, _ := newSearcher(t)
	for _, r := range []search.Request{{Page: -1}, {Size: 1000}, {Page: 5000, Size: 100}} {
		if _, err := s.Search(context.Background(), r); err == nil {
			t.Errorf("%+v: no error", r)
		}
	}
}

func TestPhraseRanksFirst(t *testing.T) {
	words := plan{"Plan met losse woorden", corpus.TypeIVP, 2022, []string{"GM0363"}, []string{
		"De aanpak van overlast in wijken vraagt veel. Ook de jeugd doet mee.",
		"Jeugd en overlast komen samen aan bod.",
		"Een aanpak voor jeugd en een aanpak voor overlast: jeugd, overlast, aanpak.",
	}}
	phrase := plan{"Plan met de zinsnede", corpus.TypeIVP, 2022, []string{"GM0202"}, []string{
		"Hier staat de aanpak jeugd overlast in het centrum, en verder gaat het over verkeer en brandweer, zodat dit plan langer is dan het andere.",
	}}
	s, _ := newSearcherOf(t, []plan{words, phrase})
	res, err := s.Search(context.Background(), search.Request{Query: "aanpak jeugd overlast"})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(res); len(got) != 2 || got[0] != phrase.title {
		t.Errorf("ranking %v, want the plan with the exact phrase first", got)
	}
}

func TestMoreLikeThis(t *testing.T) {
	similar := []plan{
		{"Plan A cameratoezicht", corpus.TypeIVP, 2023, []string{"GM0202"}, []string{
			"Cameratoezicht in het uitgaansgebied helpt tegen uitgaansgeweld en overlast van horeca.",
			"De camerabeelden worden bekeken door de politie in de meldkamer."}},
		{"Plan B cameratoezicht", corpus.TypeIVP, 2024, []string{"GM0268"}, []string{
			"Ook wij zetten cameratoezicht in bij het uitgaansgebied tegen uitgaansgeweld.",
			"Horeca en politie werken samen in het uitgaansgebied."}},
		{"Plan C jeugd", corpus.TypeIVP, 2024, []string{"GM0363"}, []string{
			"Jongerenwerkers spreken hangjongeren aan op hangplekken in de wijk.",
			"Jeugdoverlast vraagt om een aanpak met ouders en school."}},
		{"Plan D jeugd", corpus.TypeIVP, 2022, []string{"GM0599"}, []string{
			"Hangjongeren en jeugdoverlast op hangplekken: jongerenwerkers en ouders doen mee.",
			"School en jongerenwerk werken samen."}},
		{"Plan E brand", corpus.TypeIVP, 2022, []string{"GM0014"}, []string{
			"Brandveiligheid in woningen: rookmelders redden levens.", "De brandweer geeft voorlichting.",
			"Verkeersveiligheid rond scholen.", "Fietsers en voetgangers krijgen ruimte."}},
		{"Plan F verkeer", corpus.TypeIVP, 2021, []string{"GM0344"}, []string{
			"Snelheid in woonwijken omlaag.", "Drempels en handhaving.", "Evenementen vragen een vergunning.",
			"Crisisbeheersing met de veiligheidsregio."}},
	}
	s, ids := newSearcherOf(t, similar)
	ctx := context.Background()
	res, err := s.Search(ctx, search.Request{Like: fmt.Sprint(ids["Plan A cameratoezicht"])})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(res); len(got) == 0 || got[0] != "Plan B cameratoezicht" || slices.Contains(got, "Plan A cameratoezicht") {
		t.Errorf("like plan A: %v; want plan B first and plan A itself left out", got)
	}
	if !strings.Contains(res.LikeTitle, "Plan A") {
		t.Errorf("like title %q does not name the source", res.LikeTitle)
	}
	res, err = s.Search(ctx, search.Request{Like: fmt.Sprintf("%d/0", ids["Plan C jeugd"])})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(res); len(got) == 0 || got[0] != "Plan D jeugd" {
		t.Errorf("like a passage of plan C: %v; want plan D first", got)
	}
	res, err = s.Search(ctx, search.Request{Like: fmt.Sprintf("%d/1", ids["Plan F verkeer"])})
	if err != nil || res.Total != 0 || len(res.Notices) == 0 {
		t.Errorf("like a passage without distinctive words: %v, %d plans, notices %q; want none and a notice", err, res.Total, res.Notices)
	}
	if _, err := s.Search(ctx, search.Request{Like: "999999"}); !errors.Is(err, search.ErrLikeSource) {
		t.Errorf("like an unknown plan: %v, want ErrLikeSource", err)
	}
}

func TestDidYouMean(t *testing.T) {
	s, _ := newSearcher(t)
	res, err := s.Search(context.Background(), search.Request{Query: "camaratoezicht"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || !strings.Contains(strings.Join(res.Notices, " "), `ook gezocht op "cameratoezicht"`) {
		t.Errorf("misspelt word: total %d, notices %q; want the 2 plans with cameratoezicht and a notice", res.Total, res.Notices)
	}
	res, err = s.Search(context.Background(), search.Request{Query: "camaratoezicht zwembadregels"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("misspelt word and unknown word: total %d, want 2", res.Total)
	}
	res, err = s.Search(context.Background(), search.Request{Query: "qqxzv"})
	if err != nil || res.Total != 0 || res.Suggestion != "" {
		t.Errorf("nonsense word: %v, total %d, suggestion %q; want nothing", err, res.Total, res.Suggestion)
	}
}

func TestExactPhraseQuery(t *testing.T) {
	ps := []plan{
		{"Plan met de zinsnede", corpus.TypeIVP, 2023, []string{"GM0202"}, []string{"Wij kiezen voor zorg en veiligheid in de wijk."}},
		{"Plan met de woorden los", corpus.TypeIVP, 2023, []string{"GM0268"}, []string{"Veiligheid vraagt zorg; en de wijk doet mee."}},
		{"Plan met andere volgorde", corpus.TypeIVP, 2023, []string{"GM0363"}, []string{"Veiligheid en zorg gaan samen."}},
	}
	s, _ := newSearcherOf(t, ps)
	res, err := s.Search(context.Background(), search.Request{Query: `"zorg en veiligheid"`})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(res); len(got) != 1 || got[0] != "Plan met de zinsnede" {
		t.Errorf(`"zorg en veiligheid" found %v; want only the plan with the phrase`, got)
	}
	if len(res.Documents) == 1 && (len(res.Documents[0].Passages) == 0 || !strings.Contains(res.Documents[0].Passages[0].Snippet, "<mark>zorg en veiligheid</mark>")) {
		t.Errorf("phrase not highlighted: %+v", res.Documents[0].Passages)
	}
}

// TestWordOnlyInHeading: a plan whose passages sit under the heading
// "Cameratoezicht" without repeating the word is found by it, with that
// passage shown.
func TestWordOnlyInHeading(t *testing.T) {
	s, ids := newSearcherHeaded(t, []headedPlan{
		{plan{"Veiligheidsplan Ede 2024-2027", corpus.TypeIVP, 2024, []string{"GM0228"},
			[]string{"Jeugd en school werken samen.", "Op het stationsplein hangen sinds 2022 vier camera's."}},
			[]string{"Jeugd", "Cameratoezicht"}},
		{plan{"Veiligheidsplan Oss 2024-2027", corpus.TypeIVP, 2024, []string{"GM0828"},
			[]string{"Woninginbraak en fietsendiefstal nemen af."}}, nil},
	})
	res, err := s.Search(context.Background(), search.Request{Query: "cameratoezicht"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Documents[0].ID != ids["Veiligheidsplan Ede 2024-2027"] {
		t.Fatalf("found %d plans %v, want only the Ede plan", res.Total, titles(res))
	}
	ps := res.Documents[0].Passages
	if len(ps) == 0 || !strings.Contains(ps[0].Snippet, "stationsplein") {
		t.Errorf("passages shown: %+v, want the one under the heading", ps)
	}
}
