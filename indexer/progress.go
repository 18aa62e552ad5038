package indexer

import "context"

type progressKey struct{}

// WithProgress returns a context that makes Rebuild call fn as it reads
// the store: done of the total published documents are indexed. fn is
// called often, from the rebuild's goroutine; it should be quick.
func WithProgress(ctx context.Context, fn func(done, total int)) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

// reportProgress calls the function of WithProgress, if any.
func reportProgress(ctx context.Context, done, total int) {
	if fn, ok := ctx.Value(progressKey{}).(func(done, total int)); ok && fn != nil {
		fn(min(done, total), total)
	}
}

// Rebuilding reports whether a rebuild is running now. It is a hint for
// a caller that wants to say so before it asks; Rebuild itself refuses a
// second run with ErrRebuildRunning.
func (ix *Indexer) Rebuilding() bool {
	if ix.rebuild.TryLock() {
		ix.rebuild.Unlock()
		return false
	}
	return true
}
