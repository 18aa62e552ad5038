package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// pollEvery is how often the parent reads a worker's peak memory.
const pollEvery = 20 * time.Millisecond

// stderrTail is how much of a crashed worker's stderr goes into the error.
const stderrTail = 2048

// extractIsolated runs the extraction in a worker process (Options.Worker)
// and kills it when ctx ends or its memory passes Options.MemoryLimit.
func (x *Extractor) extractIsolated(ctx context.Context, name string, data []byte) (*Extracted, error) {
	var req bytes.Buffer
	o := x.opts
	// The worker extracts in-process and without the fallback: the
	// fallback runs once, here, after a refusal (see Extract).
	o.Worker, o.Fallback = nil, ""
	if err := gob.NewEncoder(&req).Encode(workerRequest{Name: name, Data: data, Options: o}); err != nil {
		return nil, fmt.Errorf("extract %s: encode request: %w", name, err)
	}
	var stdout bytes.Buffer
	stderr := &tailBuffer{max: stderrTail}
	cmd := exec.Command(x.opts.Worker[0], x.opts.Worker[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = &req, &stdout, stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("extract %s: start worker: %w", name, err)
	}
	done := make(chan struct{})
	verdict := watch(ctx, cmd.Process, x.opts.MemoryLimit, done)
	werr := cmd.Wait()
	close(done)
	if err := <-verdict; err != nil {
		return nil, x.killed(name, err)
	}
	if werr != nil {
		return nil, fail(name, ErrPanic, fmt.Errorf("worker: %w: %s", werr, stderr.String()))
	}
	var rep workerReply
	if err := gob.NewDecoder(&stdout).Decode(&rep); err != nil {
		return nil, fail(name, ErrPanic, fmt.Errorf("worker reply: %w: %s", err, stderr.String()))
	}
	return rep.result()
}

// killed is the error for a worker killed for reason why: the memory
// limit, or the end of ctx (which Extract turns into ErrTimeout when it
// was the file's time limit).
func (x *Extractor) killed(name string, why error) error {
	if errors.Is(why, ErrMemory) {
		return fail(name, ErrMemory, fmt.Errorf("more than %d MiB", x.opts.MemoryLimit>>20))
	}
	return fmt.Errorf("extract %s: worker stopped: %w", name, why)
}

// watch kills p when ctx ends or p's peak resident memory exceeds limit,
// until done is closed. The returned channel gets why p was killed, or nil.
func watch(ctx context.Context, p *os.Process, limit int64, done <-chan struct{}) <-chan error {
	verdict := make(chan error, 1)
	go func() {
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				verdict <- nil
				return
			case <-ctx.Done():
				p.Kill()
				verdict <- ctx.Err()
				return
			case <-tick.C:
				if peak, ok := peakMemory(p.Pid); ok && peak > limit {
					p.Kill()
					verdict <- ErrMemory
					return
				}
			}
		}
	}()
	return verdict
}

// peakMemory reads the peak resident set size of process pid in bytes
// (VmHWM in /proc/PID/status, so a spike between two polls counts too);
// ok is false where /proc is not available.
func peakMemory(pid int) (int64, bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		kb, ok := strings.CutPrefix(sc.Text(), "VmHWM:")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), 10, 64)
		return n << 10, err == nil
	}
	return 0, false
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return strings.TrimSpace(string(t.b)) }
