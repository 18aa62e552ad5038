package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
)

var benchWords = strings.Fields(`cameratoezicht uitgaansgebied horeca woninginbraak ondermijning jeugdoverlast
hangjongeren verkeersveiligheid brandveiligheid crisisbeheersing radicalisering polarisatie drugs overlast
wijkagent buurtpreventie winkeldiefstal bedrijventerrein evenementen vakantieparken huiselijk geweld
cybercrime veiligheidsgevoel zorg veiligheid politie gemeente inwoners samenwerking aanpak preventie`)

// benchSearcher indexes plans synthetic plans of 30 passages each.
func benchSearcher(b *testing.B, plans int) *search.Searcher {
	b.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	all := store.Gemeenten().All()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < plans; i++ {
		d := corpus.Document{Title: fmt.Sprintf("Plan %d", i), Type: corpus.DocTypes[i%4], PeriodStart: 2019 + i%8,
			Source: "b.pdf", MediaType: "application/pdf", Status: corpus.StatusPublished,
			Gemeenten: []corpus.Gemeente{all[r.IntN(len(all))]}}
		var ps []corpus.Passage
		for j := 0; j < 30; j++ {
			var sb strings.Builder
			for k := 0; k < 120; k++ {
				sb.WriteString(benchWords[r.IntN(len(benchWords))] + " ")
			}
			ps = append(ps, corpus.Passage{PageFrom: j/3 + 1, PageTo: j/3 + 1, Text: sb.String()})
		}
		if _, _, err := store.Add(ctx, d, ps, []byte(fmt.Sprint("bench", i))); err != nil {
			b.Fatal(err)
		}
	}
	ix := indexOf(b, store)
	// Every iteration asks the same request: without the cache off, the
	// benchmark would measure the cache.
	return search.NewWithOptions(ix, search.Options{CacheEntries: -1})
}

func BenchmarkSearch(b *testing.B) {
	s := benchSearcher(b, 500)
	ctx := context.Background()
	cases := []struct {
		name string
		req  search.Request
	}{
		{"empty", search.Request{}},
		{"two-words", search.Request{Query: "cameratoezicht uitgaansgebied"}},
		{"two-words-filtered", search.Request{Query: "cameratoezicht uitgaansgebied", Provincies: []string{"Gelderland"}, Jaren: []int{2023, 2024}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Search(ctx, c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSearchGenerated runs realistic queries, without the result
// cache, over an index of generated plans (IVP_BENCH_PLANS, default 400:
// about 21,000 passages), for profiles of the query path.
func BenchmarkSearchGenerated(b *testing.B) {
	ctx := context.Background()
	plans := 400
	if v, err := strconv.Atoi(os.Getenv("IVP_BENCH_PLANS")); err == nil && v > 0 {
		plans = v
	}
	store, err := corpus.Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	seq, err := gen.Texts(ctx, plans, 1, store.Gemeenten())
	if err != nil {
		b.Fatal(err)
	}
	for pt, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil {
			b.Fatal(err)
		}
	}
	ix, err := indexer.Open(ctx, b.TempDir(), indexer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Rebuild(ctx, store); err != nil {
		b.Fatal(err)
	}
	s := search.NewWithOptions(ix, search.Options{CacheEntries: -1})
	reqs := []search.Request{
		{Query: "veiligheid"}, {Query: "cameratoezicht uitgaansgebied"}, {Query: "aanpak ondermijning"},
		{Query: `"persoonsgerichte aanpak"`}, {Query: "woninginbraak preventie", Provincies: []string{"Gelderland"}, Velden: []corpus.Veld{1}},
		{Query: "jeugdoverlast hangplekken horeca"}, {Query: "HIC"}, {},
	}
	for _, r := range reqs {
		b.Run(strings.ReplaceAll(r.Query, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
