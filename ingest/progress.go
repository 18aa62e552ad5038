package ingest

import (
	"context"
	"sync"
	"time"
)

// Progress is how far the reading of one file has come. OCR reports once
// when it starts (Done 0) and after every page read. With Text set, it is
// a report of the text layer of a PDF instead: after every page read,
// Total being the pages of the file.
type Progress struct {
	Source string // the file's name, as given to Extract
	Page   int    // the page just read; 0 at the start
	Done   int    // pages read so far
	Total  int    // pages the file needs OCR for; with Text, its pages
	Text   bool   // a report of the text layer, not of OCR
}

// progressKey is the context key of the progress callback.
type progressKey struct{}

// WithProgress returns a context under which Extract reports the reading
// of each file to fn, from any goroutine, one call at a time per file: the
// text layer of a PDF page by page, then its OCR. An HTML page reports
// nothing.
func WithProgress(ctx context.Context, fn func(Progress)) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

// progressOf returns the callback under ctx, or one that does nothing.
func progressOf(ctx context.Context) func(Progress) {
	if fn, ok := ctx.Value(progressKey{}).(func(Progress)); ok && fn != nil {
		return fn
	}
	return func(Progress) {}
}

// budget is the time limit of one extraction: Options.Timeout, extended by
// OCRPageTimeout for every page that OCR is started on, so that a long
// scan gets time in proportion to its pages and a hang still ends.
type budget struct {
	ctx    context.Context
	cancel context.CancelCauseFunc
	mu     sync.Mutex
	start  time.Time
	end    time.Time
	timer  *time.Timer
}

// newBudget returns a budget of d under parent; d == 0 is no limit.
func newBudget(parent context.Context, d time.Duration) *budget {
	b := &budget{start: time.Now()}
	b.ctx, b.cancel = context.WithCancelCause(parent)
	if d > 0 {
		b.end = time.Now().Add(d)
		b.timer = time.AfterFunc(d, func() { b.cancel(context.DeadlineExceeded) })
	}
	return b
}

// extend moves the end of the budget d later, unless it has run out.
func (b *budget) extend(d time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.timer == nil || !b.timer.Stop() {
		return
	}
	b.end = b.end.Add(d)
	b.timer.Reset(time.Until(b.end))
}

// expired reports whether the budget ran out (not the parent's context).
func (b *budget) expired() bool {
	return context.Cause(b.ctx) == context.DeadlineExceeded && b.ctx.Err() != nil
}

// stop releases the budget's timer and context.
func (b *budget) stop() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.cancel(context.Canceled)
}

// watch returns ctx with a progress callback that extends the budget by
// perPage × Total when OCR starts, then passes every report on to the
// caller's callback.
func (b *budget) watch(ctx context.Context, perPage time.Duration) context.Context {
	next := progressOf(ctx)
	return WithProgress(b.ctx, func(p Progress) {
		if !p.Text && p.Done == 0 && p.Page == 0 {
			b.extend(time.Duration(p.Total) * perPage)
		}
		next(p)
	})
}
