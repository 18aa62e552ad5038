package ui_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// toetsGen is a generated corpus of published plans served with the
// kwaliteitstoets on, and generated PDFs (with their truth) to upload.
type toetsGen struct {
	*genCorpus
	uploads [][]byte
	upTruth []gen.TruthPlan // of uploads
}

// toetsUploads is how many generated PDFs the tests upload.
const toetsUploads = 6

func newToetsGen(t *testing.T) *toetsGen {
	t.Helper()
	return newToetsGenWith(t, ingest.CuratorOptions{})
}

// newToetsGenWith is newToetsGen with the curator options co.
func newToetsGenWith(t *testing.T, co ingest.CuratorOptions) *toetsGen {
	t.Helper()
	g := &toetsGen{genCorpus: newGenCorpus(t)}
	x, err := ingest.NewExtractor(ingest.Options{}, g.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	cur, err := ingest.NewCurator(ingest.NewPipeline(g.store, x, g.ix), co)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cur.Close)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	o := ui.Options{Version: "test", Logger: log, Submissions: cur, Toets: cur}
	if g.handler, err = ui.New(o, search.New(g.ix), g.store, g.ix); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := gen.Generate(context.Background(), gen.Options{Out: dir, Plans: toetsUploads, Seed: 33}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sum.Files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g.uploads = append(g.uploads, b)
	}
	if g.upTruth, err = gen.ReadTruth(filepath.Join(dir, gen.TruthFile)); err != nil {
		t.Fatal(err)
	}
	return g
}

func (g *toetsGen) agent(t *testing.T) *agent {
	jar, _ := cookiejar.New(nil)
	return &agent{t: t, h: g.handler, jar: jar, remote: "192.0.2.20:1234"}
}

// TestToetsGenerated uploads generated PDFs and checks the report against
// the generator's truth: "ontbreekt" matches the elements the plan leaves
// out in at least 90% of the judgements, and every example cited from a
// published plan is a passage that the truth says serves the element.
func TestToetsGenerated(t *testing.T) {
	g := newToetsGen(t)
	a := g.agent(t)
	ctx := context.Background()
	byID := map[int64]int{}
	for i, id := range g.ids {
		byID[id] = i
	}
	query := url.QueryEscape(g.upTruth[0].Namen[0])
	before, indexed := searchTotal(t, a, query), docCount(t, g)
	t.Logf("before the uploads: %d plans found for %s, %d indexed", before, query, indexed)
	right, judged, examples, needing, without := 0, 0, 0, 0, 0
	for i, plan := range g.uploads {
		start := time.Now()
		rep := a.report(a.toets("plan.pdf", plan))
		t.Logf("plan %d (%d pages): uploaded, read and reported in %s", i, g.upTruth[i].Pages, time.Since(start).Round(time.Millisecond))
		for _, e := range rep.Elements {
			lacks := !slices.Contains(g.upTruth[i].ChecklistPresent, e.Number)
			judged++
			if lacks == (e.Verdict == "ontbreekt") {
				right++
			} else {
				t.Logf("plan %d element %d: %s, truth lacks it: %v", i, e.Number, e.Verdict, lacks)
			}
			if e.Verdict != "aanwezig" {
				needing++
				if len(e.Examples) == 0 {
					without++
				}
			}
			for _, ex := range e.Examples {
				examples++
				idx, ok := byID[ex.DocumentID]
				if !ok {
					t.Fatalf("example from unknown document %d", ex.DocumentID)
				}
				ps, err := g.store.Passages(ctx, ex.DocumentID)
				if err != nil || ex.Ordinal >= len(ps) {
					t.Fatalf("passages of %d: %v", ex.DocumentID, err)
				}
				if !truthServes(g.truth[idx], ps[ex.Ordinal].Text, e.Number) {
					t.Errorf("element %d: example %s (%q) does not serve it by the truth", e.Number, ex.URL, ex.Text)
				}
			}
		}
	}
	if after := searchTotal(t, a, query); after != before || docCount(t, g) != indexed {
		t.Errorf("after the uploads search finds %d plans for %s (before %d), the index holds %d (before %d)",
			after, query, before, docCount(t, g), indexed)
	}
	if items, _ := g.store.Queue(ctx, corpus.QueueFilter{}); len(items) != 0 {
		t.Errorf("the curator queue shows %d documents after the uploads", len(items))
	}
	acc := float64(right) / float64(judged)
	t.Logf("ontbreekt matches the truth in %d of %d judgements (%.3f); %d examples checked; %d of %d weak or missing elements without an example",
		right, judged, acc, examples, without, needing)
	if acc < 0.9 {
		t.Errorf("accuracy %.3f, want >= 0.9", acc)
	}
	if examples == 0 {
		t.Error("no report cites an example")
	}
}

func docCount(t *testing.T, g *toetsGen) uint64 {
	t.Helper()
	n, err := g.ix.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// truthServes says the truth of plan has a passage with text that serves
// checklist element number.
func truthServes(plan gen.TruthPlan, text string, number int) bool {
	for _, p := range plan.Passages {
		if p.Text == text {
			return slices.Contains(p.Checklist, number)
		}
	}
	return false
}
