package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// The crash sweep runs the real ivp binary on one data directory and
// kills it (SIGKILL, with its extraction workers) at random moments of an
// ingest, of curators' approvals and withdrawals (with the scheduled
// rebuild running every second beside them) and of 'ivp reindex'. After
// each kill 'ivp serve' starts again, and once it listens, store and
// index must agree: every published plan with all its passages, nothing
// else, and no job left running. IVP_CRASH_ROUNDS sets the number of
// kills (default 15; 'make bench' runs 50).

const sweepPassword = "crash-sweep-wachtwoord"

// sweep is the state of one crash sweep.
type sweep struct {
	bin, data string
	files     []string
	rnd       *rand.Rand
	window    map[string]time.Duration // how long the last whole run of an operation took
	state     agreement
	repairs   int // restarts that logged a repair of the index
	marked    int // jobs marked onderbroken at a restart
}

func TestCrashSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ivp and kills it")
	}
	rounds := 15
	if v := os.Getenv("IVP_CRASH_ROUNDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("IVP_CRASH_ROUNDS=%q: want a positive number", v)
		}
		rounds = n
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d rounds", seed, rounds)
	s := &sweep{bin: buildIVP(t), data: t.TempDir(), files: planFiles(t, 8+rounds/2, 31),
		rnd: rand.New(rand.NewPCG(seed, 2)),
		window: map[string]time.Duration{"ingest": 3 * time.Second, "curate": 2 * time.Second,
			"reindex": 2 * time.Second}}
	s.addCurator(t)
	start := time.Now()
	ops := []string{"ingest", "curate", "reindex"}
	for round := range rounds {
		op := ops[round%len(ops)]
		killed, after := s.run(t, op)
		repaired := s.restart(t)
		t.Logf("round %d: %s %s after %v; restart: %s; now %d published (%d passages), %d withdrawn",
			round, op, map[bool]string{true: "killed", false: "finished"}[killed], after.Round(time.Millisecond),
			repaired, len(s.state.published), s.state.passages, len(s.state.withdrawn))
		if t.Failed() {
			t.Fatalf("store and index disagree after round %d", round)
		}
	}
	t.Logf("%d rounds in %v: %d restarts repaired the index, %d jobs marked onderbroken",
		rounds, time.Since(start).Round(time.Second), s.repairs, s.marked)
}

// buildIVP compiles this command into a temporary directory.
func buildIVP(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ivp")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func (s *sweep) addCurator(t *testing.T) {
	t.Helper()
	cmd := exec.Command(s.bin, "user", "add", "curator@ccv.nl", "--role", "curator", "--data", s.data)
	cmd.Stdin = strings.NewReader(sweepPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
}

// run starts op and kills it at a random moment within the time its last
// whole run took. It reports whether it killed the run, and after what.
func (s *sweep) run(t *testing.T, op string) (bool, time.Duration) {
	t.Helper()
	wait := time.Duration(s.rnd.Int64N(int64(s.window[op])))
	switch op {
	case "ingest":
		return s.runIngest(t, wait)
	case "reindex":
		return s.runUntil(t, op, wait, "reindex", "--data", s.data)
	}
	return s.runCurate(t, wait)
}

// runIngest ingests six of the plans, most of them stored already.
func (s *sweep) runIngest(t *testing.T, wait time.Duration) (bool, time.Duration) {
	t.Helper()
	args := []string{"ingest", "--data", s.data}
	for _, i := range s.rnd.Perm(len(s.files))[:6] {
		args = append(args, s.files[i])
	}
	return s.runUntil(t, "ingest", wait, args...)
}

// runUntil runs the binary with args and kills it after wait unless it
// has finished by then.
func (s *sweep) runUntil(t *testing.T, op string, wait time.Duration, args ...string) (bool, time.Duration) {
	t.Helper()
	p := startIVP(t, s.bin, args...)
	start := time.Now()
	select {
	case <-p.done:
		if p.err != nil {
			t.Fatalf("%s failed: %v\n%s", op, p.err, p.out.String())
		}
		s.window[op] = time.Since(start)
		return false, time.Since(start)
	case <-time.After(wait):
		p.kill(t)
		return true, wait
	}
}

// runCurate starts 'ivp serve' with a rebuild every second, logs in and
// withdraws and approves plans until it kills the server after wait.
func (s *sweep) runCurate(t *testing.T, wait time.Duration) (bool, time.Duration) {
	t.Helper()
	p := startIVP(t, s.bin, "serve", "--data", s.data, "--addr", "127.0.0.1:0", "--reindex-schedule", "@every 1s")
	base := p.serving(t)
	c := curatorClient(t, base)
	published := map[int64]bool{}
	for _, id := range s.state.published {
		published[id] = true
	}
	for _, id := range s.state.withdrawn {
		published[id] = false
	}
	ids := append(slices.Clone(s.state.published), s.state.withdrawn...)
	order := s.rnd.Perm(len(ids))
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() { // one action after another until the kill
		defer close(stopped)
		for i := 0; len(ids) > 0; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := ids[order[i%len(ids)]]
			verb := map[bool]string{true: "withdraw", false: "approve"}[published[id]]
			if err := curatorAction(c, base, id, verb); err != nil {
				return // killed
			}
			published[id] = !published[id]
		}
	}()
	time.Sleep(wait)
	p.kill(t)
	close(stop)
	<-stopped
	return true, wait
}

// restart starts 'ivp serve' after a kill, waits until it listens (the
// start-up check is done by then), looks at /api/v1/jobs, stops it and
// checks store and index. It says what the start-up check repaired.
func (s *sweep) restart(t *testing.T) string {
	t.Helper()
	p := startIVP(t, s.bin, "serve", "--data", s.data, "--addr", "127.0.0.1:0", "--reindex-schedule", "off")
	base := p.serving(t)
	var jobs struct {
		Jobs []corpus.JobRun `json:"jobs"`
	}
	if st := getJSON(t, base+"/api/v1/jobs", &jobs); st != http.StatusOK {
		t.Errorf("/api/v1/jobs: status %d", st)
	}
	for _, j := range jobs.Jobs {
		if j.Outcome == corpus.OutcomeRunning {
			t.Errorf("after the restart /api/v1/jobs shows job %d (%s) running", j.ID, j.Name)
		}
	}
	p.stop(t)
	s.state = s.verify(t)
	return s.repaired(p.out.String())
}

var repairedRE = regexp.MustCompile(`index repaired.* reindexed=(\S+) removed=(\S+) stray=(\S+)`)

// repaired counts and describes the repairs a restart logged.
func (s *sweep) repaired(log string) string {
	var did []string
	if n := strings.Count(log, "marked onderbroken"); n > 0 {
		s.marked += n
		did = append(did, fmt.Sprintf("%d jobs marked onderbroken", n))
	}
	if m := repairedRE.FindStringSubmatch(log); m != nil {
		s.repairs++
		did = append(did, "re-indexed "+m[1]+", removed "+m[2]+", stray passages under "+m[3])
	}
	if len(did) == 0 {
		return "nothing to repair"
	}
	return strings.Join(did, "; ")
}

// verify opens store and index as they are on disk, without the start-up
// repair, and checks that they agree.
func (s *sweep) verify(t *testing.T) agreement {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, s.data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(ctx, filepath.Join(s.data, "index"), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	return verifyAgreement(t, store, ix)
}

// process is a running ivp binary and its output.
type process struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
	err  error
}

// startIVP runs the binary in a process group of its own, so that a kill
// takes its extraction workers too.
func startIVP(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(bin, args...), out: &lockedBuffer{}, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p.cmd.Env = append(os.Environ(), "IVP_LOG_LEVEL=info")
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	})
	return p
}

// kill sends SIGKILL to the process and its workers and waits for it.
func (p *process) kill(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		t.Fatal(err)
	}
	<-p.done
}

// stop asks the server to shut down and waits for a clean exit.
func (p *process) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if p.err != nil {
			t.Errorf("serve did not stop cleanly: %v\n%s", p.err, p.out.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not stop in 60 s\n%s", p.out.String())
	}
}

var servingRE = regexp.MustCompile(`serving on (http://\S+)`)

// serving waits until the server listens and returns its base URL.
func (p *process) serving(t *testing.T) string {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(p.out.String()); m != nil {
			return m[1]
		}
		select {
		case <-p.done:
			t.Fatalf("serve exited: %v\n%s", p.err, p.out.String())
		case <-deadline:
			t.Fatalf("serve did not listen in 60 s\n%s", p.out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// curatorClient logs the sweep's curator in and returns a client with
// the session cookie.
func curatorClient(t *testing.T, base string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	resp, err := c.Get(base + "/beheer/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := csrfRE.FindSubmatch(body)
	if m == nil {
		t.Fatalf("login page without a form token: %s", body)
	}
	resp, err = c.PostForm(base+"/beheer/login", url.Values{"email": {"curator@ccv.nl"},
		"password": {sweepPassword}, "csrf": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Request.URL.Path, "/beheer") ||
		resp.Request.URL.Path == "/beheer/login" {
		t.Fatalf("login: status %d at %s", resp.StatusCode, resp.Request.URL)
	}
	return c
}

// curatorAction approves or withdraws document id through the JSON API.
func curatorAction(c *http.Client, base string, id int64, verb string) error {
	doc := fmt.Sprintf("%s/api/v1/beheer/documents/%d", base, id)
	resp, err := c.Get(doc)
	if err != nil {
		return err
	}
	var review struct {
		CSRF string `json:"csrf_token"`
	}
	err = json.NewDecoder(resp.Body).Decode(&review)
	resp.Body.Close()
	if err != nil {
		return err
	}
	req, err := http.NewRequest(http.MethodPost, doc+"/"+verb, strings.NewReader(`{"reason":"crash sweep"}`))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", review.CSRF)
	resp, err = c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s document %d: status %d", verb, id, resp.StatusCode)
	}
	return nil
}
