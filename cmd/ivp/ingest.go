package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/ccv/ivp/ingest"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("ingest", &c, "data", "max-file-size", "max-pages", "extract-timeout", "extract-memory", "pdftotext",
		"ocr", "ocr-max-pages", "ocr-page-timeout")
	paths, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: ivp ingest FILE|DIR [FILE|DIR]", errUsage)
	}
	files, err := ingest.ExpandPaths(paths)
	if err != nil {
		return err
	}
	o, err := c.ingestOptions() // bad settings fail before the store opens
	if err != nil {
		return err
	}
	e, err := open(ctx, &c)
	if err != nil {
		return err
	}
	defer e.Close()
	bulk, err := bulkLoad(ctx, e, len(files))
	if err != nil {
		return err
	}
	rep := newReporter(stdout, stderr, len(files))
	if err := load(ctx, e, o, files, bulk, rep); err != nil {
		return err
	}
	if rep.failed > 0 {
		return fmt.Errorf("%d of %d files failed", rep.failed, len(files))
	}
	return ctx.Err()
}

// load ingests files into e: document by document, or, when bulk, by
// storing them all and then building the index from the store once.
func load(ctx context.Context, e *env, o ingest.Options, files []string, bulk bool, rep *reporter) error {
	if e.rebuildDue && !bulk { // the start-up check found the index lost or foreign
		if _, err := e.rebuild(ctx, "reindex (bij start)"); err != nil {
			return err
		}
	}
	x, err := ingest.NewExtractor(o, e.store.Gemeenten())
	if err != nil {
		return err
	}
	p := ingest.NewPipeline(e.store, x, e.ix)
	if bulk {
		p = ingest.NewPipeline(e.store, x, nil) // indexAll indexes them
	}
	p.IngestFiles(ingest.WithProgress(ctx, rep.progress), files, rep.report)
	rep.done()
	if bulk {
		return indexAll(ctx, e, rep.out)
	}
	return nil
}

// bulkMinFiles is the least number of files for which ingest may build
// the index in one go instead of document by document.
const bulkMinFiles = 8

// bulkLoad reports whether ingest should store every file first and then
// build the index from the whole store in one rebuild. That is several
// times faster than one index update per document (each update writes
// segments that the index then merges again), but the rebuild reads the
// whole store: so only when the store holds fewer documents than are
// being loaded, as on a first load such as make run's sample corpus. The
// documents are searchable once the command ends; a load that is killed
// half-way leaves an index that the next start-up check rebuilds.
func bulkLoad(ctx context.Context, e *env, files int) (bool, error) {
	if files < bulkMinFiles {
		return false, nil
	}
	c, err := e.store.Counts(ctx)
	if err != nil {
		return false, err
	}
	return c.Documents < files, nil
}

// indexAll builds the index from the store after a bulk load.
func indexAll(ctx context.Context, e *env, stdout io.Writer) error {
	start := time.Now()
	n, err := e.rebuild(ctx, "reindex (na inlezen)")
	if err != nil {
		return fmt.Errorf("index after loading: %w", err)
	}
	fmt.Fprintf(stdout, "indexed %d documents in one build (%s)\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

// reporter prints one line per file and per page read by OCR and, on a
// terminal, a progress bar. Files are ingested side by side: it takes one
// report at a time.
type reporter struct {
	mu                   sync.Mutex
	out, bar             io.Writer
	total, done_, stored int
	existed, failed      int
	reindexed            int
	start                time.Time
}

func newReporter(stdout, stderr io.Writer, total int) *reporter {
	r := &reporter{out: stdout, total: total, start: time.Now()}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		r.bar = stderr
	}
	return r
}

// progress reports the OCR of a file: its start and each page read. The
// pages of a text layer are read too fast to be worth a line.
func (r *reporter) progress(p ingest.Progress) {
	if p.Text {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clearBar()
	if p.Page == 0 {
		what := fmt.Sprintf("%d pages without a text layer, reading them", p.Total)
		if p.Total == 1 {
			what = "1 page without a text layer, reading it"
		}
		fmt.Fprintf(r.out, "ocr  %s: %s by OCR\n", p.Source, what)
	} else {
		fmt.Fprintf(r.out, "ocr  %s: page %d read (%d of %d)\n", p.Source, p.Page, p.Done, p.Total)
	}
	r.drawBar()
}

func (r *reporter) report(o ingest.Outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done_++
	r.clearBar()
	switch {
	case o.Err != nil:
		r.failed++
		reason := o.Reason
		if reason == "" {
			reason = o.Err.Error()
		}
		fmt.Fprintf(r.out, "FAIL %s: %s%s\n", o.Source, reason, pagesNote(o.Pages))
	case o.Reindexed:
		r.existed++
		r.reindexed++
		fmt.Fprintf(r.out, "same %s: already stored as document %d; missing from the index, indexed again (%d passages)\n",
			o.Source, o.ID, o.Passages)
	case o.Existed:
		r.existed++
		fmt.Fprintf(r.out, "same %s: already stored as document %d\n", o.Source, o.ID)
	default:
		r.stored++
		fmt.Fprintf(r.out, "ok   %s: document %d, %d pages%s, %d passages\n", o.Source, o.ID, o.Pages, ocrNote(o.OCRPages), o.Passages)
	}
	r.drawBar()
}

func (r *reporter) clearBar() {
	if r.bar != nil {
		fmt.Fprint(r.bar, "\r\033[K")
	}
}

func (r *reporter) drawBar() {
	if r.bar == nil || r.total == 0 {
		return
	}
	const width = 30
	filled := width * r.done_ / r.total
	fmt.Fprintf(r.bar, "[%s%s] %d/%d", repeat('#', filled), repeat('.', width-filled), r.done_, r.total)
}

// ocrNote says how many pages were read by OCR, if any.
func ocrNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d read by OCR)", n)
}

func repeat(c byte, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return string(b)
}

func (r *reporter) done() {
	r.clearBar()
	reindexed := ""
	if r.reindexed > 0 {
		reindexed = fmt.Sprintf(" (%d of them indexed again)", r.reindexed)
	}
	fmt.Fprintf(r.out, "%s: %d stored, %d already present%s, %d failed (%s)\n",
		count(r.total, "file", "files"), r.stored, r.existed, reindexed, r.failed, time.Since(r.start).Round(time.Millisecond))
}

// count is "1 file" or "3 files".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
