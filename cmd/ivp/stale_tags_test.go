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
	const current = "every passage tagged by this tagger version"
	if log := serveLog(t, data, warning, current); !strings.Contains(log, warning) {
		t.Fatalf("serve did not warn of the older tags:\n%s", log)
	}
	if code, out, errs := ivp(t, "reindex", "--data", data, "--retag"); code != 0 {
		t.Fatalf("reindex --retag: exit %d\n%s%s", code, out, errs)
	}
	if log := serveLog(t, data, warning, current); strings.Contains(log, warning) || !strings.Contains(log, current) {
		t.Fatalf("serve still warns after the retag, or did not count:\n%s", log)
	}
}

// serveLog runs 'ivp serve' on data until it serves and has logged one of
// the lines in until (or 20 seconds have passed), stops it, and returns
// what it logged.
func serveLog(t *testing.T, data string, until ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errs := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "info"}, out, errs)
	}()
	logged := func() bool {
		for _, line := range until {
			if strings.Contains(errs.String(), line) {
				return true
			}
		}
		return len(until) == 0
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !(strings.Contains(out.String(), "serving on") && logged()); {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d: %s", code, errs.String())
	}
	return errs.String()
}
