package corpus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestBackupRestoreRoundTrip: a restored store holds the same documents,
// passages and original files.
func TestBackupRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir)
	id, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("%PDF-1 eerste"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "b")
	info, err := corpus.Backup(ctx, dir, out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Documents != 1 || info.Files != 1 || info.Schema == 0 {
		t.Errorf("backup info %+v, want 1 document, 1 file and a schema version", info)
	}
	target := filepath.Join(t.TempDir(), "r")
	if _, err := corpus.Restore(ctx, out, target); err != nil {
		t.Fatal(err)
	}
	r := openStore(t, target)
	d, err := r.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := r.Passages(ctx, id)
	file, err := os.ReadFile(r.FilePath(d))
	if err != nil || string(file) != "%PDF-1 eerste" || len(ps) != len(samplePassages) || d.Title != "IVP" {
		t.Errorf("restored %q with %d passages and file %q (%v)", d.Title, len(ps), file, err)
	}
}

// TestBackupRefusesDamagedStore: a stored file whose content no longer
// matches its name stops the backup, which leaves nothing behind.
func TestBackupRefusesDamagedStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openStore(t, dir)
	id, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("%PDF-1 origineel"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Document(ctx, id)
	if err := os.WriteFile(s.FilePath(d), []byte("%PDF-1 beschadigd"), 0o600); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	_, err = corpus.Backup(ctx, dir, filepath.Join(parent, "b"))
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("backup of a damaged store: %v, want an error that says the file is damaged", err)
	}
	if es, _ := os.ReadDir(parent); len(es) != 0 {
		t.Errorf("a failed backup left %s", es[0].Name())
	}
	if _, err := corpus.Restore(ctx, filepath.Join(parent, "b"), t.TempDir()); !errors.Is(err, corpus.ErrBadBackup) {
		t.Errorf("restore of no backup: %v, want ErrBadBackup", err)
	}
}
