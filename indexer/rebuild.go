package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// Rebuild builds a fresh generation from every published document in the
// store and swaps it in while searches go on. On failure the serving
// generation stays as it was. It returns the number of plans indexed.
// Only one rebuild runs at a time; a second gets ErrRebuildRunning.
func (ix *Indexer) Rebuild(ctx context.Context, store *corpus.Store) (int, error) {
	if !ix.rebuild.TryLock() {
		return 0, ErrRebuildRunning
	}
	defer ix.rebuild.Unlock()
	defer ix.raiseGCPercent()()
	ix.setTouched(map[int64]bool{})
	defer ix.setTouched(nil)
	gen, err := ix.createGeneration()
	if err != nil {
		return 0, err
	}
	seen, err := ix.fill(ctx, gen, store, nil)
	if ix.afterFill != nil {
		ix.afterFill()
	}
	if err == nil {
		err = ix.swap(ctx, gen, store, seen)
	}
	if err != nil {
		gen.close()
		os.RemoveAll(filepath.Join(ix.dir, gen.name))
		return 0, fmt.Errorf("rebuild: %w", err)
	}
	return len(seen), nil
}

// fill indexes every published document that is not in skip, and returns
// the IDs it has seen (skip included). Reading the store and building
// batches runs beside the flushing of earlier batches: Bleve analyses a
// batch on all cores but builds its segment on the calling goroutine
// only, so one flusher left a core idle for 40% of a rebuild.
func (ix *Indexer) fill(ctx context.Context, gen *generation, store *corpus.Store, skip map[int64]bool) (map[int64]bool, error) {
	docs, err := store.Documents(ctx, corpus.StatusPublished)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for id := range skip {
		seen[id] = true
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	full := make(chan *batch)
	var wg sync.WaitGroup
	for range ix.opts.RebuildWorkers {
		wg.Go(func() {
			for b := range full {
				if err := b.flush(); err != nil {
					cancel(err)
				}
			}
		})
	}
	err = ix.readBatches(ctx, gen, store, docs, seen, full)
	close(full)
	wg.Wait()
	if cerr := context.Cause(ctx); cerr != nil && !errors.Is(cerr, context.Canceled) {
		return nil, cerr
	}
	if err != nil {
		return nil, err
	}
	return seen, nil
}

// readBatches reads the passages of docs not yet seen, and hands batches of
// BatchSize plans to the flushers on full.
func (ix *Indexer) readBatches(ctx context.Context, gen *generation, store *corpus.Store,
	docs []corpus.Document, seen map[int64]bool, full chan<- *batch) error {
	b := ix.newBatch(gen)
	for _, d := range docs {
		if seen[d.ID] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return context.Cause(ctx)
		}
		passages, err := store.Passages(ctx, d.ID)
		if err != nil {
			return err
		}
		b.add(d, passages)
		seen[d.ID] = true
		if b.n >= ix.opts.BatchSize {
			select {
			case full <- b:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			b = ix.newBatch(gen)
		}
	}
	if b.n > 0 {
		select {
		case full <- b:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	return nil
}

// swap catches up with documents stored during the build, then makes gen
// the serving generation and retires the old one.
func (ix *Indexer) swap(ctx context.Context, gen *generation, store *corpus.Store, seen map[int64]bool) error {
	ix.mu.Lock()
	if ix.gen == nil {
		ix.mu.Unlock()
		return ErrClosed
	}
	if _, err := ix.fill(ctx, gen, store, seen); err != nil {
		ix.mu.Unlock()
		return err
	}
	if err := ix.replay(ctx, gen, store); err != nil {
		ix.mu.Unlock()
		return err
	}
	if err := ix.writeCurrent(gen.name); err != nil {
		ix.mu.Unlock()
		return err
	}
	old := ix.gen
	ix.plans.Swap([]bleveIndex{gen.plans}, []bleveIndex{old.plans})
	ix.passages.Swap([]bleveIndex{gen.passages}, []bleveIndex{old.passages})
	ix.gen = gen
	ix.mu.Unlock()
	old.close()
	return os.RemoveAll(filepath.Join(ix.dir, old.name))
}

func (ix *Indexer) setTouched(m map[int64]bool) {
	ix.touchedMu.Lock()
	ix.touched = m
	ix.touchedMu.Unlock()
}

// replay re-reads from the store the documents that Add or Remove changed
// in the serving generation while gen was built (an approval, a
// withdrawal, an edit), so the swap does not undo them. Called with ix.mu
// held, so no new change comes in meanwhile.
func (ix *Indexer) replay(ctx context.Context, gen *generation, store *corpus.Store) error {
	ix.touchedMu.Lock()
	ids := make([]int64, 0, len(ix.touched))
	for id := range ix.touched {
		ids = append(ids, id)
	}
	ix.touchedMu.Unlock()
	for _, id := range ids {
		d, err := store.Document(ctx, id)
		if errors.Is(err, corpus.ErrNotFound) {
			if err := removeFrom(gen, id); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		passages, err := store.Passages(ctx, id)
		if err != nil {
			return err
		}
		if err := ix.addTo(gen, d, passages); err != nil {
			return err
		}
	}
	return nil
}

// raiseGCPercent sets the GC target for a rebuild and returns the undo.
func (ix *Indexer) raiseGCPercent() func() {
	want := ix.opts.RebuildGCPercent
	if want < 0 {
		return func() {}
	}
	prev := debug.SetGCPercent(want)
	if prev < 0 || prev > want { // GC off, or already less eager: keep it
		debug.SetGCPercent(prev)
	}
	return func() { debug.SetGCPercent(prev) }
}
