package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/ccv/ivp/corpus"
)

func runReindex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("reindex", &c, "data")
	retag := fs.Bool("retag", false, "re-tag every stored passage from its stored text (no extraction) before the rebuild")
	check := fs.Bool("check", false, "instead of a rebuild: compare the index with the store and re-index or remove only the documents where they differ (a rebuild when most do)")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	if *check && *retag {
		return fmt.Errorf("%w: --check and --retag exclude each other", errUsage)
	}
	e, err := openEnv(ctx, &c, false) // the rebuild replaces the index; --check below
	if err != nil {
		return err
	}
	defer e.Close()
	start := time.Now()
	if *check {
		return checkOnly(ctx, e, stdout)
	}
	if os.Getenv("GOGC") == "" {
		// A rebuild allocates a great deal: collecting half as often made
		// it 8-13% faster. This process does nothing else, so the GC target
		// is its own to raise; the server's rebuilds leave it alone.
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
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

// checkOnly repairs the index where it differs from the store, or
// rebuilds it when it is far out of step, and says what it did.
func checkOnly(ctx context.Context, e *env, stdout io.Writer) error {
	start := time.Now()
	if e.ix.Stale() {
		fmt.Fprintln(stdout, "the index was built by another version; rebuilding")
		n, err := e.rebuild(ctx, "reindex")
		if err == nil {
			fmt.Fprintf(stdout, "reindexed %d documents in %s\n", n, time.Since(start).Round(time.Millisecond))
		}
		return err
	}
	r, err := e.repairIndex(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "store: %d published plans; index: %d plans, %d passages\n", r.Published, r.Plans, r.Passages)
	switch {
	case r.Consistent():
		fmt.Fprintln(stdout, "index agrees with the store")
	case e.rebuildDue:
		fmt.Fprintf(stdout, "%d plans missing or incomplete, %d not published; rebuilding\n", len(r.Missing), len(r.Extra))
		n, err := e.rebuild(ctx, "reindex")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "reindexed %d documents\n", n)
	default:
		fmt.Fprintf(stdout, "indexed again: %v\nremoved: %v\n", r.Missing, r.Extra)
		if len(r.Stray) > 0 {
			fmt.Fprintf(stdout, "deleted passages left under doc_id %q\n", r.Stray)
		}
	}
	fmt.Fprintf(stdout, "took %s\n", time.Since(start).Round(time.Millisecond))
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
