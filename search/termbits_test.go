package search

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
)

// TestWordBitsMatchTheQuery checks that the postings bitmaps the facets and
// the all-words count are made of match exactly the plans that the words'
// query matches through a searcher, in every veld field and with a year
// range, on generated plans.
func TestWordBitsMatchTheQuery(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and indexes plans")
	}
	ix := generatedIndex(t, 12)
	s := New(ix)
	queries := []string{"cameratoezicht uitgaansgebied", "woninginbraak", "inbraakpreventie jongeren", "drugs-aanpak",
		"HIC", "zorg en veiligheid", "ondermijning vakantieparken", "jaar:2023.. jeugdoverlast hangjongeren",
		"verkeersveiligheid school", "crisisbeheersing veiligheidsregio brandweer"}
	ctx := context.Background()
	err := ix.View(func(snap indexer.Snapshot) error {
		for _, q := range queries {
			p, err := s.prepare(ctx, snap, Request{Query: q, Size: 10})
			if err != nil {
				return err
			}
			if !p.fastWords() {
				t.Errorf("%q: no fast path", q)
				continue
			}
			err = s.planReader(snap.Plans, func(r index.IndexReader, vb valueBits) error {
				return compareBits(t, ctx, r, snap.Plans.Mapping(), vb, p, q)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// compareBits compares wordBits with the searcher's match for every veld
// field, for any word and for every word.
func compareBits(t *testing.T, ctx context.Context, r index.IndexReader, m mapping.IndexMapping, vb valueBits, p *prepared, q string) error {
	ts, _ := newTermSets(r)
	for _, velden := range [][]int{nil, {0}, {1}, {2}, {3}, {4}, {5}} {
		every := wordsQuery(p.text, planFields(velden), len(p.text.groups), false)
		if p.years != nil {
			every = conj(every, anyTerm(indexer.FieldJaar, p.years))
		}
		for _, all := range []bool{false, true} {
			want, err := matchBits(ctx, r, m, p.baseQuery(velden))
			if all {
				want, err = matchBits(ctx, r, m, every)
			}
			if err != nil {
				return err
			}
			got, err := p.wordBits(r, ts, vb, planFields(velden), all)
			if err != nil {
				return err
			}
			if !got.Equals(want) {
				t.Errorf("%q velden %v all %v: bitmaps match %d plans, the query %d", q, velden, all, got.GetCardinality(), want.GetCardinality())
			}
		}
	}
	return nil
}

// generatedIndex stores and indexes n generated plans with their truth
// tags.
func generatedIndex(t *testing.T, n int) *indexer.Indexer {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := gen.Generate(ctx, gen.Options{Out: dir, Plans: n, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	truth, err := gen.ReadTruth(filepath.Join(dir, gen.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for i, tp := range truth {
		d := corpus.Document{Title: tp.Title, Type: tp.Type, PeriodStart: tp.PeriodStart, PeriodEnd: tp.PeriodEnd,
			Source: fmt.Sprintf("p%d.pdf", i), MediaType: "application/pdf", Pages: 1, Status: corpus.StatusPublished}
		var ps []corpus.Passage
		for j, x := range tp.Passages {
			ps = append(ps, corpus.Passage{Ordinal: j, PageFrom: 1, PageTo: 1, Headings: x.Headings, Text: x.Text,
				Tags: corpus.Tags{Veld: x.Veld, Themes: x.Themes}})
		}
		if _, _, err := store.Add(ctx, d, ps, []byte(tp.File)); err != nil {
			t.Fatal(err)
		}
	}
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
