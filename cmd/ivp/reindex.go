package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("reindex", &c, "data")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	e, err := open(ctx, &c)
	if err != nil {
		return err
	}
	defer e.Close()
	start := time.Now()
	n, err := e.rebuild(ctx, "reindex")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reindexed %d documents in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}
