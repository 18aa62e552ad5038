package ingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ccv/ivp/corpus"
)

// refusalKept is how long the reason a draft was refused stays in memory,
// so that its link can say why; the draft itself is deleted at once.
const refusalKept = time.Hour

// maxDraftReads is how often the reading of one draft is started: a
// restart during a read starts it once more, and a plan whose reading
// was cut off twice is given up (it may be what stops the server).
const maxDraftReads = 2

// readFunc reads one draft, reporting its progress.
type readFunc func(ctx context.Context, report func(corpus.DraftProgress)) error

// draftReads reads the drafts of the kwaliteitstoets in the background,
// a bounded number at a time, the others waiting their turn in order of
// arrival. It keeps in memory how far each read has come (by draft id)
// and, for refusalKept, why a refused draft was refused (by the DraftKey
// of its token): nothing else of a refused draft is kept.
type draftReads struct {
	ctx    context.Context // ends with close: the reads stop, their drafts stay unread
	cancel context.CancelFunc
	wg     sync.WaitGroup
	turns  chan struct{} // a read holds one while it runs
	queue  int           // how many drafts may wait

	mu       sync.Mutex
	waiting  int
	progress map[int64]corpus.DraftProgress
	refused  map[string]refusal
}

// refusal is why a draft was refused, until when that is told.
type refusal struct {
	err   error
	until time.Time
}

func newDraftReads(jobs, queue int) *draftReads {
	r := &draftReads{turns: make(chan struct{}, jobs), queue: queue,
		progress: map[int64]corpus.DraftProgress{}, refused: map[string]refusal{}}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	return r
}

// admit takes a place in the queue for a new upload, or answers
// corpus.ErrBusy when the queue is full (unless always, for the drafts a
// restart resumes); release gives it back unused.
func (r *draftReads) admit(always bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !always && r.waiting >= r.queue {
		return fmt.Errorf("read draft: %d waiting: %w", r.waiting, corpus.ErrBusy)
	}
	r.waiting++
	return nil
}

func (r *draftReads) release() {
	r.mu.Lock()
	r.waiting--
	r.mu.Unlock()
}

// start reads draft id in the background with read, on a place in the
// queue taken with admit; when read fails, onFail removes the draft and
// the failure is remembered under key.
func (r *draftReads) start(id int64, key string, read readFunc, onFail func(context.Context) error) {
	r.set(id, corpus.DraftProgress{Step: corpus.StepReceived})
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer r.forget(id)
		select {
		case r.turns <- struct{}{}:
		case <-r.ctx.Done():
			r.release()
			return
		}
		r.release()
		defer func() { <-r.turns }()
		err := guarded(r.ctx, read, func(p corpus.DraftProgress) { r.set(id, p) })
		if err == nil || r.ctx.Err() != nil {
			return // stopped: the draft stays unread and is read again at the next start
		}
		if derr := onFail(r.ctx); derr != nil {
			err = fmt.Errorf("%w; %w", err, derr)
		}
		r.refuse(key, err)
	}()
}

// guarded runs read, turning a panic into the draft's error.
func guarded(ctx context.Context, read readFunc, report func(corpus.DraftProgress)) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fieldErr(corpus.FieldFile, "Het plan kon niet worden gelezen: "+ReasonOf(fmt.Errorf("%w: %v", ErrPanic, v))+".")
		}
	}()
	return read(ctx, report)
}

func (r *draftReads) set(id int64, p corpus.DraftProgress) {
	r.mu.Lock()
	r.progress[id] = p
	r.mu.Unlock()
}

func (r *draftReads) forget(id int64) {
	r.mu.Lock()
	delete(r.progress, id)
	r.mu.Unlock()
}

// progressOf is how far the reading of draft id has come: ontvangen when
// it has not started (it waits, or a restart has not resumed it yet).
func (r *draftReads) progressOf(id int64) corpus.DraftProgress {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p, ok := r.progress[id]; ok {
		return p
	}
	return corpus.DraftProgress{Step: corpus.StepReceived}
}

// refuse remembers why the draft of key was refused, and forgets the
// reasons whose time is up.
func (r *draftReads) refuse(key string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	for k, f := range r.refused {
		if now.After(f.until) {
			delete(r.refused, k)
		}
	}
	r.refused[key] = refusal{err: err, until: now.Add(refusalKept)}
}

// refusalOf is why the draft of key was refused; nil when it was not, or
// longer than refusalKept ago.
func (r *draftReads) refusalOf(key string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f, ok := r.refused[key]; ok && time.Now().Before(f.until) {
		return f.err
	}
	return nil
}

// close stops the reads and waits for them to end.
func (r *draftReads) close() {
	r.cancel()
	r.wg.Wait()
}
