//go:build !linux

package ingest

import (
	"fmt"
	"os/exec"
	"runtime"
)

// limitMemory has no hard cap to set on this system; the worker's soft Go
// memory limit is all there is.
func limitMemory(int64) error { return nil }

// hardMemoryLimit says that this system cannot cap a worker's memory.
func hardMemoryLimit() error {
	return fmt.Errorf("the extraction memory limit cannot be enforced on %s: a worker only makes its garbage collector "+
		"work harder near the limit and may grow past it; run on Linux for a hard limit", runtime.GOOS)
}

// ownGroup does nothing here: the worker alone is killed, and programs it
// runs end when they are done.
func ownGroup(*exec.Cmd) {}

// killGroup kills the worker.
func killGroup(cmd *exec.Cmd) { cmd.Process.Kill() }
