package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
)

func TestPipelineTagsPassages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	sum, err := gen.Generate(ctx, gen.Options{Out: filepath.Join(dir, "gen"), Plans: 1, Seed: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	store, err := corpus.Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	x, err := NewExtractor(Options{}, store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(sum.Files[0])
	if err != nil {
		t.Fatal(err)
	}
	out := NewPipeline(store, x, nil).Ingest(ctx, sum.Files[0], data)
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	ps, err := store.Passages(ctx, out.ID)
	if err != nil {
		t.Fatal(err)
	}
	velden := map[int]bool{}
	for _, p := range ps {
		if !strings.HasPrefix(p.Tags.Version, "tag-") {
			t.Fatalf("passage %d stored without tags: %+v", p.Ordinal, p.Tags)
		}
		velden[p.Tags.Veld] = true
	}
	if len(velden) < 3 {
		t.Errorf("a whole plan tagged with only velden %v", velden)
	}
}
