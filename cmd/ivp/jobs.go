package main

import (
	"context"
	"sync"
	"time"

	"github.com/ccv/ivp/corpus"
)

// progressEvery is how often a running job writes its progress to the
// store, where the jobs page reads it.
const progressEvery = 500 * time.Millisecond

// jobProgress returns a function that records the progress of job id in
// store, at most every progressEvery, and always the last of a run.
func jobProgress(ctx context.Context, store *corpus.Store, id int64) func(done, total int) {
	var mu sync.Mutex
	var last time.Time
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done < total && time.Since(last) < progressEvery {
			return
		}
		last = time.Now()
		_ = store.JobProgress(context.WithoutCancel(ctx), id, done, total) // progress is a display only
	}
}
