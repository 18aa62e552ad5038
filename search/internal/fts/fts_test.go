package fts_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search/internal/fts"
)

// plan is a test plan: metadata and passages as (veld, themes, text).
type plan struct {
	title     string
	typ       corpus.DocType
	from, to  int
	gemeenten []string
	passages  []corpus.Passage
}

func psg(veld int, text string, themes ...string) corpus.Passage {
	return corpus.Passage{PageFrom: 2, PageTo: 2, Headings: []string{"1 Inleiding"}, Text: text,
		Tags: corpus.Tags{Veld: veld, Themes: themes}}
}

// fixture is four plans in three provinces.
var fixture = []plan{
	{"Veiligheidsplan Arnhem", corpus.TypeIVP, 2023, 2026, []string{"GM0202"}, []corpus.Passage{
		psg(1, "Cameratoezicht in het uitgaansgebied van Arnhem helpt tegen geweld op straat.", "1.3"),
		psg(2, "Woninginbraak daalt; de buurtpreventie werkt.", "2.1"),
	}},
	{"Jaarplan Ede", corpus.TypeUitvoeringsplan, 2024, 2024, []string{"GM0228"}, []corpus.Passage{
		psg(3, "Jeugdoverlast en hangjongeren in het centrum; cameratoezicht wordt overwogen.", "3.1"),
		psg(0, "Het café aan de markt kreeg een sluitingsbevel.", "1.2"),
	}},
	{"Veiligheidsplan Utrecht", corpus.TypeIVP, 2019, 2022, []string{"GM0344"}, []corpus.Passage{
		psg(5, "Ondermijning en drugscriminaliteit vragen een integrale aanpak met het RIEC.", "5.2", "X.drugs"),
	}},
	{"Evaluatie Groningen en Eemsdelta", corpus.TypeEvaluatie, 2020, 2023, []string{"GM0014", "GM1979"}, []corpus.Passage{
		psg(5, "Drugs in de haven: de aanpak van ondermijning is geëvalueerd.", "X.drugs"),
		psg(1, "Uitgaansgebied zonder camera's, maar met extra handhaving.", "1.3"),
	}},
}

// buildFixture stores the fixture in a real store and builds the index;
// it returns the index and the plan IDs in fixture order.
func buildFixture(t *testing.T) (*fts.Index, []int64) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var ids []int64
	for i, p := range fixture {
		d := corpus.Document{Title: p.title, Type: p.typ, PeriodStart: p.from, PeriodEnd: p.to,
			Source: p.title, MediaType: "text/plain", Status: corpus.StatusPublished}
		for _, c := range p.gemeenten {
			g, _ := store.Gemeenten().ByCode(c)
			d.Gemeenten = append(d.Gemeenten, g)
		}
		id, _, err := store.Add(ctx, d, p.passages, []byte(fmt.Sprint("plan ", i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	ix, err := fts.Build(ctx, store, filepath.Join(t.TempDir(), "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, ids
}

func TestRank(t *testing.T) {
	ix, ids := buildFixture(t)
	cases := []struct {
		name  string
		query string
		want  []int // fixture indexes, in order where the order is certain
		any   bool  // want is a set, not an order
	}{
		{"one word in two plans", "cameratoezicht", []int{0, 1}, true},
		{"diacritics folded", "cafe", []int{1}, false},
		{"accented query finds plain text", "geëvalueerd", []int{3}, false},
		{"phrase", `"integrale aanpak"`, []int{2}, false},
		{"exclude", "ondermijning -haven", []int{2}, false},
		{"all words first, then any", "uitgaansgebied geweld", []int{0, 3}, false},
		{"OR", "RIEC OR buurtpreventie", []int{0, 2}, true},
		{"nothing searchable", `" - "`, nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ix.Rank(context.Background(), c.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var want []int64
			for _, i := range c.want {
				want = append(want, ids[i])
			}
			if c.any {
				slices.Sort(got)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Rank(%q) = %v, want %v", c.query, got, want)
			}
		})
	}
}

func TestRankLimit(t *testing.T) {
	ix, _ := buildFixture(t)
	got, err := ix.Rank(context.Background(), "ondermijning OR cameratoezicht OR drugs", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("Rank with k=2 gave %d plans: %v", len(got), got)
	}
}
