package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// TestStartRepairsWhatACrashLeft makes, in a store and index written by
// 'ivp ingest', what kill -9 at three moments leaves behind: a plan
// indexed without its passages (between the index's two batches), a
// withdrawal stored but not yet taken out of the index, and a rebuild
// recorded as running. After 'ivp serve' starts, the first plan is found
// with its passages and "meer zoals dit" works for it, the withdrawn plan
// is not found, and the rebuild shows as "onderbroken" in /api/v1/jobs.
func TestStartRepairsWhatACrashLeft(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests and serves")
	}
	sample := generate(t, 3, 5)
	truth := readTruth(t, sample)
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, sample); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	half, withdrawn := crashState(t, data)
	base := serve(t, data, "--reindex-schedule", "off")

	var r apiResult
	if st := getJSON(t, base+"/api/v1/search", &r); st != 200 || r.Total != 2 {
		t.Errorf("plans found after the restart: status %d, %d, want 2 (the withdrawn one gone)", st, r.Total)
	}
	for _, d := range r.Results {
		if d.ID == withdrawn.ID {
			t.Errorf("withdrawn plan %d is still found", d.ID)
		}
	}
	if st := getJSON(t, fmt.Sprintf("%s/api/v1/search?like=%d", base, half.ID), &r); st != 200 {
		t.Errorf("meer zoals dit for the half-indexed plan: status %d, want 200", st)
	}
	for _, p := range truth {
		if p.Title == half.Title {
			q, _ := uniqueWindow(p, truth)
			getJSON(t, base+"/api/v1/search?q="+url.QueryEscape(q), &r)
			if len(r.Results) == 0 || r.Results[0].ID != half.ID || len(r.Results[0].Passages) == 0 {
				t.Errorf("%q: want plan %d first with its passages, got %+v", q, half.ID, r.Results)
			}
		}
	}
	var jobs struct {
		Jobs []corpus.JobRun `json:"jobs"`
	}
	getJSON(t, base+"/api/v1/jobs", &jobs)
	if len(jobs.Jobs) != 1 || jobs.Jobs[0].Outcome != "onderbroken" {
		t.Errorf("jobs after the restart: %+v, want the cut-off rebuild as onderbroken", jobs.Jobs)
	}
}

// crashState damages store and index as kills would; it returns the plan
// left without passages and the one withdrawn in the store only.
func crashState(t *testing.T, data string) (half, withdrawn corpus.Document) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs, err := store.Documents(ctx, corpus.StatusPublished)
	if err != nil || len(docs) < 2 {
		t.Fatalf("%d documents, %v", len(docs), err)
	}
	half, withdrawn = docs[0], docs[1]
	ps, err := store.Passages(ctx, half.ID)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.Open(ctx, filepath.Join(data, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = ix.View(func(s indexer.Snapshot) error {
		b := s.Passages.NewBatch()
		for _, p := range ps {
			b.Delete(strconv.FormatInt(half.ID, 10) + "/" + strconv.Itoa(p.Ordinal))
		}
		return s.Passages.Batch(b)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.StartJob(ctx, "reindex"); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "ivp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE documents SET status = 'withdrawn' WHERE id = ?`, withdrawn.ID); err != nil {
		t.Fatal(err)
	}
	return half, withdrawn
}

// TestReindexCheckRepairsInPlace: 'ivp reindex --check' repairs the
// documents a crash left wrong without building a new generation.
func TestReindexCheckRepairsInPlace(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests")
	}
	sample := generate(t, 3, 6)
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, sample); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	half, withdrawn := crashState(t, data)
	gens, _ := filepath.Glob(filepath.Join(data, "index", "gen-*"))
	code, out, errs := ivp(t, "reindex", "--check", "--data", data)
	want := fmt.Sprintf("indexed again: [%d]\nremoved: [%d]\n", half.ID, withdrawn.ID)
	if code != 0 || !strings.Contains(out, want) {
		t.Errorf("reindex --check: exit %d, output\n%s%s\nwant %q", code, out, errs, want)
	}
	if after, _ := filepath.Glob(filepath.Join(data, "index", "gen-*")); !slices.Equal(after, gens) {
		t.Errorf("index generations %v, want %v kept", after, gens)
	}
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(ctx, filepath.Join(data, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if a := verifyAgreement(t, store, ix); len(a.published) != 2 {
		t.Errorf("%d published after the repair, want 2", len(a.published))
	}
}
