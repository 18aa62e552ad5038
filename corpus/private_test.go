package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// mode is the permission bits of path.
func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// privateModes lists every path of the store whose mode lets anyone but
// the owner in: the data directory, the database files and the stored
// originals with their directories.
func privateModes(t *testing.T, dir string) []string {
	t.Helper()
	var loose []string
	check := func(path string, want os.FileMode) {
		if m := mode(t, path); m&^want != 0 {
			loose = append(loose, filepath.Base(path)+" "+m.String())
		}
	}
	check(dir, 0o700)
	for _, name := range []string{"ivp.db", "ivp.db-wal", "ivp.db-shm"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			check(filepath.Join(dir, name), 0o600)
		}
	}
	filepath.WalkDir(filepath.Join(dir, "files"), func(path string, e os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if e.IsDir() {
			check(path, 0o700)
		} else {
			check(path, 0o600)
		}
		return nil
	})
	return loose
}

// TestStoreIsCreatedPrivate: the database holds password hashes, session
// hashes and submitters' contact details, so no other account on the
// machine may read it or the files.
func TestStoreIsCreatedPrivate(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data") // made by Open
	s := openStore(t, dir)
	if _, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("%PDF-1.4 secret")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("data directory made %v, want -rwx------", m)
	}
	for _, name := range []string{"ivp.db", "ivp.db-wal", "ivp.db-shm"} {
		if m := mode(t, filepath.Join(dir, name)); m != 0o600 {
			t.Errorf("%s made %v, want -rw-------", name, m)
		}
	}
	d, err := s.Document(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, s.FilePath(d)); m != 0o600 {
		t.Errorf("stored file made %v, want -rw-------", m)
	}
	if m := mode(t, filepath.Dir(s.FilePath(d))); m != 0o700 {
		t.Errorf("directory of a stored file made %v, want -rwx------", m)
	}
}

// TestOpenTightensALooseStore: a store written by an earlier version
// (0755 directories, 0644 files) is made private when it is opened.
func TestOpenTightensALooseStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := corpus.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("%PDF-1.4 secret")); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Document(ctx, 1)
	s.Close()
	for path, m := range map[string]os.FileMode{dir: 0o755, filepath.Join(dir, "ivp.db"): 0o644,
		filepath.Join(dir, "files"): 0o755, filepath.Dir(s.FilePath(d)): 0o755, s.FilePath(d): 0o644} {
		if err := os.Chmod(path, m); err != nil {
			t.Fatal(err)
		}
	}
	if loose := privateModes(t, dir); len(loose) == 0 {
		t.Fatal("the loose modes did not take")
	}
	openStore(t, dir)
	if loose := privateModes(t, dir); len(loose) > 0 {
		t.Errorf("after opening, still open to others: %v", loose)
	}
}
