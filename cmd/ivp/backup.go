package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ccv/ivp/corpus"
)

// backupExtra are the small files of the data directory that a backup
// takes besides the store: the form-token key (see config.secret).
var backupExtra = []string{"secret"}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("backup", &c, "data")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: ivp backup --data DIR OUT (OUT: a new directory)", errUsage)
	}
	start := time.Now()
	info, err := corpus.Backup(ctx, c.storeDir(), pos[0], backupExtra...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup of %d documents (%d published) and %d files (%s) written to %s in %s\n",
		info.Documents, info.Published, info.Files, megabytes(info.Bytes), pos[0], time.Since(start).Round(time.Millisecond))
	return nil
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("restore", &c, "data")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: ivp restore BACKUP --data DIR (DIR: new or empty)", errUsage)
	}
	start := time.Now()
	target := c.Data
	if err := corpus.CheckEmpty(target); err != nil {
		return err
	}
	stage, err := os.MkdirTemp(filepath.Dir(filepath.Clean(target)), ".ivp-restore-*")
	if err != nil {
		return fmt.Errorf("restore into %s: %w", target, err)
	}
	info, n, err := restoreStaged(ctx, pos[0], stage, &c)
	if err == nil {
		err = moveInto(stage, target)
	}
	if err != nil {
		os.RemoveAll(stage)
		return err
	}
	fmt.Fprintf(stdout, "restored %d documents and %d files from %s (taken %s) into %s; %d plans indexed in %s\n",
		info.Documents, info.Files, pos[0], info.Created.Local().Format("2006-01-02 15:04:05"), target, n,
		time.Since(start).Round(time.Millisecond))
	return nil
}

// restoreStaged restores the backup into the directory stage and builds
// its index there; it returns the backup's description and how many
// plans the index holds.
func restoreStaged(ctx context.Context, backup, stage string, c *config) (corpus.BackupInfo, int, error) {
	info, err := corpus.Restore(ctx, backup, stage)
	if err != nil {
		return info, 0, err
	}
	sc := *c
	sc.Data = stage
	e, err := openEnv(ctx, &sc, false)
	if err != nil {
		return info, 0, err
	}
	n, err := e.rebuild(ctx, "restore")
	return info, n, errors.Join(err, e.Close())
}

// moveInto renames the directory stage to target, which is missing or
// an empty directory (rename replaces an empty directory).
func moveInto(stage, target string) error {
	if err := corpus.CheckEmpty(target); err != nil { // filled meanwhile?
		return err
	}
	if err := os.Rename(stage, target); err != nil {
		return fmt.Errorf("restore into %s: %w", target, err)
	}
	return nil
}

// megabytes formats n bytes as MB with one decimal.
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
