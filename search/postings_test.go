package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// TestCachedPostingsScoreAlike checks that scoring the candidates'
// passages, and the plans, through the postings caches finds the same
// passages and plans with the same scores, in the same order, as reading
// the index directly, also
// when the cache is so small that it keeps dropping terms, and when a
// term is asked for again.
func TestCachedPostingsScoreAlike(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and indexes plans")
	}
	ix := generatedIndex(t, 12)
	s := New(ix)
	queries := []string{"cameratoezicht uitgaansgebied", "woninginbraak", "inbraakpreventie jongeren", "drugs-aanpak",
		"zorg en veiligheid", "ondermijning vakantieparken", "veld:2 jeugdoverlast hangjongeren",
		"verkeersveiligheid school", "crisisbeheersing veiligheidsregio brandweer", `"openbare orde" overlast`,
		"cameratoezicht uitgaansgebied"}
	ctx := context.Background()
	for _, budget := range []int{postingsBudget, 50} {
		var cache snapCache[*postingSets]
		err := ix.View(func(snap indexer.Snapshot) error {
			err := indexer.WithReader(snap.Passages, func(r index.IndexReader) error {
				_, err := cache.get(r, func(index.IndexReader) (*postingSets, error) {
					return &postingSets{fields: passageTextFields, m: map[string]*postingList{}, budget: budget}, nil
				})
				return err
			})
			if err != nil {
				return err
			}
			for _, q := range queries {
				r := Request{Query: q}
				if err := r.Normalize(); err != nil {
					return err
				}
				p, err := s.prepare(ctx, snap, r)
				if err != nil {
					return err
				}
				plans, err := s.plans(ctx, snap, p)
				if err != nil {
					return err
				}
				direct, err := snap.Plans.SearchInContext(ctx, bleve.NewSearchRequestOptions(p.planQuery(), 1000, 0, false))
				if err != nil {
					return err
				}
				samePlans := plans.Total == direct.Total && len(plans.Hits) <= len(direct.Hits)
				for i := 0; samePlans && i < len(plans.Hits); i++ {
					samePlans = plans.Hits[i].ID == direct.Hits[i].ID && plans.Hits[i].Score == direct.Hits[i].Score
				}
				if !samePlans {
					t.Errorf("%q: the plan query ranks %d plans through the cache, %d directly, or in another order", q, plans.Total, direct.Total)
				}
				var ids []string
				for _, h := range plans.Hits {
					ids = append(ids, h.ID)
				}
				must := conj(anyTerm(indexer.FieldDocID, ids), p.passageText())
				direct, err = snap.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(must, 1000, 0, false))
				if err != nil {
					return err
				}
				cached, err := snap.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(cachedQuery{must, &cache, passageTextFields}, 1000, 0, false))
				if err != nil {
					return err
				}
				if direct.Total == 0 {
					t.Errorf("%q: no passages matched: the comparison shows nothing", q)
				}
				if direct.Total != cached.Total || len(direct.Hits) != len(cached.Hits) {
					t.Errorf("%q budget %d: %d passages directly, %d cached", q, budget, direct.Total, cached.Total)
					continue
				}
				for i := range direct.Hits {
					d, c := direct.Hits[i], cached.Hits[i]
					if d.ID != c.ID || d.Score != c.Score {
						t.Errorf("%q budget %d: hit %d is %s %.9g directly, %s %.9g cached", q, budget, i, d.ID, d.Score, c.ID, c.Score)
						break
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
