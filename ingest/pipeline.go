package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// Indexer is what the pipeline and the Curator need of the search index.
type Indexer interface {
	// Add indexes a document, replacing what was indexed for it before.
	Add(ctx context.Context, d corpus.Document, passages []corpus.Passage) error
	// Remove takes a document out of the index; an absent one is no error.
	Remove(ctx context.Context, id int64) error
	// Holds reports whether the index holds d whole: its plan with d's
	// metadata and exactly passages passages.
	Holds(ctx context.Context, d corpus.Document, passages int) (bool, error)
}

// Pipeline extracts, stores and indexes files. It is safe for concurrent use.
type Pipeline struct {
	store *corpus.Store
	x     *Extractor
	ix    Indexer // may be nil: store only
	tags  *tagging
}

// NewPipeline returns a pipeline that stores into store and, when ix is
// not nil, indexes what it stored.
func NewPipeline(store *corpus.Store, x *Extractor, ix Indexer) *Pipeline {
	return &Pipeline{store: store, x: x, ix: ix, tags: newTagging(store.Dir())}
}

// Outcome is what happened to one file.
type Outcome struct {
	Source   string
	ID       int64
	Pages    int // also set for a refused file when known (a scan without text)
	Passages int
	OCRPages int    // pages whose text was read by OCR
	Existed  bool   // the same file was stored before; nothing changed but Reindexed
	Reason   string // why the file was refused, in Dutch; "" when stored
	Err      error
	// Reindexed: the file was stored and published before, but the index
	// lacked it in whole or in part (a crash between store and index), so
	// it was indexed again.
	Reindexed bool
}

// Ingest extracts, stores and indexes one file, published at once. A file
// that fails leaves the store and the index as they were, apart from a
// record of the refusal.
func (p *Pipeline) Ingest(ctx context.Context, name string, data []byte) Outcome {
	return p.ingest(ctx, name, data, corpus.StatusPublished)
}

func (p *Pipeline) ingest(ctx context.Context, name string, data []byte, status corpus.Status) Outcome {
	out := Outcome{Source: name}
	sha := corpus.Digest(data)
	if id, err := p.store.IDBySHA256(ctx, sha); err == nil {
		return p.existing(ctx, out, id)
	}
	ex, err := p.x.Extract(ctx, name, data)
	if err != nil {
		return p.refuse(ctx, out, sha, len(data), err)
	}
	if err := p.tags.apply(ex); err != nil {
		out.Err = err
		return out
	}
	ex.Document.Status = status
	id, existed, err := p.store.Add(ctx, ex.Document, ex.Passages, data)
	if err != nil {
		out.Err = err
		return out
	}
	out.ID, out.Existed, out.Pages, out.Passages = id, existed, ex.Document.Pages, len(ex.Passages)
	out.OCRPages = len(ex.Document.OCRPageNumbers())
	if existed || p.ix == nil {
		return out
	}
	if err := p.index(ctx, id); err != nil {
		out.Err = err
	}
	return out
}

// existing is the outcome for a file stored before. Nothing changes,
// except that a published document the index lacks in whole or in part
// (a process killed between storing and indexing it) is indexed again.
func (p *Pipeline) existing(ctx context.Context, out Outcome, id int64) Outcome {
	d, err := p.store.Document(ctx, id)
	out.ID, out.Existed, out.Pages, out.Err = id, true, d.Pages, err
	if err != nil || p.ix == nil || d.Status != corpus.StatusPublished {
		return out
	}
	ps, err := p.store.Passages(ctx, id)
	if err != nil {
		out.Err = err
		return out
	}
	out.Passages = len(ps)
	whole, err := p.ix.Holds(ctx, d, len(ps))
	if err != nil || whole {
		out.Err = err
		return out
	}
	if err := p.ix.Add(ctx, d, ps); err != nil {
		out.Err = fmt.Errorf("index document %d again: %w", id, err)
		return out
	}
	out.Reindexed = true
	return out
}

// index adds a stored document to the index; when that fails the document
// is taken out of the store again, so the two never disagree.
func (p *Pipeline) index(ctx context.Context, id int64) error {
	d, err := p.store.Document(ctx, id)
	if err == nil {
		var ps []corpus.Passage
		if ps, err = p.store.Passages(ctx, id); err == nil {
			err = p.ix.Add(ctx, d, ps)
		}
	}
	if err != nil {
		if derr := p.store.Delete(context.WithoutCancel(ctx), id); derr != nil {
			return fmt.Errorf("index document %d: %w (and undo: %v)", id, err, derr)
		}
		return fmt.Errorf("index document %d: %w", id, err)
	}
	return nil
}

func (p *Pipeline) refuse(ctx context.Context, out Outcome, sha string, size int, err error) Outcome {
	out.Err = err
	out.Reason = ReasonOf(err)
	var e *Error
	if errors.As(err, &e) {
		out.Pages = e.Pages
	}
	rej := corpus.Rejection{Source: out.Source, SHA256: sha, Size: int64(size), Reason: out.Reason, Pages: out.Pages}
	rerr := p.store.Reject(ctx, rej)
	if rerr != nil {
		out.Err = errors.Join(err, rerr)
	}
	return out
}

// ReasonOf is the short Dutch reason for a refusal, for users.
func ReasonOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return err.Error()
}

// IngestFiles ingests files with one worker per core and calls report
// (from one goroutine at a time) with each outcome as it completes.
// A failing file never stops the others.
func (p *Pipeline) IngestFiles(ctx context.Context, files []string, report func(Outcome)) {
	jobs := make(chan string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				o := p.ingestFile(ctx, f)
				mu.Lock()
				report(o)
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		jobs <- f
	}
	close(jobs)
	wg.Wait()
}

func (p *Pipeline) ingestFile(ctx context.Context, path string) Outcome {
	info, err := os.Stat(path)
	if err != nil {
		return Outcome{Source: path, Err: err, Reason: "bestand niet te lezen"}
	}
	if max := p.x.opts.MaxFileSize; max > 0 && info.Size() > max {
		err := &Error{Reason: fmt.Sprintf("bestand te groot (%d MB; maximaal %d MB)", info.Size()>>20, max>>20), Err: ErrTooLarge}
		return p.refuse(ctx, Outcome{Source: path}, "", int(info.Size()), err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Outcome{Source: path, Err: err, Reason: "bestand niet te lezen"}
	}
	return p.ingest(ctx, path, data, corpus.StatusPublished)
}

// ExpandPaths turns files and directories into the sorted list of files to
// ingest: directories are walked for .pdf, .htm and .html files; files
// named explicitly are taken whatever their name.
func ExpandPaths(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(path))
			if !d.IsDir() && (ext == ".pdf" || ext == ".html" || ext == ".htm") {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}
