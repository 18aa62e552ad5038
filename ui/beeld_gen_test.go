package ui_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// genCorpus is a generated corpus served by ui.New: the plans of
// gen.Texts with their truth tags in a real store and index, and the
// truth.jsonl that gen.Generate writes for the same seed.
type genCorpus struct {
	fixture
	truth []gen.TruthPlan
	ids   []int64 // document ID of truth[i]
}

// genPlans is the size of the generated corpus of the overview tests:
// enough for every provincie and most themes to have plans in force.
const genPlans = 150

// newGenCorpus generates genPlans plans (HTML, for their truth.jsonl) and
// loads the same plans into a fresh store and index.
func newGenCorpus(t *testing.T) *genCorpus {
	t.Helper()
	if testing.Short() {
		t.Skip("generates a corpus")
	}
	ctx := context.Background()
	truth, err := genTruth()
	if err != nil {
		t.Fatal(err)
	}
	g := &genCorpus{truth: truth}
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	seq, err := gen.Texts(ctx, genPlans, 7, store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for pt, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if pt.Document.Title != truth[i].Title || !slices.Equal(pt.Document.GemeenteCodes(), truth[i].Gemeenten) {
			t.Fatalf("plan %d: texts give %q, truth %q", i, pt.Document.Title, truth[i].Title)
		}
		id, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File)
		if err != nil {
			t.Fatal(err)
		}
		g.ids = append(g.ids, id)
		i++
	}
	g.serve(t, store)
	return g
}

// genTruth generates the corpus once per test binary and keeps its
// truth; the files are removed at once (the stores are filled from
// gen.Texts, which gives the same plans).
var genTruth = sync.OnceValues(func() ([]gen.TruthPlan, error) {
	dir, err := os.MkdirTemp("", "ivp-ui-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	o := gen.Options{Out: dir, Plans: genPlans, Seed: 7, Format: gen.FormatHTML}
	if _, err := gen.Generate(context.Background(), o, nil); err != nil {
		return nil, err
	}
	return gen.ReadTruth(filepath.Join(dir, gen.TruthFile))
})

// serve builds the index of store and the handler over both.
func (g *genCorpus) serve(t *testing.T, store *corpus.Store) {
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
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := ui.New(ui.Options{Version: "test", Logger: log}, search.New(ix), store, ix)
	if err != nil {
		t.Fatal(err)
	}
	g.store, g.ix, g.handler = store, ix, h
}

// truthFacts is what the truth says of one gemeente, computed here
// independently of the ui package.
type truthFacts struct {
	status  string
	until   int
	inForce []int // indexes into truth
	prios   map[string]bool
	velden  map[int]bool
}

// truthBeeld computes every gemeente's status and priorities from the
// truth for year.
func (g *genCorpus) truthBeeld(t *testing.T, year int) map[string]*truthFacts {
	t.Helper()
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	gms, _ := corpus.LoadGemeenten()
	out := map[string]*truthFacts{}
	for _, gm := range gms.All() {
		out[gm.Code] = &truthFacts{status: "geen", prios: map[string]bool{}, velden: map[int]bool{}}
	}
	later := map[string]bool{}
	for i, p := range g.truth {
		if p.Type != corpus.TypeIVP {
			continue
		}
		for _, code := range p.Gemeenten {
			tf := out[code]
			switch {
			case p.PeriodStart <= year && year <= p.PeriodEnd:
				tf.inForce = append(tf.inForce, i)
				addTruthPriorities(tax, p, tf)
			case p.PeriodStart > year:
				later[code] = true
			default:
				tf.until = max(tf.until, p.PeriodEnd)
			}
		}
	}
	for code, tf := range out {
		switch {
		case len(tf.inForce) > 0:
			tf.status = "geldend"
		case later[code]:
			tf.status = "komend"
		case tf.until > 0:
			tf.status = "verlopen"
		}
	}
	return out
}

// addTruthPriorities adds the themes and velden of the passages the
// generator marked as the plan's priorities (checklist element 6, a
// passage of veld 1-5).
func addTruthPriorities(tax *corpus.Taxonomy, p gen.TruthPlan, tf *truthFacts) {
	for _, ps := range p.Passages {
		if ps.Veld == 0 || !slices.Contains(ps.Checklist, 6) {
			continue
		}
		tf.velden[ps.Veld] = true
		for _, th := range ps.Themes {
			if x, ok := tax.Thema(th); ok && x.Veld > 0 && !strings.HasSuffix(th, ".0") {
				tf.prios[th] = true
			}
		}
	}
}

// thisYear is the year the pages count plans in force for.
func thisYear() int { return time.Now().Year() }
