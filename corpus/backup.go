package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// BackupInfo describes a backup; it is kept in the backup as backup.json.
type BackupInfo struct {
	// Format is the layout of the backup; this version writes 1.
	Format int `json:"format"`
	// Created is when the database snapshot was taken.
	Created time.Time `json:"created"`
	// Schema is the store's migration version in the snapshot.
	Schema int `json:"schema"`
	// Documents and Published count the snapshot's documents.
	Documents int `json:"documents"`
	Published int `json:"published"`
	// Files and Bytes count the original files in the backup.
	Files int   `json:"files"`
	Bytes int64 `json:"bytes"`
}

const (
	backupFormat   = 1
	backupInfoName = "backup.json"
)

// Backup writes a consistent copy of the store in dir to the new
// directory out while other processes may be using the store: a snapshot
// of the database taken in one read transaction (VACUUM INTO), then
// every original file the snapshot refers to (files are written before
// the rows that name them and never changed, so all are there), the
// small files named in extra when dir has them (such as "secret"),
// backup.json and a manifest of every file's sha256. It is built in a
// temporary directory beside out and renamed into place, so out never
// holds half a backup. out must not exist.
func Backup(ctx context.Context, dir, out string, extra ...string) (BackupInfo, error) {
	if _, err := os.Stat(filepath.Join(dir, dbFiles[0])); err != nil {
		return BackupInfo{}, fmt.Errorf("backup %s: no store there: %w", dir, err)
	}
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return BackupInfo{}, fmt.Errorf("backup to %s: it already exists; choose a new name", out)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(out)), ".ivp-backup-*")
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup to %s: %w", out, err)
	}
	info, err := writeBackup(ctx, dir, tmp, extra)
	if err == nil {
		err = os.Rename(tmp, out)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return info, fmt.Errorf("backup %s to %s: %w", dir, out, err)
	}
	return info, syncDir(filepath.Dir(filepath.Clean(out)))
}

// writeBackup fills the empty directory tmp with the backup of dir.
func writeBackup(ctx context.Context, dir, tmp string, extra []string) (BackupInfo, error) {
	info := BackupInfo{Format: backupFormat, Created: time.Now().UTC()}
	if err := snapshot(ctx, filepath.Join(dir, dbFiles[0]), filepath.Join(tmp, dbFiles[0])); err != nil {
		return info, err
	}
	digests, err := readSnapshot(ctx, filepath.Join(tmp, dbFiles[0]), &info)
	if err != nil {
		return info, err
	}
	m := manifest{}
	if err := copyStoreFiles(dir, tmp, digests, m, &info); err != nil {
		return info, err
	}
	for _, name := range append(extra, dbFiles[0]) {
		if err := copyExtra(dir, tmp, name, m); err != nil {
			return info, err
		}
	}
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return info, err
	}
	if err := writeSynced(filepath.Join(tmp, backupInfoName), b); err != nil {
		return info, err
	}
	m[backupInfoName] = Digest(b)
	if err := m.write(tmp); err != nil {
		return info, err
	}
	return info, syncDir(tmp)
}

// snapshot copies the database at src to dst in one read transaction;
// writers go on meanwhile (WAL), and dst holds the state at its start.
func snapshot(ctx context.Context, src, dst string) error {
	db, err := sql.Open("sqlite", "file:"+src+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("snapshot %s: %w", src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return fmt.Errorf("snapshot %s: %w", src, err)
	}
	return os.Chmod(dst, privateFile)
}

// readSnapshot fills the counts of info from the snapshot at path and
// returns the digests of every file its documents and versions name.
func readSnapshot(ctx context.Context, path string, info *BackupInfo) (map[string]bool, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	defer db.Close()
	err = db.QueryRowContext(ctx, `SELECT (SELECT COALESCE(MAX(version), 0) FROM schema_version),
		(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM documents WHERE status = 'published')`).
		Scan(&info.Schema, &info.Documents, &info.Published)
	if err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	return fileDigests(ctx, db)
}

// fileDigests returns the digest of every original file db refers to.
func fileDigests(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT sha256 FROM documents UNION SELECT sha256 FROM document_versions`)
	if err != nil {
		return nil, fmt.Errorf("list stored files: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, fmt.Errorf("list stored files: %w", err)
		}
		out[sha] = true
	}
	return out, rows.Err()
}

// copyStoreFiles copies the original file of every digest from dir to
// tmp, checking on the way that each holds the content its name says.
func copyStoreFiles(dir, tmp string, digests map[string]bool, m manifest, info *BackupInfo) error {
	s := &Store{dir: dir}
	for sha := range digests {
		if !isDigest(sha) {
			return fmt.Errorf("the store names a file %q that is no sha256", sha)
		}
		rel := "files/" + sha[:2] + "/" + sha
		got, n, err := copyHashed(s.filePath(sha), filepath.Join(tmp, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("copy stored file %s: %w", sha, err)
		}
		if got != sha {
			return fmt.Errorf("stored file %s is damaged: its content has sha256 %s", sha, got)
		}
		m[rel] = got
		info.Files++
		info.Bytes += n
	}
	return nil
}

// copyExtra copies dir/name to tmp when it exists (the database
// snapshot is already there and only hashed).
func copyExtra(dir, tmp, name string, m manifest) error {
	if _, err := os.Stat(filepath.Join(tmp, name)); err == nil {
		sum, _, err := hashFile(filepath.Join(tmp, name))
		m[name] = sum
		return err
	}
	if !safeRel(name) || strings.Contains(name, "/") {
		return fmt.Errorf("copy %s: not a file name", name)
	}
	sum, _, err := copyHashed(filepath.Join(dir, name), filepath.Join(tmp, name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("copy %s: %w", name, err)
	}
	m[name] = sum
	return nil
}
