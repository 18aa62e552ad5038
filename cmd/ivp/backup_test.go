package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// backupQueries are the fixed requests whose answers a restored server
// must give exactly as the original did.
var backupQueries = []string{
	"/api/v1/search",
	"/api/v1/search?q=cameratoezicht",
	"/api/v1/search?q=veiligheid+jongeren",
	"/api/v1/search?q=%22maatregel+3%22",
	"/api/v1/search?q=ondermijning&sort=datum",
	"/api/v1/search?provincie=Limburg",
	"/api/v1/search?q=woninginbraak&size=2&page=2",
}

// TestBackupWhileServing: a backup taken while 8 clients search and a
// curator approves a plan restores into an empty directory, and the
// restored server answers every query exactly as the original did either
// just before the approval or just after it (the snapshot is one moment).
func TestBackupWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("backup under load skipped in -short mode")
	}
	data, pending := backupStore(t)
	base := serve(t, data, "--reindex-schedule", "off")
	before := answers(t, base, pending)
	client := curatorClient(t, base)

	stop := make(chan struct{})
	var searches, failures atomic.Int64
	var clients sync.WaitGroup
	for i := range 8 {
		clients.Go(func() { searchLoop(base, i, stop, &searches, &failures) })
	}
	approval := make(chan error, 1)
	go func() { approval <- curatorAction(client, base, pending, "approve") }()
	out := filepath.Join(t.TempDir(), "backup")
	code, stdout, stderr := ivp(t, "backup", "--data", data, out)
	if err := <-approval; err != nil {
		t.Fatal(err)
	}
	close(stop)
	clients.Wait()
	if code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	if failures.Load() > 0 {
		t.Errorf("%d of %d searches during the backup failed", failures.Load(), searches.Load())
	}
	t.Logf("%s(%d searches meanwhile)", stdout, searches.Load())
	after := answers(t, base, pending)
	if reflect.DeepEqual(before, after) {
		t.Fatal("the approval changed no answer; the test cannot tell the moments apart")
	}

	restored := filepath.Join(t.TempDir(), "restored")
	if code, _, stderr := ivp(t, "restore", out, "--data", restored); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	got := answers(t, serve(t, restored, "--reindex-schedule", "off"), pending)
	t.Logf("restored answers equal those before the approval: %v, after it: %v",
		reflect.DeepEqual(got, before), reflect.DeepEqual(got, after))
	if !reflect.DeepEqual(got, before) && !reflect.DeepEqual(got, after) {
		for q := range got {
			if !reflect.DeepEqual(got[q], before[q]) {
				t.Errorf("%s: restored answers\n%v\nbefore the approval\n%v\nafter\n%v", q, got[q], before[q], after[q])
			}
		}
	}
}

// backupStore ingests six generated plans into a new data directory,
// adds one pending plan and the curator of the crash sweep, and returns
// the directory and the pending plan's ID.
func backupStore(t *testing.T) (string, int64) {
	t.Helper()
	sample := generate(t, 6, 11)
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, sample); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	var c config
	if _, err := parseArgs(newFlagSet("serve", &c, "data"), []string{"--data", data}, io.Discard); err != nil {
		t.Fatal(err)
	}
	e, err := open(context.Background(), &c)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	_, accounts, err := e.curation(&c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := accounts.AddUser(context.Background(), "curator@ccv.nl", corpus.RoleCurator, sweepPassword); err != nil {
		t.Fatal(err)
	}
	return data, storePlans(t, e.store, 1, corpus.StatusPending)[0]
}

// answers returns the status and JSON body of every backup query and of
// the pending plan's document, scores included, without the timings.
func answers(t *testing.T, base string, pending int64) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, q := range append(backupQueries, fmt.Sprintf("/api/v1/documents/%d", pending), "/api/v1/documents/1") {
		status, body, _ := getBody(t, base+q)
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out[q] = []any{status, dropKeys(v, "took_ms")}
	}
	return out
}

// dropKeys removes the named keys from every object in v.
func dropKeys(v any, keys ...string) any {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range keys {
			delete(x, k)
		}
		for k, e := range x {
			x[k] = dropKeys(e, keys...)
		}
	case []any:
		for i, e := range x {
			x[i] = dropKeys(e, keys...)
		}
	}
	return v
}

// searchLoop sends the backup queries in turn until stop is closed,
// counting the searches and those that did not answer 200.
func searchLoop(base string, i int, stop chan struct{}, n, failed *atomic.Int64) {
	for j := i; ; j++ {
		select {
		case <-stop:
			return
		default:
		}
		resp, err := http.Get(base + backupQueries[j%len(backupQueries)])
		n.Add(1)
		if err != nil || resp.StatusCode != http.StatusOK {
			failed.Add(1)
		}
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}

// TestRestoreRefusesBadInput: a missing or damaged backup and a data
// directory that holds something are refused with a message and exit 1,
// and nothing is written.
func TestRestoreRefusesBadInput(t *testing.T) {
	good := goodBackup(t)
	cases := []struct {
		name   string
		damage func(t *testing.T, backup string) string // returns the backup to restore
		target func(t *testing.T) string
		want   string
	}{
		{"missing backup", func(t *testing.T, _ string) string { return filepath.Join(t.TempDir(), "nope") },
			emptyTarget, "is no backup directory"},
		{"stored file changed", damageFile(storedFile),
			emptyTarget, "has sha256"},
		{"database changed", damageFile(func(_ *testing.T, b string) string { return filepath.Join(b, "ivp.db") }),
			emptyTarget, "ivp.db has sha256"},
		{"manifest edited", editManifest, emptyTarget, "malformed"},
		{"file missing", func(t *testing.T, b string) string { b = copyBackup(t, b); os.Remove(storedFile(t, b)); return b },
			emptyTarget, "missing"},
		{"data directory not empty", func(t *testing.T, b string) string { return b }, fullTarget, "not empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			backup, target := tc.damage(t, good), tc.target(t)
			was := listDir(t, filepath.Dir(target))
			code, _, stderr := ivp(t, "restore", backup, "--data", target)
			if code != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, message %q; want 1 and one containing %q", code, stderr, tc.want)
			}
			if now := listDir(t, filepath.Dir(target)); !reflect.DeepEqual(now, was) {
				t.Errorf("restore left %v, before it there was %v", now, was)
			}
		})
	}
}

// TestBackupRefusesBadInput: no store to back up, or a backup directory
// that exists, is refused and leaves nothing behind.
func TestBackupRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old")
	os.Mkdir(existing, 0o700)
	for name, args := range map[string][]string{
		"no store":    {"backup", "--data", filepath.Join(dir, "nodata"), filepath.Join(dir, "new")},
		"out exists":  {"backup", "--data", smallStore(t), existing},
		"no out":      {"backup", "--data", dir},
		"two outputs": {"backup", "--data", dir, "a", "b"},
	} {
		code, _, stderr := ivp(t, args...)
		if code == 0 || stderr == "" {
			t.Errorf("%s: exit %d, message %q", name, code, stderr)
		}
	}
	if got := listDir(t, dir); !reflect.DeepEqual(got, []string{"old"}) {
		t.Errorf("left behind: %v", got)
	}
}

// smallStore is a data directory with two stored plans.
func smallStore(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	store, err := corpus.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	storePlans(t, store, 2, corpus.StatusPublished)
	return data
}

// goodBackup is a backup of a small store.
func goodBackup(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "backup")
	if code, _, stderr := ivp(t, "backup", "--data", smallStore(t), out); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	return out
}

// copyBackup copies the backup b into a new directory.
func copyBackup(t *testing.T, b string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(dst, os.DirFS(b)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// storedFile is the path of an original file in backup b.
func storedFile(t *testing.T, b string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(b, "files", "*", "*"))
	if err != nil || len(m) == 0 {
		t.Fatalf("no stored file in %s", b)
	}
	return m[0]
}

// damageFile returns a damage that flips a byte of the file which
// pick names in a copy of the backup.
func damageFile(pick func(t *testing.T, b string) string) func(t *testing.T, b string) string {
	return func(t *testing.T, b string) string {
		b = copyBackup(t, b)
		path := pick(t, b)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)/2] ^= 0x20
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// editManifest breaks a line of the manifest of a copy of b.
func editManifest(t *testing.T, b string) string {
	b = copyBackup(t, b)
	path := filepath.Join(b, "manifest.sha256")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append([]byte("zz"), data...), 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// emptyTarget is a data directory that does not exist yet.
func emptyTarget(t *testing.T) string { return filepath.Join(t.TempDir(), "data") }

// fullTarget is a data directory that holds a file.
func fullTarget(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "data")
	os.Mkdir(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o600)
	return dir
}

// listDir lists the names under dir, recursively, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
		if rel, _ := filepath.Rel(dir, path); err == nil && rel != "." {
			out = append(out, rel)
		}
		return nil
	})
	return out
}
