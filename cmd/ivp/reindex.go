package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/ccv/ivp/corpus"
)

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("reindex", &c, "data")
	retag := fs.Bool("retag", false, "re-tag every stored passage from its stored text (no extraction) before the rebuild")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	e, err := open(ctx, &c)
	if err != nil {
		return err
	}
	defer e.Close()
	start := time.Now()
	if *retag {
		n, p, err := retagStore(ctx, e.store, &c)
		if err != nil {
			return err
		}
		d := time.Since(start)
		fmt.Fprintf(stdout, "re-tagged %d passages of %d documents in %s (%.0f passages/s)\n",
			p, n, d.Round(time.Millisecond), float64(p)/d.Seconds())
	}
	n, err := e.rebuild(ctx, "reindex")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reindexed %d documents in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

// retagStore tags every stored passage again with the current taxonomy
// and rules, document by document so headings and lists give context.
func retagStore(ctx context.Context, store *corpus.Store, c *config) (docs, passages int, err error) {
	tg, err := loadTagger(c)
	if err != nil {
		return 0, 0, err
	}
	ds, err := store.Documents(ctx, "")
	if err != nil {
		return 0, 0, err
	}
	for _, d := range ds {
		ps, err := store.Passages(ctx, d.ID)
		if err != nil {
			return docs, passages, err
		}
		tags := tg.TagDocument(ps)
		if err := store.SetTags(ctx, d.ID, tags); err != nil {
			return docs, passages, err
		}
		docs, passages = docs+1, passages+len(ps)
	}
	return docs, passages, nil
}
