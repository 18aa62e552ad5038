package ingest

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// stderrHead is how much of a crashed worker's stderr goes into the error:
// the start, where the Go runtime writes why it stopped.
const stderrHead = 2048

// extractIsolated runs the extraction in a worker process (Options.Worker)
// and kills it, with the OCR programs it runs, when ctx ends. The worker holds itself to
// Options.MemoryLimit (see startWorker); a worker that stops for want of
// memory gives ErrMemory. The file goes to the worker as its path, or
// streamed from in.data; the reply is decoded as it arrives.
func (x *Extractor) extractIsolated(ctx context.Context, name string, in input) (*Extracted, error) {
	stdin, err := x.workerInput(name, in)
	if err != nil {
		return nil, err
	}
	stderr := &headBuffer{max: stderrHead}
	// The worker's temporary files (the PDF that OCR renders from) go in a
	// directory of its own, removed here even when the worker is killed.
	tmp, err := os.MkdirTemp("", "ivp-worker-*")
	if err != nil {
		return nil, fmt.Errorf("extract %s: worker directory: %w", name, err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command(x.opts.Worker[0], x.opts.Worker[1:]...)
	cmd.Stdin, cmd.Stderr, cmd.Env = stdin, stderr, append(os.Environ(), "TMPDIR="+tmp)
	ownGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("extract %s: worker output: %w", name, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("extract %s: start worker: %w", name, err)
	}
	stop := context.AfterFunc(ctx, func() { killGroup(cmd) })
	rep, rerr := readReply(ctx, gob.NewDecoder(stdout))
	io.Copy(io.Discard, stdout) // to EOF, so Wait may close the pipe
	werr := cmd.Wait()
	if !stop() && werr != nil {
		return nil, fmt.Errorf("extract %s: worker stopped: %w", name, ctx.Err())
	}
	switch {
	case werr != nil && stderr.outOfMemory():
		return nil, fail(name, ErrMemory, fmt.Errorf("more than %d MiB", x.opts.MemoryLimit>>20))
	case werr != nil:
		return nil, fail(name, ErrPanic, fmt.Errorf("worker: %w: %s", werr, stderr.String()))
	case rerr != nil:
		return nil, fail(name, ErrPanic, fmt.Errorf("worker reply: %w: %s", rerr, stderr.String()))
	}
	return rep.result()
}

// readReply reads the worker's progress reports, passing them on to the
// progress callback of ctx, and then its reply.
func readReply(ctx context.Context, dec *gob.Decoder) (workerReply, error) {
	report := progressOf(ctx)
	for {
		var rep workerReply
		if err := dec.Decode(&rep); err != nil || rep.Progress == nil {
			return rep, err
		}
		report(*rep.Progress)
	}
}

// workerInput is what the worker reads on stdin: the request, followed by
// the file's bytes unless the worker reads the file itself.
func (x *Extractor) workerInput(name string, in input) (io.Reader, error) {
	o := x.opts
	// The worker extracts in-process and without the fallback: the
	// fallback runs once, here, after a refusal (see Extract).
	o.Worker, o.Fallback = nil, ""
	req := workerRequest{Name: name, Path: in.path, Size: int64(len(in.data)), Options: o}
	var head bytes.Buffer
	if err := gob.NewEncoder(&head).Encode(req); err != nil {
		return nil, fmt.Errorf("extract %s: encode request: %w", name, err)
	}
	if in.path != "" {
		return &head, nil
	}
	return io.MultiReader(&head, bytes.NewReader(in.data)), nil
}

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	max int
	b   []byte
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) String() string { return strings.TrimSpace(string(h.b)) }

// outOfMemory reports whether the worker stopped because its memory ran
// out under the hard limit (see limitMemory). The Go runtime then says so
// ("out of memory", "cannot allocate memory"), cannot start a thread (whose
// stack counts against the limit), or, where one of its own allocations
// goes unchecked, dies of a segmentation fault inside the runtime. A panic
// in a parser is none of these: it is recovered and answered.
func (h *headBuffer) outOfMemory() bool {
	for _, msg := range []string{"fatal error: runtime: out of memory", "fatal error: out of memory",
		"fatal error: runtime: cannot allocate memory", "runtime/cgo: pthread_create failed",
		"runtime: failed to create new OS thread"} {
		if bytes.Contains(h.b, []byte(msg)) {
			return true
		}
	}
	if !bytes.HasPrefix(h.b, []byte("SIGSEGV: segmentation violation")) {
		return false
	}
	// The first frame of the crashed goroutine is the runtime's own.
	_, rest, _ := bytes.Cut(h.b, []byte("\ngoroutine "))
	_, frame, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.HasPrefix(frame, []byte("runtime."))
}
