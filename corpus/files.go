package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// Digest returns the hex sha256 of data, the key under which it is stored.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// filePath is where the file with the given digest lives:
// files/ab/abcdef....
func (s *Store) filePath(sha string) string {
	if len(sha) < 2 {
		return filepath.Join(s.dir, "files", "_invalid")
	}
	return filepath.Join(s.dir, "files", sha[:2], sha)
}

// FilePath is the path of a document's original file on disk.
func (s *Store) FilePath(d Document) string { return s.filePath(d.SHA256) }

// putFile stores data under its digest: written to a temporary file,
// fsynced and renamed into place, so a reader never sees half a file.
// Storing the same content twice is a no-op.
func (s *Store) putFile(sha string, data []byte) error {
	dst := s.filePath(sha)
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("store file %s: %w", sha, err)
	}
	return syncDir(filepath.Dir(dst))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
