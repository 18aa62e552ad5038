package gen

import (
	"context"
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func collectTexts(t *testing.T, plans int, seed int64) []PlanText {
	t.Helper()
	seq, err := Texts(context.Background(), plans, seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []PlanText
	for pt, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pt)
	}
	return out
}

// TestTextsMatchTruth checks that Texts gives the plans Generate writes:
// the same metadata, passage text, headings and tags.
func TestTextsMatchTruth(t *testing.T) {
	const plans, seed = 4, 7
	texts := collectTexts(t, plans, seed)
	sum, err := Generate(context.Background(), Options{Out: t.TempDir(), Plans: plans, Seed: seed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	truth := readTruth(t, sum.Truth)
	if len(texts) != plans || len(truth) != plans {
		t.Fatalf("got %d texts and %d truth plans, want %d", len(texts), len(truth), plans)
	}
	for i, tp := range truth {
		d := texts[i].Document
		if d.Title != tp.Title || d.Type != tp.Type || d.PeriodStart != tp.PeriodStart || d.PeriodEnd != tp.PeriodEnd {
			t.Errorf("plan %d: document %+v, truth %q %s %d-%d", i, d, tp.Title, tp.Type, tp.PeriodStart, tp.PeriodEnd)
		}
		ps := texts[i].Passages
		if len(ps) != len(tp.Passages) {
			t.Fatalf("plan %d: %d passages, truth %d", i, len(ps), len(tp.Passages))
		}
		for j, want := range tp.Passages {
			p := ps[j]
			if p.Text != want.Text || !slices.Equal(p.Headings, want.Headings) || p.Tags.Veld != want.Veld ||
				!slices.Equal(p.Tags.Themes, want.Themes) {
				t.Errorf("plan %d passage %d differs:\n got %+v\nwant %+v", i, j, p, want)
			}
			if p.PageFrom < 3 || p.PageTo < p.PageFrom || p.PageTo > d.Pages {
				t.Errorf("plan %d passage %d: pages %d-%d outside 3-%d", i, j, p.PageFrom, p.PageTo, d.Pages)
			}
		}
	}
}

func TestTextsDeterministic(t *testing.T) {
	a, b := collectTexts(t, 30, 3), collectTexts(t, 30, 3)
	other := collectTexts(t, 30, 4)
	for i := range a {
		if string(a[i].File) != string(b[i].File) || a[i].Passages[5].Text != b[i].Passages[5].Text {
			t.Fatalf("plan %d differs between two runs with the same seed", i)
		}
	}
	if a[0].Passages[5].Text == other[0].Passages[5].Text {
		t.Errorf("seed 3 and seed 4 give the same text")
	}
}

// TestTextsStore stores plans from Texts in a real store, as the large
// benchmarks do, and reads them back.
func TestTextsStore(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	texts := collectTexts(t, 20, 1)
	want := 0
	for _, pt := range texts {
		if _, existed, err := store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil || existed {
			t.Fatalf("add %s: existed=%v, %v", pt.Document.Source, existed, err)
		}
		want += len(pt.Passages)
	}
	c, err := store.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Published != 20 || c.Passages != want {
		t.Errorf("store holds %d plans and %d passages, want 20 and %d", c.Published, c.Passages, want)
	}
	if avg := want / 20; avg < 30 || avg > 90 {
		t.Errorf("%d passages per plan on average; the benchmarks assume about 53", avg)
	}
}

func TestTextsStop(t *testing.T) {
	seq, err := Texts(context.Background(), 500, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range seq {
		if n++; n == 3 {
			break
		}
	}
	if _, err := Texts(context.Background(), 0, 1, nil); err == nil {
		t.Error("Texts with 0 plans gave no error")
	}
}
