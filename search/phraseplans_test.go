package search_test

import (
	"context"
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
)

// TestPhraseFollowsIndexChanges: a plan approved after a phrase was first
// searched is found by it at once, and a withdrawn one is gone (the
// passage-to-plan map and the phrase cache follow each change).
func TestPhraseFollowsIndexChanges(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	add := func(title, code string, texts ...string) corpus.Document {
		g, _ := store.Gemeenten().ByCode(code)
		d := corpus.Document{Title: title, Type: corpus.TypeIVP, PeriodStart: 2024, PeriodEnd: 2027, Source: title + ".pdf",
			MediaType: "application/pdf", Status: corpus.StatusPublished, Gemeenten: []corpus.Gemeente{g}}
		var ps []corpus.Passage
		for i, txt := range texts {
			ps = append(ps, corpus.Passage{Ordinal: i, PageFrom: i + 1, PageTo: i + 1, Text: txt})
		}
		id, _, err := store.Add(ctx, d, ps, []byte(title))
		if err != nil {
			t.Fatal(err)
		}
		d.ID = id
		if err := ix.Add(ctx, d, ps); err != nil {
			t.Fatal(err)
		}
		return d
	}
	first := add("Plan Arnhem", "GM0202", "Wij werken aan zorg en veiligheid in de wijk.", "Horeca en politie.")
	add("Plan Ede", "GM0228", "Veiligheid en zorg gaan samen.")
	s := search.New(ix)
	found := func() []string {
		t.Helper()
		res, err := s.Search(ctx, search.Request{Query: `"zorg en veiligheid"`})
		if err != nil {
			t.Fatal(err)
		}
		got := titles(res)
		slices.Sort(got)
		return got
	}
	if got := found(); !slices.Equal(got, []string{"Plan Arnhem"}) {
		t.Fatalf("before: %v", got)
	}
	add("Plan Oss", "GM0828", "Inleiding.", "Het thema zorg en veiligheid staat voorop.")
	if got := found(); !slices.Equal(got, []string{"Plan Arnhem", "Plan Oss"}) {
		t.Errorf("after approving Plan Oss: %v", got)
	}
	if err := ix.Remove(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	if got := found(); !slices.Equal(got, []string{"Plan Oss"}) {
		t.Errorf("after withdrawing Plan Arnhem: %v", got)
	}
}
