package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// ivp runs the command in-process and returns its exit code and output.
func ivp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

type truthPlan struct {
	File      string   `json:"file"`
	Title     string   `json:"title"`
	Gemeenten []string `json:"gemeenten"`
	Passages  []struct {
		Page int    `json:"page"`
		Text string `json:"text"`
	} `json:"passages"`
}

func readTruth(t *testing.T, dir string) []truthPlan {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthPlan
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var p truthPlan
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// generate writes n sample plans into a temporary directory.
func generate(t *testing.T, n int, seed int) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, errs := ivp(t, "gen", "--out", dir, "--plans", fmt.Sprint(n), "--seed", fmt.Sprint(seed)); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, errs)
	}
	return dir
}

// lockedBuffer is a bytes.Buffer safe for a writer and a reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// serve starts 'ivp serve' on a free loopback port and returns its base URL.
func serve(t *testing.T, data string, extra ...string) string {
	t.Helper()
	m := regexp.MustCompile(`serving on (http://\S+)`).FindStringSubmatch(serveWithOutput(t, data, extra...))
	if m == nil {
		t.Fatal("the server's output has no address")
	}
	return m[1]
}

// serveWithOutput starts 'ivp serve' on a free loopback port and returns
// its output once it listens.
func serveWithOutput(t *testing.T, data string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan int, 1)
	args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn"}, extra...)
	go func() { done <- run(ctx, args, out, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d", code)
		}
	})
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(out.String(), "serving on") {
			return out.String()
		}
	}
	t.Fatalf("server did not start: %s", out.String())
	return ""
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp.StatusCode
}

func getBody(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

type apiResult struct {
	Total   int `json:"total"`
	Results []struct {
		ID        int64  `json:"id"`
		Title     string `json:"title"`
		Gemeenten []struct {
			Code      string `json:"code"`
			Provincie string `json:"provincie"`
		} `json:"gemeenten"`
		Passages []struct {
			Page    int    `json:"page"`
			Snippet string `json:"snippet"`
		} `json:"passages"`
	} `json:"results"`
	Facets []struct {
		Name   string `json:"name"`
		Values []struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"values"`
	} `json:"facets"`
}

func (r apiResult) facet(name, value string) int {
	for _, f := range r.Facets {
		for _, v := range f.Values {
			if f.Name == name && v.Value == value {
				return v.Count
			}
		}
	}
	return 0
}
