package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// Rebuild builds a fresh generation from every published document in the
// store and swaps it in while searches go on. On failure the serving
// generation stays as it was. It returns the number of plans indexed.
// Only one rebuild runs at a time; a second gets ErrRebuildRunning.
//
// What changed in the store during the build is caught up on before the
// swap while searches and curator changes go on. Only the changes of the
// last moments are replayed while Add and Remove wait, and searches wait
// only for the switch itself.
func (ix *Indexer) Rebuild(ctx context.Context, store *corpus.Store) (int, error) {
	if !ix.rebuild.TryLock() {
		return 0, ErrRebuildRunning
	}
	defer ix.rebuild.Unlock()
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
		seen, err = ix.catchUp(ctx, gen, store, seen)
	}
	if err == nil {
		err = ix.swap(ctx, gen, store)
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
		reportProgress(ctx, len(seen), len(docs))
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

// catchUpRounds bounds the rounds of the catch-up before the swap; a
// round that replays at most smallCatchUp documents, or no fewer than the
// round before, is the last.
const (
	catchUpRounds = 4
	smallCatchUp  = 8
)

// catchUp brings gen up to date with what changed while it was filled:
// documents published in the store meanwhile, and the documents that Add
// or Remove changed in the serving generation. Neither searches nor Add
// and Remove wait for it; what changes during it is left for the swap.
func (ix *Indexer) catchUp(ctx context.Context, gen *generation, store *corpus.Store, seen map[int64]bool) (map[int64]bool, error) {
	seen, err := ix.fill(ctx, gen, store, seen)
	if err != nil {
		return nil, err
	}
	last := -1
	for range catchUpRounds {
		ids := ix.takeTouched()
		if err := ix.replay(ctx, gen, store, ids); err != nil {
			return nil, err
		}
		if len(ids) <= smallCatchUp || last >= 0 && len(ids) >= last {
			break
		}
		last = len(ids)
	}
	return seen, nil
}

// swap replays the changes made since the catch-up, then makes gen the
// serving generation and retires the old one. Add and Remove wait while
// it replays; searches wait only while the aliases are switched (and for
// the searches that still read the old generation).
func (ix *Indexer) swap(ctx context.Context, gen *generation, store *corpus.Store) error {
	ix.writers.Lock()
	defer ix.writers.Unlock()
	if err := ix.replay(ctx, gen, store, ix.takeTouched()); err != nil {
		return err
	}
	ix.mu.RLock()
	closed := ix.gen == nil
	ix.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	if err := ix.writeCurrent(gen.name); err != nil {
		return err
	}
	ix.mu.Lock()
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

// takeTouched returns the documents that Add or Remove changed since the
// last call, and starts a new set.
func (ix *Indexer) takeTouched() []int64 {
	ix.touchedMu.Lock()
	defer ix.touchedMu.Unlock()
	ids := make([]int64, 0, len(ix.touched))
	for id := range ix.touched {
		ids = append(ids, id)
	}
	ix.touched = map[int64]bool{}
	return ids
}

// replay re-reads the documents ids from the store into gen (an approval,
// a withdrawal, an edit made in the serving generation while gen was
// built), so the swap does not undo them. The store is the truth: each
// document goes in as it is stored now, or out when it is gone or no
// longer published. Nobody reads gen yet, so it writes BatchSize
// documents per batch, with their deletions.
func (ix *Indexer) replay(ctx context.Context, gen *generation, store *corpus.Store, ids []int64) error {
	if ix.inCatchUp != nil {
		ix.inCatchUp()
	}
	b := ix.newBatch(gen)
	for i, id := range ids {
		d, passages, err := stored(ctx, store, id)
		if err != nil {
			return err
		}
		gone, err := b.put(d, passages)
		if err != nil {
			return fmt.Errorf("replay document %d: %w", id, err)
		}
		for _, k := range gone {
			b.passages.Delete(k)
		}
		if (i+1)%ix.opts.BatchSize == 0 {
			if err := b.write(); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
		}
	}
	if err := b.write(); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	return nil
}

// stored is document id as the store has it now, with its passages when
// it is published; a document the store no longer has comes back with
// only its ID (not published).
func stored(ctx context.Context, store *corpus.Store, id int64) (corpus.Document, []corpus.Passage, error) {
	d, err := store.Document(ctx, id)
	if errors.Is(err, corpus.ErrNotFound) {
		return corpus.Document{ID: id}, nil, nil
	}
	if err != nil || d.Status != corpus.StatusPublished {
		return d, nil, err
	}
	passages, err := store.Passages(ctx, id)
	return d, passages, err
}
