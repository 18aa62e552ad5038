package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ErrBadBackup marks a backup that cannot be restored: missing, incomplete,
// unreadable or with a file whose hash differs from its manifest.
var ErrBadBackup = errors.New("bad backup")

// manifestName is the file of a backup that lists the sha256 of every
// other file, in the format of sha256sum ("HASH  PATH" per line), so
// `sha256sum -c manifest.sha256` inside the backup checks it as well.
const manifestName = "manifest.sha256"

// manifest maps a backup's slash-separated relative paths to their
// hex sha256.
type manifest map[string]string

// write stores m sorted by path as dir/manifest.sha256, fsynced.
func (m manifest) write(dir string) error {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b strings.Builder
	for _, p := range paths {
		fmt.Fprintf(&b, "%s  %s\n", m[p], p)
	}
	return writeSynced(filepath.Join(dir, manifestName), []byte(b.String()))
}

// readManifest reads and checks the form of dir/manifest.sha256.
func readManifest(dir string) (manifest, error) {
	f, err := os.Open(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, fmt.Errorf("%w: read manifest: %w", ErrBadBackup, err)
	}
	defer f.Close()
	m := manifest{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		sum, path, ok := strings.Cut(sc.Text(), "  ")
		if !ok || !isDigest(sum) || !safeRel(path) || m[path] != "" {
			return nil, fmt.Errorf("%w: manifest line %d is malformed: %q", ErrBadBackup, n, sc.Text())
		}
		m[path] = sum
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: read manifest: %w", ErrBadBackup, err)
	}
	return m, nil
}

// verify checks that dir holds exactly the files of m (besides the
// manifest) and that each has its hash; a content-addressed file must
// also carry its hash as its name.
func (m manifest) verify(dir string) error {
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if rel == manifestName {
			return nil
		}
		if m[rel] == "" {
			return fmt.Errorf("%w: %s is not in the manifest", ErrBadBackup, rel)
		}
		seen[rel] = true
		return checkHash(path, rel, m[rel])
	})
	if err != nil {
		return err
	}
	for rel := range m {
		if !seen[rel] {
			return fmt.Errorf("%w: %s is in the manifest but missing", ErrBadBackup, rel)
		}
	}
	return nil
}

// checkHash compares the sha256 of the file at path with want.
func checkHash(path, rel, want string) error {
	got, _, err := hashFile(path)
	if err != nil {
		return fmt.Errorf("%w: read %s: %w", ErrBadBackup, rel, err)
	}
	if got != want {
		return fmt.Errorf("%w: %s has sha256 %s, the manifest says %s", ErrBadBackup, rel, got, want)
	}
	if strings.HasPrefix(rel, "files/") && filepath.Base(rel) != want {
		return fmt.Errorf("%w: stored file %s does not hold the content its name promises", ErrBadBackup, rel)
	}
	return nil
}

// hashFile returns the hex sha256 and size of the file at path.
func hashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", n, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// copyHashed copies src to dst (mode 0600, fsynced) and returns the
// sha256 and size of what it copied.
func copyHashed(src, dst string) (string, int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", 0, err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), privateDir); err != nil {
		return "", 0, err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// writeSynced writes data to a new file at path, mode 0600, fsynced.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// isDigest reports whether s is a lowercase hex sha256.
func isDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// safeRel reports whether p is a clean relative slash path inside its
// directory (no "..", not absolute).
func safeRel(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p)) && filepath.ToSlash(filepath.Clean(p)) == p
}
