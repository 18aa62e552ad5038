//go:build linux

package ingest

import (
	"fmt"
	"os/exec"
	"syscall"
)

// limitMemory caps the data memory of this process (heap, stacks and the
// data segment: RLIMIT_DATA, which Linux applies to anonymous mappings
// too) at n bytes. Past it an allocation fails at once and the Go runtime
// stops with "fatal error: runtime: out of memory", which the parent
// reports as ErrMemory. A stricter cap already in place is kept.
func limitMemory(n int64) error {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_DATA, &rl); err != nil {
		return fmt.Errorf("memory limit: %w", err)
	}
	want := min(uint64(n), rl.Max)
	rl.Cur, rl.Max = want, want
	if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &rl); err != nil {
		return fmt.Errorf("memory limit %d bytes: %w", n, err)
	}
	return nil
}

// hardMemoryLimit is nil: Linux enforces limitMemory.
func hardMemoryLimit() error { return nil }

// ownGroup starts cmd in a process group of its own, so that killGroup
// reaches the programs it runs (pdftoppm, tesseract) too.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// killGroup kills cmd's process group: the worker and its OCR programs.
func killGroup(cmd *exec.Cmd) {
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		cmd.Process.Kill()
	}
}
