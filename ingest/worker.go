package ingest

import (
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/ccv/ivp/corpus"
)

// workerRequest is what Extract sends a worker process on its stdin.
type workerRequest struct {
	Name    string
	Data    []byte
	Options Options // Worker and Fallback are cleared: the worker extracts in-process, the parent falls back
}

// workerReply is what a worker process writes on its stdout: the result,
// or the refusal as the name of its sentinel, reason and message.
type workerReply struct {
	Extracted *Extracted
	Kind      string // the sentinel's text; "" for an error without one
	Reason    string
	Message   string
	Pages     int
}

// ServeWorker is the body of a worker process (see Options.Worker): it
// reads one file from in, extracts it in this process under the memory
// limit of the request and writes the result or the refusal to out. It
// returns an error only when the request cannot be read or the reply not
// written; a refused file is a reply.
func ServeWorker(ctx context.Context, in io.Reader, out io.Writer, gm *corpus.Gemeenten) error {
	var req workerRequest
	if err := gob.NewDecoder(in).Decode(&req); err != nil {
		return fmt.Errorf("extract worker: read request: %w", err)
	}
	req.Options.Worker = nil
	if req.Options.MemoryLimit > 0 {
		// A soft limit below the hard one, so the collector works
		// harder before the parent kills the process.
		debug.SetMemoryLimit(req.Options.MemoryLimit / 10 * 8)
	}
	x, err := NewExtractor(req.Options, gm)
	if err != nil {
		return fmt.Errorf("extract worker: %w", err)
	}
	ex, err := x.Extract(ctx, req.Name, req.Data)
	if err := gob.NewEncoder(out).Encode(replyOf(ex, err)); err != nil {
		return fmt.Errorf("extract worker: write reply for %s: %w", req.Name, err)
	}
	return nil
}

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
