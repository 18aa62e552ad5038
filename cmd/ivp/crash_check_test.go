package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// checkStore reopens the store after a kill and checks that nothing is
// half there: every document has its file (with the right digest), its
// passages and its submission, no submission lacks its document, and
// every acknowledged token is found. It returns the number of documents.
func checkStore(t *testing.T, data string, acked []string) int {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer store.Close()
	items, err := store.Queue(ctx, corpus.QueueFilter{Status: corpus.AllStatuses, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		d := it.Document
		b, err := os.ReadFile(store.FilePath(d))
		if err != nil || corpus.Digest(b) != d.SHA256 {
			t.Errorf("document %d: file %v, digest mismatch %v", d.ID, err, corpus.Digest(b) != d.SHA256)
		}
		if ps, err := store.Passages(ctx, d.ID); err != nil || len(ps) == 0 {
			t.Errorf("document %d: %d passages, %v", d.ID, len(ps), err)
		}
		if it.Submission == nil {
			t.Errorf("document %d has no submission", d.ID)
		}
	}
	for _, tok := range acked {
		if _, err := store.SubmissionByToken(ctx, tok); err != nil {
			t.Errorf("acknowledged submission %s lost: %v", tok, err)
		}
	}
	if n := orphanSubmissions(t, data); n != 0 {
		t.Errorf("%d submissions point at a missing document", n)
	}
	return len(items)
}

func orphanSubmissions(t *testing.T, data string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "ivp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT COUNT(*) FROM submissions s LEFT JOIN documents d ON d.id = s.document_id
		WHERE d.id IS NULL`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// inIndex reports whether the plan index holds document id.
func inIndex(t *testing.T, e *env, id int64) bool {
	t.Helper()
	var found bool
	err := e.ix.View(func(s indexer.Snapshot) error {
		doc, err := s.Plans.Document(strconv.FormatInt(id, 10))
		found = doc != nil
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}
