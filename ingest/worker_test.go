package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// Worker modes of the test binary: TestMain runs them instead of the tests
// when the binary is started with one as its first argument.
const (
	modeWorker = "extract-worker"       // the real worker
	modeHang   = "extract-worker-hang"  // never answers
	modeHog    = "extract-worker-hog"   // allocates until stopped
	modeSpike  = "extract-worker-spike" // allocates past the limit at once, then answers
	modeCrash  = "extract-worker-crash" // dies like a runtime fatal error
)

func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		if code, ok := runTestWorker(os.Args[1]); ok {
			os.Exit(code)
		}
	}
	os.Exit(m.Run())
}

// runTestWorker runs worker mode mode; ok is false for no worker mode.
func runTestWorker(mode string) (code int, ok bool) {
	switch mode {
	case modeWorker:
		gm, err := corpus.LoadGemeenten()
		if err == nil {
			err = ServeWorker(context.Background(), os.Stdin, os.Stdout, gm)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1, true
		}
		return 0, true
	case modeHang:
		io.Copy(io.Discard, os.Stdin)
		time.Sleep(time.Hour)
		return 0, true
	case modeHog:
		if _, err := startWorker(bufio.NewReader(os.Stdin)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1, true
		}
		keep := make([][]byte, 0, 1024)
		for i := 0; ; i++ {
			keep = append(keep, bytes.Repeat([]byte{1}, 16<<20))
			keep[i][0] = byte(len(keep)) // touch the pages so they count
			time.Sleep(time.Millisecond)
		}
	case modeSpike:
		return spike(), true
	case modeCrash:
		fmt.Fprintln(os.Stderr, "fatal error: stack overflow")
		return 2, true
	}
	return 0, false
}

// spike is a worker that, under the request's memory limit, allocates
// twice the limit in blocks of 16 MiB within milliseconds and at once
// answers as if it had read the file: a watcher that polls rarely sees the
// moment. (One block of the limit's size got through now and then: Linux
// does not count a mapping that replaces address space the Go runtime had
// already reserved, so the many mappings of small blocks make sure.)
func spike() int {
	req, err := startWorker(bufio.NewReader(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var blocks [][]byte
	sum := 0
	for n := int64(0); n < 2*req.Options.MemoryLimit; n += 16 << 20 {
		block := make([]byte, 16<<20)
		for i := 0; i < len(block); i += 4096 {
			block[i] = 1
		}
		blocks = append(blocks, block)
		sum += int(block[len(block)-4096])
	}
	ex := &Extracted{Document: corpus.Document{Title: "spike", Size: int64(sum + len(blocks))}}
	if err := gob.NewEncoder(os.Stdout).Encode(replyOf(ex, nil)); err != nil {
		return 1
	}
	return 0
}

// isolatedExtractor returns an extractor that runs this test binary in
// worker mode mode, with options o.
func isolatedExtractor(t testing.TB, mode string, o Options) *Extractor {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	o.Worker = []string{exe, mode}
	x, err := NewExtractor(o, gm)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestIsolatedSameResult(t *testing.T) {
	data := fixturePDF(t)
	want, err := newTestExtractor(t).Extract(context.Background(), "plan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := isolatedExtractor(t, modeWorker, DefaultOptions()).Extract(context.Background(), "plan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Document, want.Document) || !reflect.DeepEqual(got.Passages, want.Passages) ||
		!reflect.DeepEqual(got.PageTexts, want.PageTexts) {
		t.Errorf("worker result differs from in-process:\n got %+v\nwant %+v", got.Document, want.Document)
	}
}

// TestIsolatedExtractFile has a worker read a file from disk, as the
// server has it read an upload it spooled: the result is the in-process
// one, and a file that is gone is an error.
func TestIsolatedExtractFile(t *testing.T) {
	data := fixturePDF(t)
	path := filepath.Join(t.TempDir(), "upload")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want, err := newTestExtractor(t).Extract(context.Background(), "plan.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	x := isolatedExtractor(t, modeWorker, DefaultOptions())
	got, err := x.ExtractFile(context.Background(), "plan.pdf", path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Document, want.Document) || !reflect.DeepEqual(got.Passages, want.Passages) {
		t.Errorf("worker result from the file differs from in-process:\n got %+v\nwant %+v", got.Document, want.Document)
	}
	if _, err := x.ExtractFile(context.Background(), "plan.pdf", path+"-weg"); err == nil {
		t.Error("a missing file extracted without error")
	}
}

func TestIsolatedRefusals(t *testing.T) {
	tests := []struct {
		name   string
		mode   string
		o      Options
		data   []byte
		want   error
		reason string
	}{
		{"damaged", modeWorker, Options{}, fixturePDF(t)[:900], ErrDamaged, "beschadigde of afgebroken PDF"},
		{"password", modeWorker, Options{}, pdftest.Protected(t, "geheim"), ErrEncrypted, "versleuteld"},
		{"scan", modeWorker, Options{}, pdftest.Drawings(t, 3), ErrNoText, "geen tekstlaag (gescand?)"},
		{"hangs", modeHang, Options{Timeout: 300 * time.Millisecond}, []byte("%PDF-1.4"), ErrTimeout, "tijdslimiet overschreden"},
		{"eats memory", modeHog, Options{MemoryLimit: 128 << 20}, []byte("%PDF-1.4"), ErrMemory, "geheugenlimiet overschreden"},
		// Past the limit in one go and done within milliseconds: no
		// watcher that polls is sure to see it; a hard limit stops it.
		{"eats memory at once", modeSpike, Options{MemoryLimit: 128 << 20}, []byte("%PDF-1.4"), ErrMemory, "geheugenlimiet overschreden"},
		{"crashes", modeCrash, Options{}, []byte("%PDF-1.4"), ErrPanic, "interne fout bij het lezen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := HardMemoryLimit(); tt.mode == modeSpike && err != nil {
				t.Skip(err)
			}
			start := time.Now()
			_, err := isolatedExtractor(t, tt.mode, tt.o).Extract(context.Background(), "plan.pdf", tt.data)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.want) {
				t.Fatalf("Extract: %v; want *Error wrapping %v", err, tt.want)
			}
			if e.Reason != tt.reason {
				t.Errorf("reason %q, want %q", e.Reason, tt.reason)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v; the worker was not stopped", d)
			}
		})
	}
}

func TestScanPages(t *testing.T) {
	_, err := newTestExtractor(t).Extract(context.Background(), "scan.pdf", pdftest.Drawings(t, 4))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrNoText) || e.Pages != 4 {
		t.Fatalf("Extract: %v (pages %d); want ErrNoText with 4 pages", err, pagesOf(e))
	}
}

func pagesOf(e *Error) int {
	if e == nil {
		return -1
	}
	return e.Pages
}

func TestIsolatedCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	x := isolatedExtractor(t, modeHang, Options{Timeout: time.Minute})
	_, err := x.Extract(ctx, "plan.pdf", []byte("%PDF-1.4"))
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want the caller's deadline, not the file's time limit", err)
	}
}
