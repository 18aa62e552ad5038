package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sharedPDFs is the test material beside the project; it is never copied
// into it.
const sharedPDFs = "../../shared/pdfs"

// perFileTimeout bounds one extraction in the corpus tests; the library can
// hang on hostile files and a goroutine cannot be killed.
const perFileTimeout = 30 * time.Second

// manifestRow is one line of MANIFEST.tsv.
type manifestRow struct {
	file        string
	pages       int
	words       int
	flags, desc string
}

// readManifest reads MANIFEST.tsv, or skips the test when the shared
// material is absent.
func readManifest(t *testing.T) []manifestRow {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedPDFs, "MANIFEST.tsv"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("test PDFs not found at %s (../shared is absent)", sharedPDFs)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	var rows []manifestRow
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("MANIFEST.tsv: %v", err)
		}
		if i == 0 || len(rec) < 11 {
			continue
		}
		pages, _ := strconv.Atoi(rec[6])
		words, _ := strconv.Atoi(rec[7])
		rows = append(rows, manifestRow{file: rec[0], pages: pages, words: words, flags: rec[9], desc: rec[10]})
	}
	return rows
}

// outcome is what one extraction in a goroutine came to.
type outcome struct {
	ex      *Extracted
	err     error
	panic   any
	elapsed time.Duration
}

// extractTimed runs Extract in a goroutine; ok is false when it did not
// finish within perFileTimeout.
func extractTimed(x *Extractor, name string, data []byte) (o outcome, ok bool) {
	done := make(chan outcome, 1)
	go func() {
		start := time.Now()
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{panic: r}
			}
		}()
		ex, err := x.Extract(context.Background(), name, data)
		done <- outcome{ex: ex, err: err, elapsed: time.Since(start)}
	}()
	select {
	case o := <-done:
		return o, true
	case <-time.After(perFileTimeout):
		return outcome{}, false
	}
}

// kindOf names the sentinel an error wraps.
func kindOf(err error) string {
	for _, s := range sentinels() {
		if errors.Is(err, s) {
			return s.Error()
		}
	}
	return "other"
}

func TestRobustSet(t *testing.T) {
	if testing.Short() {
		t.Skip("robust set: 249 files; skipped with -short")
	}
	x := newTestExtractor(t)
	counts := map[string]int{}
	for _, row := range readManifest(t) {
		if !strings.HasPrefix(row.file, "robust/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(sharedPDFs, row.file))
		if err != nil {
			t.Fatal(err)
		}
		o, ok := extractTimed(x, row.file, data)
		switch {
		case !ok:
			t.Logf("%s: hung for %v, skipped (needs the worker-process sandbox)", row.file, perFileTimeout)
			counts["hung"]++
			continue
		case o.panic != nil:
			t.Errorf("%s: panic escaped Extract: %v", row.file, o.panic)
			continue
		}
		checkRobust(t, row, o)
		if o.err == nil {
			counts["ok"]++
		} else {
			counts[kindOf(o.err)]++
		}
	}
	t.Logf("robust set: %v", counts)
}

// checkRobust checks one file's outcome: a result or an *Error, and for
// encrypted files ErrEncrypted unless the empty password opens them.
func checkRobust(t *testing.T, row manifestRow, o outcome) {
	t.Helper()
	var e *Error
	if o.err != nil && !errors.As(o.err, &e) {
		t.Errorf("%s: error is not an *Error: %v", row.file, o.err)
	}
	if o.err == nil && len(o.ex.Passages) == 0 {
		t.Errorf("%s: result without passages", row.file)
	}
	switch {
	case strings.Contains(row.flags, "Incorrect password"):
		if !errors.Is(o.err, ErrEncrypted) {
			t.Errorf("%s (needs a password): err = %v, want ErrEncrypted", row.file, o.err)
		}
	case strings.Contains(row.flags, "encrypted-opens-with-empty-user-pw"):
		if o.err != nil && !errors.Is(o.err, ErrEncrypted) && !errors.Is(o.err, ErrNoText) {
			t.Errorf("%s (empty password): err = %v, want a result, ErrEncrypted or ErrNoText", row.file, o.err)
		}
	}
}

func TestNLSet(t *testing.T) {
	if testing.Short() {
		t.Skip("nl set: 40 PDFs; skipped with -short")
	}
	x := newTestExtractor(t)
	var ratios []float64
	var pages int
	var elapsed time.Duration
	within, withText := 0, 0
	for _, row := range readManifest(t) {
		if !strings.HasPrefix(row.file, "nl/") || row.words == 0 {
			continue
		}
		withText++
		data, err := os.ReadFile(filepath.Join(sharedPDFs, row.file))
		if err != nil {
			t.Fatal(err)
		}
		o, ok := extractTimed(x, row.file, data)
		if !ok || o.err != nil || o.panic != nil || len(o.ex.Passages) == 0 {
			t.Errorf("%s: pdftotext reads %d words; we got err %v, panic %v, finished %v", row.file, row.words, o.err, o.panic, ok)
			continue
		}
		words, ratio := wordRatio(o.ex, row)
		ratios = append(ratios, ratio)
		if ratio >= 0.75 && ratio <= 1.25 {
			within++
		}
		pages += o.ex.Document.Pages
		elapsed += o.elapsed
		t.Logf("%-70s %4d pages %6d words, pdftotext %6d, ratio %.2f, %v", row.file, o.ex.Document.Pages, words, row.words, ratio, o.elapsed.Round(time.Millisecond))
	}
	if withText == 0 {
		t.Skip("no nl files with text in MANIFEST.tsv")
	}
	slices.Sort(ratios)
	t.Logf("nl set: %d/%d files give passages; %d within ±25%% of pdftotext's word count; median ratio %.3f; %.0f pages/s",
		len(ratios), withText, within, median(ratios), float64(pages)/elapsed.Seconds())
	if within*10 < withText*8 {
		t.Errorf("only %d of %d files within ±25%% of pdftotext's word count", within, withText)
	}
}

// wordRatio compares our word count (cleaned page texts) with pdftotext's.
func wordRatio(ex *Extracted, row manifestRow) (int, float64) {
	words := len(strings.Fields(strings.Join(ex.PageTexts, "\n")))
	return words, float64(words) / float64(row.words)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)/2]
}
