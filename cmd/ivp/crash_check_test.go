package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"

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

// agreement is what verifyAgreement saw of the store.
type agreement struct {
	published, withdrawn []int64 // documents by status
	passages             int     // passages of the published documents
}

// verifyAgreement checks, changing nothing, that store and index agree as
// a user would notice: every published document has its plan in the plan
// index and each of its passages in the passage index, nothing of any
// other document (pending, rejected, withdrawn, deleted) is in either,
// and no job is recorded as still running.
func verifyAgreement(t *testing.T, store *corpus.Store, ix *indexer.Indexer) agreement {
	t.Helper()
	ctx := context.Background()
	docs, err := store.Documents(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var a agreement
	for _, d := range docs {
		ps, err := store.Passages(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		plan, found, all := indexedParts(t, ix, d.ID, ps)
		switch {
		case d.Status == corpus.StatusPublished && (!plan || found != len(ps) || all != len(ps)):
			t.Errorf("published document %d: plan indexed %v, %d of its %d passages found, %d indexed under it",
				d.ID, plan, found, len(ps), all)
		case d.Status != corpus.StatusPublished && (plan || all != 0):
			t.Errorf("%s document %d is in the index: plan %v, %d passages", d.Status, d.ID, plan, all)
		}
		switch d.Status {
		case corpus.StatusPublished:
			a.published, a.passages = append(a.published, d.ID), a.passages+len(ps)
		case corpus.StatusWithdrawn:
			a.withdrawn = append(a.withdrawn, d.ID)
		}
	}
	checkIndexCounts(t, ix, len(a.published), a.passages)
	jobs, err := store.Jobs(ctx, 10000)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if j.Outcome == corpus.OutcomeRunning {
			t.Errorf("job %d (%s, started %s) still recorded as running", j.ID, j.Name, j.Started)
		}
	}
	return a
}

// indexedParts reports whether the plan index holds document id, how many
// of passages the passage index holds by key, and how many passages it
// holds under the document's id in all.
func indexedParts(t *testing.T, ix *indexer.Indexer, id int64, passages []corpus.Passage) (plan bool, found, all int) {
	t.Helper()
	key := strconv.FormatInt(id, 10)
	err := ix.View(func(s indexer.Snapshot) error {
		doc, err := s.Plans.Document(key)
		if err != nil {
			return err
		}
		plan = doc != nil
		for _, p := range passages {
			doc, err := s.Passages.Document(key + "/" + strconv.Itoa(p.Ordinal))
			if err != nil {
				return err
			}
			if doc != nil {
				found++
			}
		}
		q := bleve.NewTermQuery(key)
		q.SetField(indexer.FieldDocID)
		res, err := s.Passages.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return err
		}
		all = int(res.Total)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return plan, found, all
}

// checkIndexCounts checks the number of documents in each index.
func checkIndexCounts(t *testing.T, ix *indexer.Indexer, plans, passages int) {
	t.Helper()
	err := ix.View(func(s indexer.Snapshot) error {
		np, err := s.Plans.DocCount()
		if err != nil {
			return err
		}
		nq, err := s.Passages.DocCount()
		if err != nil {
			return err
		}
		if int(np) != plans || int(nq) != passages {
			t.Errorf("index holds %d plans and %d passages, the store %d published plans with %d passages",
				np, nq, plans, passages)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
