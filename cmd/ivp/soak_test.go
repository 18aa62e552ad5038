package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// TestSoak is the soak test of `make bench` (issue 16): the real ivp
// binary serves the sample corpus on loopback while 8 clients search for
// IVP_SOAK_DURATION (default 5m) and, at the same time, the index is
// rebuilt on a schedule, 20 plans are uploaded (10 of them at once), 20
// pending plans approved and 20 published plans withdrawn. It reports the
// requests, the errors, the results missing against a reference taken
// before the soak, latency and the peak memory of the server and its
// extraction workers together, and fails on any error, any missing
// result or a peak above 2 GB. It runs only with IVP_SOAK=1.
func TestSoak(t *testing.T) {
	if os.Getenv("IVP_SOAK") != "1" {
		t.Skip("set IVP_SOAK=1 to run the soak test (make bench does)")
	}
	dur := 5 * time.Minute
	if v := os.Getenv("IVP_SOAK_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("IVP_SOAK_DURATION: %v", err)
		}
		dur = d
	}
	s := startSoak(t)
	ref := s.reference(t)
	if len(ref.queries) == 0 {
		t.Fatal("no reference queries: the comparison would show nothing")
	}
	t.Logf("soak for %s: %d reference queries over %d stable plans; %d plans to withdraw, %d to upload",
		dur, len(ref.queries), ref.stable, len(ref.withdraw), len(s.uploads))

	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var st soakStats
	var peak atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() { sampleRSS(ctx, s.cmd.Process.Pid, &peak) })
	for c := range 8 {
		wg.Go(func() { s.searchLoop(ctx, ref, rand.New(rand.NewPCG(uint64(c), 1)), &st) })
	}
	wg.Go(func() { s.uploadAll(ctx, t, &st) })
	wg.Go(func() { s.approveLoop(ctx, t, dur, &st) })
	wg.Go(func() { s.withdrawLoop(ctx, t, ref.withdraw, dur, &st) })
	wg.Wait()

	lat := st.latencies()
	t.Logf("searches %d, errors %d, missing %d, p50 %.1f ms, p99 %.1f ms", len(lat), st.errors.Load(),
		st.missing.Load(), ms(pctl(lat, 50)), ms(pctl(lat, 99)))
	t.Logf("uploads %d (refused as busy and retried %d), approvals %d, withdrawals %d, rebuilds %d",
		st.uploaded.Load(), st.busy.Load(), st.approved.Load(), st.withdrawn.Load(), s.rebuilds())
	t.Logf("peak RSS of server and workers together: %d MB", peak.Load()>>20)
	for _, e := range st.firstErrors() {
		t.Log("error:", e)
	}
	if st.errors.Load() > 0 || st.missing.Load() > 0 {
		t.Errorf("%d errors and %d missing results, want none", st.errors.Load(), st.missing.Load())
	}
	if peak.Load() > 2<<30 {
		t.Errorf("peak RSS %d MB, want at most 2048", peak.Load()>>20)
	}
}

// soak is the running server and what the test knows of it.
type soak struct {
	base    string
	cmd     *exec.Cmd
	log     string
	uploads [][]byte
	curator *soakAgent
}

const soakPassword = "correct paard batterij niet"

// startSoak builds ivp, loads the sample corpus, adds a curator and
// starts `ivp serve` with a rebuild every minute.
func startSoak(t *testing.T) *soak {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "ivp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	step := func(stdin string, args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("ivp %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	step("", "gen", "--out", filepath.Join(dir, "sample"), "--plans", "60", "--seed", "1")
	step("", "ingest", "--data", data, filepath.Join(dir, "sample"))
	step("", "gen", "--out", filepath.Join(dir, "extra"), "--plans", "20", "--seed", "2")
	step(soakPassword+"\n", "user", "add", "--data", data, "curator@ccv.nl")
	s := &soak{log: filepath.Join(dir, "serve.log")}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "extra", "*.pdf"))
	for _, f := range pdfs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s.uploads = append(s.uploads, b)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	logf, err := os.Create(s.log)
	if err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command(bin, "serve", "--data", data, "--addr", addr, "--reindex-schedule", "@every 60s")
	s.cmd.Env = append(os.Environ(), soakEnv...)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = s.cmd.Process.Kill()
		}
		logf.Close()
	})
	s.base = "http://" + addr
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready after 2 minutes; log in %s", s.log)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.curator = s.agent()
	if err := s.curator.login("curator@ccv.nl"); err != nil {
		t.Fatal(err)
	}
	return s
}

// soakEnv turns off the submission limit: every upload of the soak comes
// from 127.0.0.1.
var soakEnv = []string{"IVP_SUBMIT_RATE=off"}

// rebuilds counts the scheduled rebuilds in the server's log.
func (s *soak) rebuilds() int {
	b, _ := os.ReadFile(s.log)
	return strings.Count(string(b), "scheduled reindex done")
}

// soakRef is the reference: per query, the stable plans it must return.
type soakRef struct {
	queries  []soakQuery
	stable   int
	withdraw []int64
}

type soakQuery struct {
	params url.Values
	want   []int64
}

// reference splits the published plans into 20 to withdraw and the
// stable rest, and records for each gemeente of a stable plan the stable
// plans a search for "veiligheid" in that gemeente returns on its first
// page: during the soak they must all be there every time.
func (s *soak) reference(t *testing.T) soakRef {
	t.Helper()
	var list struct {
		Items []struct {
			ID        int64 `json:"id"`
			Gemeenten []struct {
				Code string `json:"code"`
			} `json:"gemeenten"`
		} `json:"items"`
	}
	if err := s.curator.getJSON("/api/v1/beheer/documents?status=published&limit=500", &list); err != nil {
		t.Fatal(err)
	}
	var ref soakRef
	stableGemeente := map[string][]int64{}
	withdrawn := map[string]bool{}
	for i, it := range list.Items {
		if i < 20 {
			ref.withdraw = append(ref.withdraw, it.ID)
			for _, g := range it.Gemeenten {
				withdrawn[g.Code] = true
			}
			continue
		}
		ref.stable++
		for _, g := range it.Gemeenten {
			stableGemeente[g.Code] = append(stableGemeente[g.Code], it.ID)
		}
	}
	for code, ids := range stableGemeente {
		q := url.Values{"q": {"veiligheid"}, "gemeente": {code}}
		got, total, err := s.search(q)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for _, id := range ids {
			if slices.Contains(got, id) {
				want = append(want, id)
			}
		}
		if total > 10 || len(want) == 0 {
			continue
		}
		ref.queries = append(ref.queries, soakQuery{q, want})
	}
	return ref
}

// search runs one search through the JSON API and returns the plan IDs of
// the first page and the total.
func (s *soak) search(q url.Values) ([]int64, uint64, error) {
	resp, err := http.Get(s.base + "/api/v1/search?" + q.Encode())
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return nil, 0, fmt.Errorf("search %s: status %d: %s", q.Encode(), resp.StatusCode, b)
	}
	var res struct {
		Total   uint64 `json:"total"`
		Results []struct {
			ID int64 `json:"id"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(res.Results))
	for i, r := range res.Results {
		ids[i] = r.ID
	}
	return ids, res.Total, nil
}

var soakWords = []string{"cameratoezicht", "ondermijning", "jeugdoverlast", "woninginbraak", "verkeersveiligheid",
	"evenementen", "radicalisering", "huiselijk geweld", "drugs", "brandveiligheid", "buurtpreventie",
	"uitgaansgebied", "crisisbeheersing", "cybercrime", "horeca"}

// searchLoop searches until ctx ends: mostly reference queries, checked,
// and every fourth a free query.
func (s *soak) searchLoop(ctx context.Context, ref soakRef, rng *rand.Rand, st *soakStats) {
	for ctx.Err() == nil {
		var q soakQuery
		if rng.IntN(4) == 0 {
			q.params = url.Values{"q": {soakWords[rng.IntN(len(soakWords))] + " " + soakWords[rng.IntN(len(soakWords))]}}
		} else {
			q = ref.queries[rng.IntN(len(ref.queries))]
		}
		start := time.Now()
		got, _, err := s.search(q.params)
		st.addLatency(time.Since(start))
		if err != nil {
			if ctx.Err() == nil {
				st.fail(err)
			}
			continue
		}
		for _, id := range q.want {
			if !slices.Contains(got, id) {
				st.missing.Add(1)
				st.note(fmt.Sprintf("missing plan %d for %s (got %v)", id, q.params.Encode(), got))
			}
		}
	}
}

// uploadAll submits the extra plans: the first ten at once, then the rest
// one by one; a refusal because the server is busy (503) is retried after
// its Retry-After.
func (s *soak) uploadAll(ctx context.Context, t *testing.T, st *soakStats) {
	var wg sync.WaitGroup
	for i, plan := range s.uploads {
		if i < 10 {
			wg.Go(func() { s.upload(ctx, plan, i, st) })
			continue
		}
		wg.Wait()
		s.upload(ctx, plan, i, st)
	}
	wg.Wait()
}

func (s *soak) upload(ctx context.Context, plan []byte, i int, st *soakStats) {
	a := s.agent()
	for ctx.Err() == nil {
		status, retry, err := a.submit(plan, i)
		switch {
		case err != nil:
			st.fail(err)
			return
		case status == http.StatusServiceUnavailable:
			st.busy.Add(1)
			sleepCtx(ctx, retry)
		case status == http.StatusSeeOther:
			st.uploaded.Add(1)
			return
		default:
			st.fail(fmt.Errorf("upload %d: status %d", i, status))
			return
		}
	}
}

// approveLoop approves pending plans as they come in, up to 20.
func (s *soak) approveLoop(ctx context.Context, t *testing.T, dur time.Duration, st *soakStats) {
	for ctx.Err() == nil && st.approved.Load() < 20 {
		var q struct {
			Items []struct {
				ID int64 `json:"id"`
			} `json:"items"`
		}
		if err := s.curator.getJSON("/api/v1/beheer/queue", &q); err != nil {
			st.fail(err)
			return
		}
		for _, it := range q.Items {
			if st.approved.Load() >= 20 || ctx.Err() != nil {
				return
			}
			if err := s.curator.action(it.ID, "approve"); err != nil {
				st.fail(err)
				continue
			}
			st.approved.Add(1)
			sleepCtx(ctx, dur/60)
		}
		sleepCtx(ctx, 2*time.Second)
	}
}

// withdrawLoop withdraws the given plans, spread over the soak.
func (s *soak) withdrawLoop(ctx context.Context, t *testing.T, ids []int64, dur time.Duration, st *soakStats) {
	for _, id := range ids {
		sleepCtx(ctx, dur/time.Duration(len(ids)+2))
		if ctx.Err() != nil {
			return
		}
		if err := s.curator.action(id, "withdraw"); err != nil {
			st.fail(err)
			continue
		}
		st.withdrawn.Add(1)
	}
}

// soakAgent is a client with its own cookies, not following redirects.
type soakAgent struct {
	base string
	c    *http.Client
}

func (s *soak) agent() *soakAgent {
	jar, _ := cookiejar.New(nil)
	return &soakAgent{base: s.base, c: &http.Client{Jar: jar, Timeout: 5 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// formToken reads the CSRF token of the form on a page.
func (a *soakAgent) formToken(path string) (string, error) {
	resp, err := a.c.Get(a.base + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	doc, err := goquery.NewDocumentFromReader(resp.Body)
	if err != nil {
		return "", err
	}
	tok, ok := doc.Find(`input[name=csrf]`).Attr("value")
	if resp.StatusCode != http.StatusOK || !ok {
		return "", fmt.Errorf("GET %s: status %d, no CSRF token", path, resp.StatusCode)
	}
	return tok, nil
}

func (a *soakAgent) login(email string) error {
	tok, err := a.formToken("/beheer/login")
	if err != nil {
		return err
	}
	resp, err := a.c.PostForm(a.base+"/beheer/login", url.Values{"csrf": {tok}, "email": {email}, "password": {soakPassword}})
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("login: status %d", resp.StatusCode)
	}
	return nil
}

func (a *soakAgent) getJSON(path string, v any) error {
	resp, err := a.c.Get(a.base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// action runs a curator action on a document through the JSON API.
func (a *soakAgent) action(id int64, verb string) error {
	var doc struct {
		CSRF string `json:"csrf_token"`
	}
	if err := a.getJSON("/api/v1/beheer/documents/"+strconv.FormatInt(id, 10), &doc); err != nil {
		return err
	}
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/beheer/documents/%d/%s", a.base, id, verb), nil)
	req.Header.Set("X-CSRF-Token", doc.CSRF)
	resp, err := a.c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("%s %d: status %d: %s", verb, id, resp.StatusCode, b)
	}
	return nil
}

// submit sends one plan through the submission form; it returns the status
// and, for a 503, how long to wait.
func (a *soakAgent) submit(plan []byte, i int) (int, time.Duration, error) {
	tok, err := a.formToken("/indienen")
	if err != nil {
		return 0, 0, err
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for _, kv := range [][2]string{{"csrf", tok}, {"gemeenten", "Amsterdam"}, {"type", "ivp"}, {"period", "2024-2027"},
		{"contact_name", "Anna de Vries"}, {"contact_email", "a.devries@amsterdam.nl"}, {"note", "Soak"}} {
		_ = w.WriteField(kv[0], kv[1])
	}
	fw, _ := w.CreateFormFile("file", fmt.Sprintf("plan-%d.pdf", i))
	_, _ = fw.Write(plan)
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, a.base+"/indienen", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := a.c.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	retry := 5 * time.Second
	if n, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && n > 0 {
		retry = time.Duration(n) * time.Second
	}
	return resp.StatusCode, retry, nil
}

// soakStats collects what the soak saw.
type soakStats struct {
	errors, missing, uploaded, busy, approved, withdrawn atomic.Int64
	mu                                                   sync.Mutex
	lat                                                  []time.Duration
	notes                                                []string
}

func (st *soakStats) addLatency(d time.Duration) {
	st.mu.Lock()
	st.lat = append(st.lat, d)
	st.mu.Unlock()
}

func (st *soakStats) fail(err error) {
	st.errors.Add(1)
	st.note(err.Error())
}

func (st *soakStats) note(s string) {
	st.mu.Lock()
	if len(st.notes) < 10 {
		st.notes = append(st.notes, s)
	}
	st.mu.Unlock()
}

func (st *soakStats) firstErrors() []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return slices.Clone(st.notes)
}

func (st *soakStats) latencies() []time.Duration {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := slices.Clone(st.lat)
	slices.Sort(out)
	return out
}

func pctl(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// sampleRSS records the largest resident memory of pid and its child
// processes together, sampled every 100 ms until ctx ends.
func sampleRSS(ctx context.Context, pid int, peak *atomic.Int64) {
	for ctx.Err() == nil {
		total := rss(pid)
		for _, c := range children(pid) {
			total += rss(c)
		}
		if total > peak.Load() {
			peak.Store(total)
		}
		sleepCtx(ctx, 100*time.Millisecond)
	}
}

// rss is a process's resident memory in bytes (0 when it is gone).
func rss(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// children lists the child processes of pid.
func children(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, f := range tasks {
		b, _ := os.ReadFile(f)
		for _, s := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(s); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}
