package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestMain lets the test binary serve as the extract worker: the commands
// under test start os.Executable() with the hidden subcommand, which is
// this binary here.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == workerCommand {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// scanPDF writes a PDF of n pages with drawings only, like a scan.
func scanPDF(t *testing.T, path string, n int) string {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	for range n {
		f.AddPage()
		f.Rect(20, 20, 170, 250, "F")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, path, buf.Bytes())
}

// TestInspectInWorker runs 'ivp inspect', which extracts in a worker
// process (this test binary, through TestMain), and checks that refusals
// of the worker reach the user with their reason and a non-zero exit.
func TestInspectInWorker(t *testing.T) {
	sample := generate(t, 1, 3)
	plan := filepath.Join(sample, readTruth(t, sample)[0].File)
	scan := scanPDF(t, filepath.Join(t.TempDir(), "scan.pdf"), 3)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"text", []string{"inspect", "--text", plan}, 0, "=== page 1 ===", ""},
		{"scan", []string{"inspect", scan}, 1, "", "geen tekstlaag (gescand?) (3 pages)"},
		{"time limit", []string{"inspect", "--extract-timeout", "1ms", plan}, 1, "", "tijdslimiet overschreden"},
		{"bad memory budget", []string{"inspect", "--extract-memory", "1000", plan}, 1, "", "MemoryLimit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := ivp(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, want %d; stdout %.200q (want %q); stderr %q (want %q)", code, tt.code, out, tt.stdout, errs, tt.stderr)
			}
		})
	}
}

func TestIngestScanReportsPages(t *testing.T) {
	scan := scanPDF(t, filepath.Join(t.TempDir(), "scan.pdf"), 2)
	code, out, _ := ivp(t, "ingest", "--data", t.TempDir(), scan)
	if code != 1 || !strings.Contains(out, "FAIL "+scan+": geen tekstlaag (gescand?) (2 pages)") {
		t.Errorf("exit %d, output %q; want FAIL with the reason and 2 pages", code, out)
	}
}
