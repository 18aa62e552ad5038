package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/corpus"
)

// ErrRebuildRunning is returned when a rebuild is asked for while one runs.
var ErrRebuildRunning = errors.New("a rebuild is already running")

// ErrClosed is returned after Close.
var ErrClosed = errors.New("index closed")

// Options tune indexing.
type Options struct {
	// BatchSize is how many plans go into one Bleve batch. Default 100:
	// with two batches written at a time, 100 was as fast at 300,000
	// passages as 200 and kept the peak memory of a rebuild near what one
	// batch of 200 took.
	BatchSize int
	// RebuildWorkers is how many batches a rebuild writes at the same
	// time. Default: the number of usable cores, at most 4. Each batch in
	// flight holds its analysed text in memory.
	RebuildWorkers int
}

// Validate fills defaults and checks the options.
func (o *Options) Validate() error {
	if o.BatchSize == 0 {
		o.BatchSize = 100
	}
	if o.RebuildWorkers == 0 {
		o.RebuildWorkers = min(runtime.GOMAXPROCS(0), 4)
	}
	if o.RebuildWorkers < 1 {
		return fmt.Errorf("indexer: rebuild workers must be positive, got %d", o.RebuildWorkers)
	}
	if o.BatchSize < 1 {
		return fmt.Errorf("indexer: batch size must be positive, got %d", o.BatchSize)
	}
	return nil
}

// Indexer owns the serving indexes under one directory. Searches read
// through View; Add, Remove and Rebuild write. It is safe for concurrent
// use. It never changes process-wide settings such as the GC target: it
// runs inside the server.
type Indexer struct {
	dir  string
	opts Options

	rebuild sync.Mutex // held for the whole of a rebuild

	// writers: Add and Remove share it; a rebuild's last replay and swap,
	// and Close, hold it alone. Taken before mu.
	writers sync.RWMutex
	mu      sync.RWMutex  // readers: View, Add and Remove; writer: the switch to a new generation, Close
	edits   atomic.Uint64 // Add and Remove calls, for Snapshot.Generation

	docs    corpus.DocLocks // one Add or Remove at a time per document
	readers readers         // the Views running, for deletions that must wait for them

	inwoners *corpus.Inwoners // population per gemeente, for FieldKlasse

	touchedMu sync.Mutex
	touched   map[int64]bool // documents Add or Remove changed during a rebuild; nil outside one
	afterFill func()         // test hook: runs between a rebuild's fill and its catch-up
	inCatchUp func()         // test hook: runs as each replay of a rebuild's catch-up begins
	plans     bleve.IndexAlias
	passages  bleve.IndexAlias
	gen       *generation
}

// generation is one pair of indexes built together, in dir/<name>/.
type generation struct {
	name     string
	plans    bleve.Index
	passages bleve.Index
	mapping  string // MappingVersion it was built with
}

func (g *generation) close() error {
	return errors.Join(g.plans.Close(), g.passages.Close())
}

// Open opens the current generation under dir, creating an empty one when
// there is none. Generation directories left over by an interrupted
// rebuild are removed, and so are passages an interrupted update left
// retired (see Add).
func Open(ctx context.Context, dir string, o Options) (*Indexer, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	in, err := corpus.LoadInwoners()
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix := &Indexer{dir: dir, opts: o, inwoners: in}
	ix.readers.changed.L = &ix.readers.mu
	gen, err := ix.openCurrent()
	if err != nil {
		return nil, err
	}
	if err := purgeRetired(gen); err != nil {
		gen.close()
		return nil, err
	}
	ix.gen = gen
	ix.plans = bleve.NewIndexAlias(gen.plans)
	ix.passages = bleve.NewIndexAlias(gen.passages)
	ix.removeStale(gen.name)
	return ix, nil
}

func (ix *Indexer) openCurrent() (*generation, error) {
	b, err := os.ReadFile(filepath.Join(ix.dir, "CURRENT"))
	if errors.Is(err, os.ErrNotExist) {
		gen, err := ix.createGeneration()
		if err != nil {
			return nil, err
		}
		return gen, ix.writeCurrent(gen.name)
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	name := strings.TrimSpace(string(b))
	gen, err := openGeneration(filepath.Join(ix.dir, name))
	if errors.Is(err, ErrLocked) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("open index generation %s (run 'ivp reindex' to rebuild it): %w", name, err)
	}
	gen.name = name
	b, _ = os.ReadFile(filepath.Join(ix.dir, name, "MAPPING"))
	gen.mapping = strings.TrimSpace(string(b))
	return gen, nil
}

// ErrLocked is returned when another process (a running server) has the
// index open.
var ErrLocked = errors.New("index is in use by another process (is 'ivp serve' running?)")

// openConfig makes a second process fail fast instead of waiting forever
// for the file lock that the first one holds.
var openConfig = map[string]any{"bolt_timeout": "2s"}

func openGeneration(dir string) (*generation, error) {
	plans, err := bleve.OpenUsing(filepath.Join(dir, "plans"), openConfig)
	if err != nil && strings.Contains(err.Error(), "timeout") {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, err
	}
	passages, err := bleve.OpenUsing(filepath.Join(dir, "passages"), openConfig)
	if err != nil {
		plans.Close()
		return nil, err
	}
	return &generation{plans: plans, passages: passages}, nil
}

// writeCurrent records the serving generation: temp file, fsync, rename.
func (ix *Indexer) writeCurrent(name string) error {
	tmp := filepath.Join(ix.dir, "CURRENT.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write CURRENT: %w", err)
	}
	_, werr := f.WriteString(name + "\n")
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		return fmt.Errorf("write CURRENT: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(ix.dir, "CURRENT")); err != nil {
		return fmt.Errorf("write CURRENT: %w", err)
	}
	return nil
}

// removeStale deletes generation directories other than keep.
func (ix *Indexer) removeStale(keep string) {
	entries, _ := os.ReadDir(ix.dir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != keep {
			os.RemoveAll(filepath.Join(ix.dir, e.Name()))
		}
	}
}

// Snapshot is what a search reads: the plan and passage indexes of one
// generation, valid until the function given to View returns.
type Snapshot struct {
	Plans    bleve.Index
	Passages bleve.Index
	// Generation changes with every swap and every Add or Remove: a key
	// for caches of search results.
	Generation string
}

// View runs fn with a consistent pair of indexes. A swap waits until fn
// returns, so the indexes fn sees are never closed under it; an update
// of a plan deletes the passages fn may still look for only after fn has
// returned (see Add).
func (ix *Indexer) View(fn func(Snapshot) error) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return ErrClosed
	}
	defer ix.readers.leave(ix.readers.enter())
	return fn(Snapshot{Plans: ix.plans, Passages: ix.passages, Generation: ix.gen.name + "#" + strconv.FormatUint(ix.edits.Load(), 10)})
}

// readers counts the Views running by the epoch they began in, so that a
// writer can wait for the Views that may have seen what it is about to
// delete without holding up the Views that begin meanwhile.
type readers struct {
	mu      sync.Mutex
	changed sync.Cond // signalled when a View ends; L is mu
	epoch   uint64
	running map[uint64]int // epoch → Views begun in it and still running
}

func (r *readers) enter() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.running == nil {
		r.running = map[uint64]int{}
	}
	r.running[r.epoch]++
	return r.epoch
}

func (r *readers) leave(epoch uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.running[epoch]--; r.running[epoch] == 0 {
		delete(r.running, epoch)
	}
	r.changed.Broadcast()
}

// wait returns once every View that began before the call has ended.
func (r *readers) wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	last := r.epoch
	r.epoch++
	for r.runningFrom(last) {
		r.changed.Wait()
	}
}

// runningFrom reports whether a View begun in epoch last or earlier is
// still running.
func (r *readers) runningFrom(last uint64) bool {
	for e := range r.running {
		if e <= last {
			return true
		}
	}
	return false
}

// Ready reports whether the index can answer queries.
func (ix *Indexer) Ready(ctx context.Context) error {
	return ix.View(func(s Snapshot) error {
		_, err := s.Plans.DocCount()
		return err
	})
}

// Stale reports whether the serving generation was built with another
// mapping than this binary's, so that a rebuild is due.
func (ix *Indexer) Stale() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen != nil && ix.gen.mapping != MappingVersion
}

// DocCount returns the number of plans in the serving index.
func (ix *Indexer) DocCount() (uint64, error) {
	var n uint64
	err := ix.View(func(s Snapshot) error {
		var err error
		n, err = s.Plans.DocCount()
		return err
	})
	return n, err
}

// Counts returns the number of plans and of passages in the serving
// index.
func (ix *Indexer) Counts() (plans, passages uint64, err error) {
	err = ix.View(func(s Snapshot) error {
		if plans, err = s.Plans.DocCount(); err != nil {
			return err
		}
		passages, err = s.Passages.DocCount()
		return err
	})
	return plans, passages, err
}

// Close closes the serving indexes. Later calls to View return ErrClosed.
func (ix *Indexer) Close() error {
	ix.writers.Lock()
	defer ix.writers.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.gen == nil {
		return nil
	}
	err := ix.gen.close()
	ix.gen = nil
	return err
}
