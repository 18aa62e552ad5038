package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeWarnsOfStaleTags: after a tagger upgrade, 'ivp serve' says at
// start how many passages an older tagger tagged and what to run; after
// 'ivp reindex --retag' it says nothing.
func TestServeWarnsOfStaleTags(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests")
	}
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, generate(t, 2, 4)); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "ivp.db"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Exec(`UPDATE passages SET tags = json_set(tags, '$.version', 'tag-0+oud') WHERE document_id = 1`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatal("no passages to age")
	}
	const warning = "passages tagged by another tagger version; run 'ivp reindex --retag'"
	if log := serveLog(t, data); !strings.Contains(log, warning) {
		t.Fatalf("serve did not warn of the older tags:\n%s", log)
	}
	if code, out, errs := ivp(t, "reindex", "--data", data, "--retag"); code != 0 {
		t.Fatalf("reindex --retag: exit %d\n%s%s", code, out, errs)
	}
	if log := serveLog(t, data); strings.Contains(log, warning) {
		t.Fatalf("serve still warns after the retag:\n%s", log)
	}
}

// serveLog runs 'ivp serve' on data until it serves, stops it, and
// returns what it logged.
func serveLog(t *testing.T, data string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errs := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn"}, out, errs)
	}()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !strings.Contains(out.String(), "serving on"); {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d: %s", code, errs.String())
	}
	return errs.String()
}
