package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
)

// The crash tests run this test binary as a helper process that submits
// or approves plans through the real service, kill -9 it in the middle,
// reopen the store and index, and check that every change is there whole
// or not at all.

// TestCrashHelper is no test: with IVP_CRASH_HELPER set it is the helper
// process, and it exits when its work is done.
func TestCrashHelper(t *testing.T) {
	mode := os.Getenv("IVP_CRASH_HELPER")
	if mode == "" {
		t.Skip("run by the crash tests as a helper process")
	}
	err := crashHelper(context.Background(), mode, os.Getenv("IVP_CRASH_PAUSE"), os.Stdout)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// crashHelper submits every file named in IVP_CRASH_FILES (mode submit)
// or approves every pending document (mode approve), printing a line as
// each is acknowledged. At the step named pause it prints PAUSE and
// waits to be killed.
func crashHelper(ctx context.Context, mode, pause string, out io.Writer) error {
	var c config
	if _, err := parseArgs(newFlagSet("crash", &c, "data"), nil, io.Discard); err != nil {
		return err
	}
	e, err := open(ctx, &c)
	if err != nil {
		return err
	}
	defer e.Close()
	cur, _, err := e.curation(&c, func(step string) {
		if step == pause {
			fmt.Fprintln(out, "PAUSE", step)
			select {}
		}
	})
	if err != nil {
		return err
	}
	if mode == "approve" {
		items, err := cur.Queue(ctx, corpus.QueueFilter{})
		for _, it := range items {
			if err := cur.Approve(ctx, corpus.User{ID: 1, Email: "c@ccv.nl", Role: corpus.RoleCurator}, it.Document.ID); err != nil {
				return err
			}
			fmt.Fprintln(out, "APPROVED", it.Document.ID)
		}
		return err
	}
	for _, f := range strings.Split(os.Getenv("IVP_CRASH_FILES"), string(os.PathListSeparator)) {
		if err := crashSubmit(ctx, cur, f, out); err != nil {
			return err
		}
	}
	return nil
}

func crashSubmit(ctx context.Context, cur interface {
	Submit(context.Context, corpus.SubmissionInput, io.Reader) (corpus.Submission, error)
}, file string, out io.Writer) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	in := corpus.SubmissionInput{Gemeenten: []string{"GM0363"}, Type: corpus.TypeIVP, PeriodStart: 2024,
		ContactName: "Test", ContactEmail: "test@gemeente.nl", FileName: filepath.Base(file)}
	sub, err := cur.Submit(ctx, in, f)
	if len(corpus.FieldErrorsOf(err)) > 0 && strings.Contains(err.Error(), "al eerder ingediend") {
		return nil // submitted in an earlier run
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "SUBMITTED", sub.Token)
	return nil
}

// helper is a running helper process and the lines it prints.
type helper struct {
	cmd   *exec.Cmd
	lines chan string
}

func startHelper(t *testing.T, data, mode, pause string, files []string) *helper {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
	cmd.Env = append(os.Environ(), "IVP_CRASH_HELPER="+mode, "IVP_CRASH_PAUSE="+pause, "IVP_DATA="+data,
		"IVP_CRASH_FILES="+strings.Join(files, string(os.PathListSeparator)))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helper{cmd: cmd, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	return h
}

// kill ends the helper with SIGKILL and returns the lines it printed.
func (h *helper) kill(t *testing.T) []string {
	t.Helper()
	if err := h.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	h.cmd.Wait()
	var out []string
	for l := range h.lines {
		out = append(out, l)
	}
	return out
}

// waitFor reads lines until one starts with prefix; false at exit.
func (h *helper) waitFor(prefix string, seen *[]string) bool {
	for l := range h.lines {
		*seen = append(*seen, l)
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

func planFiles(t *testing.T, n, seed int) []string {
	t.Helper()
	dir := generate(t, n, seed)
	var files []string
	for _, p := range readTruth(t, dir) {
		files = append(files, filepath.Join(dir, p.File))
	}
	return files
}

func TestCrashDuringSubmission(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	data := t.TempDir()
	files := planFiles(t, 10, 21)
	// A kill after the file is on disk and before its rows are committed.
	h := startHelper(t, data, "submit", "submit:file-stored", files[:1])
	var seen []string
	if !h.waitFor("PAUSE", &seen) {
		t.Fatalf("helper ended without pausing: %v", seen)
	}
	h.kill(t)
	if n := checkStore(t, data, nil); n != 0 {
		t.Fatalf("%d documents after a kill before the commit, want 0", n)
	}
	// Kills at random moments while a plan is being taken in: after a
	// random number of acknowledgements, a random time into the next plan.
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rnd := rand.New(rand.NewPCG(seed, 1))
	var acked []string
	for round := 0; round < 6; round++ {
		h := startHelper(t, data, "submit", "", files)
		var lines []string
		k := rnd.IntN(2)
		for range k {
			h.waitFor("SUBMITTED", &lines)
		}
		wait := time.Duration(rnd.IntN(400)) * time.Millisecond
		time.Sleep(wait)
		acked = append(acked, tokens(append(lines, h.kill(t)...))...)
		n := checkStore(t, data, acked)
		t.Logf("round %d: killed %v after %d new acknowledgements; %d acknowledged, %d stored in all",
			round, wait, k, len(acked), n)
	}
	h = startHelper(t, data, "submit", "", files) // the rest, to the end
	if err := h.cmd.Wait(); err != nil {
		t.Fatalf("last run: %v", err)
	}
	if n := checkStore(t, data, acked); n != len(files) {
		t.Errorf("%d documents in the end, want %d", n, len(files))
	}
}

func tokens(lines []string) []string {
	var out []string
	for _, l := range lines {
		if tok, ok := strings.CutPrefix(l, "SUBMITTED "); ok {
			out = append(out, tok)
		}
	}
	return out
}

func TestCrashDuringApproval(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	data := t.TempDir()
	files := planFiles(t, 3, 22)
	h := startHelper(t, data, "submit", "", files)
	if err := h.cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	// A kill after the store says published and before the index knows.
	h = startHelper(t, data, "approve", "approve:stored", nil)
	var seen []string
	if !h.waitFor("PAUSE", &seen) {
		t.Fatalf("helper ended without pausing: %v", seen)
	}
	h.kill(t)
	if got := checkIndex(t, data); got != 1 {
		t.Errorf("%d published after the kill and the catch-up, want 1", got)
	}
	h = startHelper(t, data, "approve", "", nil)
	time.Sleep(time.Duration(rand.IntN(400)) * time.Millisecond)
	h.kill(t)
	checkStore(t, data, nil)
	checkIndex(t, data)
	h = startHelper(t, data, "approve", "", nil)
	if err := h.cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := checkIndex(t, data); got != len(files) {
		t.Errorf("%d published in the end, want %d", got, len(files))
	}
}

// checkIndex reopens store and index as 'ivp serve' does (with the
// start-up check and the catch-up), and checks that the index holds
// exactly the published plans with their passages. It returns how many
// there are.
func checkIndex(t *testing.T, data string) int {
	t.Helper()
	ctx := context.Background()
	c := config{Data: data}
	e, err := open(ctx, &c)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer e.Close()
	e.catchUp(ctx, slog.New(slog.DiscardHandler))
	return len(verifyAgreement(t, e.store, e.ix).published)
}
