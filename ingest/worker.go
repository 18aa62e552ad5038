package ingest

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// workerRequest is what Extract sends a worker process on its stdin, as
// gob. Unless Path is set, the Size bytes of the file follow it raw, so
// that the parent streams them from where they are instead of encoding a
// copy.
type workerRequest struct {
	Name    string
	Path    string // the file to extract, read by the worker; "" when its bytes follow
	Size    int64
	Options Options // Worker and Fallback are cleared: the worker extracts in-process, the parent falls back
}

// workerReply is what a worker process writes on its stdout: progress
// reports of OCR, and last the result, or the refusal as the name of its
// sentinel, reason and message.
type workerReply struct {
	Progress  *Progress // set: a progress report, more replies follow
	Extracted *Extracted
	Kind      string // the sentinel's text; "" for an error without one
	Reason    string
	Message   string
	Pages     int
}

// ServeWorker is the body of a worker process (see Options.Worker): it
// reads one request from in, holds this process to the memory limit of the
// request, extracts the file in this process and writes the result or the
// refusal to out. It returns an error only when the request cannot be read
// or the reply not written; a refused file is a reply.
func ServeWorker(ctx context.Context, in io.Reader, out io.Writer, gm *corpus.Gemeenten) error {
	br := bufio.NewReader(in)
	req, err := startWorker(br)
	if err != nil {
		return err
	}
	x, err := NewExtractor(req.Options, gm)
	if err != nil {
		return fmt.Errorf("extract worker: %w", err)
	}
	enc := &replyWriter{enc: gob.NewEncoder(out)}
	ctx = WithProgress(ctx, enc.progress)
	var ex *Extracted
	if req.Path != "" {
		ex, err = x.ExtractFile(ctx, req.Name, req.Path)
	} else {
		ex, err = x.extractStream(ctx, req, br)
	}
	if err := enc.write(replyOf(ex, err)); err != nil {
		return fmt.Errorf("extract worker: write reply for %s: %w", req.Name, err)
	}
	return nil
}

// replyWriter writes a worker's replies, one at a time: progress comes
// from the goroutines that read pages by OCR.
type replyWriter struct {
	mu  sync.Mutex
	enc *gob.Encoder
}

func (w *replyWriter) write(r workerReply) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.enc.Encode(r)
}

// progress sends a progress report; a failed write shows at the reply.
func (w *replyWriter) progress(p Progress) { w.write(workerReply{Progress: &p}) }

// startWorker reads the request and, before any of the file is read,
// holds this process to the request's memory limit: a hard limit where
// the system has one (see HardMemoryLimit), and below it a soft limit, so
// that the collector works harder before allocations fail.
func startWorker(br *bufio.Reader) (workerRequest, error) {
	var req workerRequest
	if err := gob.NewDecoder(br).Decode(&req); err != nil {
		return req, fmt.Errorf("extract worker: read request: %w", err)
	}
	req.Options.Worker, req.Options.Fallback = nil, ""
	if n := req.Options.MemoryLimit; n > 0 {
		if err := limitMemory(n); err != nil {
			return req, fmt.Errorf("extract worker: %w", err)
		}
		debug.SetMemoryLimit(n / 10 * 8)
	}
	return req, nil
}

// extractStream extracts the req.Size bytes that follow the request.
func (x *Extractor) extractStream(ctx context.Context, req workerRequest, br *bufio.Reader) (*Extracted, error) {
	if req.Size < 0 || req.Size > x.opts.MaxFileSize {
		return nil, fail(req.Name, ErrTooLarge, fmt.Errorf("%d bytes, at most %d", req.Size, x.opts.MaxFileSize))
	}
	data := make([]byte, req.Size)
	if _, err := io.ReadFull(br, data); err != nil {
		return nil, fmt.Errorf("extract worker: read %s: %w", req.Name, err)
	}
	return x.Extract(ctx, req.Name, data)
}

// HardMemoryLimit reports whether the operating system holds worker
// processes to Options.MemoryLimit, so that a file whose extraction needs
// more is stopped at its first allocation past the limit. When it cannot,
// the error says so and what holds instead, for the operator's log.
func HardMemoryLimit() error { return hardMemoryLimit() }

// replyOf turns a result of Extract into a reply.
func replyOf(ex *Extracted, err error) workerReply {
	if err == nil {
		return workerReply{Extracted: ex}
	}
	r := workerReply{Reason: ReasonOf(err), Message: err.Error()}
	var e *Error
	if errors.As(err, &e) {
		r.Pages, r.Message = e.Pages, e.Err.Error()
	}
	for _, s := range sentinels() {
		if errors.Is(err, s) {
			r.Kind = s.Error()
			break
		}
	}
	return r
}

// result turns a reply back into what Extract returns.
func (r workerReply) result() (*Extracted, error) {
	if r.Kind == "" && r.Message == "" {
		if r.Extracted == nil {
			return nil, errors.New("extract worker: empty reply")
		}
		return r.Extracted, nil
	}
	for _, s := range sentinels() {
		if s.Error() == r.Kind {
			return nil, &Error{Reason: r.Reason, Pages: r.Pages, Err: remoteError{s, r.Message}}
		}
	}
	return nil, errors.New(r.Message)
}

// remoteError is an error that happened in a worker process: its message
// as written there, wrapping the sentinel it wrapped there.
type remoteError struct {
	kind error
	msg  string
}

func (e remoteError) Error() string { return e.msg }
func (e remoteError) Unwrap() error { return e.kind }
