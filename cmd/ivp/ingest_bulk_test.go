package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccv/ivp/ingest"
)

// TestIngestFirstLoadBuildsIndexOnce: a first load of many files builds
// the index in one go, and every plan is searchable afterwards; a later,
// smaller load into the same store indexes document by document.
func TestIngestFirstLoadBuildsIndexOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests generated plans; skipped under -short")
	}
	data := t.TempDir()
	first := generate(t, bulkMinFiles+2, 11)
	code, out, errs := ivp(t, "ingest", "--data", data, first)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("indexed %d documents in one build", bulkMinFiles+2)) {
		t.Fatalf("first load: exit %d, output %q %q; want one build of %d documents", code, out, errs, bulkMinFiles+2)
	}
	later := generate(t, 3, 12)
	if code, out, _ := ivp(t, "ingest", "--data", data, later); code != 0 || strings.Contains(out, "one build") {
		t.Fatalf("a later load of 3 files: exit %d, output %q; want document by document", code, out)
	}
	base := serve(t, data)
	for _, dir := range []string{first, later} {
		for _, p := range readTruth(t, dir) {
			var res apiResult
			q := fmt.Sprintf("%s/api/v1/search?q=veiligheid&gemeente=%s", base, p.Gemeenten[0])
			if getJSON(t, q, &res) != 200 || !hasTitle(res, p.Title) {
				t.Errorf("%s: %q is not found in its gemeente after ingest", filepath.Base(p.File), p.Title)
			}
		}
	}
}

func hasTitle(res apiResult, title string) bool {
	for _, r := range res.Results {
		if r.Title == title {
			return true
		}
	}
	return false
}

// BenchmarkIngestSample loads 30 generated plans into an empty data
// directory, document by document and as one bulk load (what ivp ingest
// does on a first load), side by side.
func BenchmarkIngestSample(b *testing.B) {
	dir := b.TempDir()
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"gen", "--out", dir, "--plans", "30", "--seed", "3"}, &out, &errs); code != 0 {
		b.Fatalf("gen: %s", errs.String())
	}
	files, err := ingest.ExpandPaths([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		bulk bool
	}{{"per-document", false}, {"bulk", true}} {
		b.Run(mode.name, func(b *testing.B) {
			for b.Loop() {
				loadInto(b, b.TempDir(), files, mode.bulk)
			}
		})
	}
}

func loadInto(b *testing.B, data string, files []string, bulk bool) {
	ctx := context.Background()
	c := config{Data: data}
	e, err := open(ctx, &c)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	rep := newReporter(io.Discard, io.Discard, len(files))
	if err := load(ctx, e, ingest.Options{}, files, bulk, rep); err != nil || rep.stored != len(files) {
		b.Fatalf("stored %d of %d: %v", rep.stored, len(files), err)
	}
}
