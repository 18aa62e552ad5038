package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotEmpty is returned when a restore would overwrite data.
var ErrNotEmpty = errors.New("not empty")

// CheckEmpty returns nil when dir is missing or an empty directory, and
// an error wrapping ErrNotEmpty when it holds anything.
func CheckEmpty(dir string) error {
	es, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("check %s: %w", dir, err)
	case len(es) > 0:
		return fmt.Errorf("%s is %w (it holds %s): restore only into a new or empty directory", dir, ErrNotEmpty, es[0].Name())
	}
	return nil
}

// VerifyBackup checks the backup in dir without changing anything: its
// manifest lists every file and only those, each file has its hash, and
// backup.json is of a format this version reads.
func VerifyBackup(dir string) (BackupInfo, error) {
	var info BackupInfo
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return info, fmt.Errorf("%w: %s is no backup directory", ErrBadBackup, dir)
	}
	m, err := readManifest(dir)
	if err != nil {
		return info, err
	}
	for _, need := range []string{dbFiles[0], backupInfoName} {
		if m[need] == "" {
			return info, fmt.Errorf("%w: the manifest does not list %s", ErrBadBackup, need)
		}
	}
	if err := m.verify(dir); err != nil {
		return info, err
	}
	b, err := os.ReadFile(filepath.Join(dir, backupInfoName))
	if err != nil {
		return info, fmt.Errorf("%w: %w", ErrBadBackup, err)
	}
	if err := json.Unmarshal(b, &info); err != nil || info.Format != backupFormat {
		return info, fmt.Errorf("%w: %s is not of backup format %d", ErrBadBackup, backupInfoName, backupFormat)
	}
	return info, nil
}

// Restore verifies the backup in dir and copies it into target, which
// must be missing or empty; then it opens the restored store (applying
// the migrations of this version) and checks that every file it names is
// there. When anything fails, what Restore wrote is removed again.
func Restore(ctx context.Context, dir, target string) (BackupInfo, error) {
	info, err := VerifyBackup(dir)
	if err != nil {
		return info, err
	}
	if err := CheckEmpty(target); err != nil {
		return info, err
	}
	_, statErr := os.Stat(target)
	created := errors.Is(statErr, fs.ErrNotExist)
	if err := restoreInto(ctx, dir, target); err != nil {
		if created {
			os.RemoveAll(target)
		} else {
			clearDir(target)
		}
		return info, fmt.Errorf("restore %s into %s: %w", dir, target, err)
	}
	return info, nil
}

// restoreInto copies the verified backup in dir to target and checks the
// store it holds.
func restoreInto(ctx context.Context, dir, target string) error {
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(target, privateDir); err != nil {
		return err
	}
	for rel, want := range m {
		if rel == backupInfoName {
			continue
		}
		got, _, err := copyHashed(filepath.Join(dir, filepath.FromSlash(rel)), filepath.Join(target, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("copy %s: %w", rel, err)
		}
		if got != want { // changed since VerifyBackup read it
			return fmt.Errorf("%w: %s changed while it was restored", ErrBadBackup, rel)
		}
	}
	return checkRestored(ctx, target)
}

// checkRestored opens the store in dir and checks that the database is
// sound and every file it names is there.
func checkRestored(ctx context.Context, dir string) error {
	s, err := Open(ctx, dir)
	if err != nil {
		return err
	}
	defer s.Close()
	var ok string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		return fmt.Errorf("%w: the database fails its integrity check: %s %v", ErrBadBackup, ok, err)
	}
	digests, err := fileDigests(ctx, s.db)
	if err != nil {
		return err
	}
	for sha := range digests {
		if _, err := os.Stat(s.filePath(sha)); err != nil {
			return fmt.Errorf("%w: the original file %s is missing", ErrBadBackup, sha)
		}
	}
	return nil
}

// clearDir removes everything inside dir, keeping dir.
func clearDir(dir string) {
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}
