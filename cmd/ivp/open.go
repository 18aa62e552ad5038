package main

import (
	"context"
	"errors"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// env holds the opened store and index of one command.
type env struct {
	store *corpus.Store
	ix    *indexer.Indexer
}

func open(ctx context.Context, c *config) (*env, error) {
	store, err := corpus.Open(ctx, c.storeDir())
	if err != nil {
		return nil, err
	}
	ix, err := indexer.Open(ctx, c.indexDir(), indexer.Options{})
	if err != nil {
		store.Close()
		return nil, err
	}
	return &env{store: store, ix: ix}, nil
}

func (e *env) Close() error {
	return errors.Join(e.ix.Close(), e.store.Close())
}

// rebuild runs an index rebuild as a recorded job.
func (e *env) rebuild(ctx context.Context, name string) (int, error) {
	id, err := e.store.StartJob(ctx, name)
	if err != nil {
		return 0, err
	}
	n, runErr := e.ix.Rebuild(ctx, e.store)
	if err := e.store.FinishJob(context.WithoutCancel(ctx), id, n, runErr); err != nil {
		return n, errors.Join(runErr, err)
	}
	return n, runErr
}
