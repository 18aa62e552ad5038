package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// TestIsolatedFallbackOnce checks that with a worker and the fallback both
// set, a file the worker refuses goes to pdftotext once, from the parent
// process, whether pdftotext then reads it or not.
func TestIsolatedFallbackOnce(t *testing.T) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	tests := []struct {
		name string
		data []byte
		text string // what the fallback finds; "" for a refusal
	}{
		{"fallback reads it", annotationPDF(), "veilige haven"},
		{"fallback finds nothing", pdftest.Drawings(t, 2), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := filepath.Join(t.TempDir(), "calls")
			x := isolatedExtractor(t, modeWorker, Options{Fallback: countingTool(t, tool, calls)})
			ex, err := x.Extract(context.Background(), "urk.pdf", tt.data)
			switch {
			case tt.text == "" && !errors.Is(err, ErrNoText):
				t.Errorf("Extract: %v; want ErrNoText", err)
			case tt.text != "" && err != nil:
				t.Fatalf("Extract: %v; want the fallback's result", err)
			case tt.text != "" && (ex.Document.ExtractorVersion != ExtractorVersion+FallbackVersion || !strings.Contains(allText(ex), tt.text)):
				t.Errorf("version %q, text %q; want the fallback's text", ex.Document.ExtractorVersion, allText(ex))
			}
			log, err := os.ReadFile(calls)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Fields(string(log)), []string{strconv.Itoa(os.Getpid())}; !slices.Equal(got, want) {
				t.Errorf("pdftotext started by processes %v, want once by the parent %v", got, want)
			}
		})
	}
}

// countingTool writes a script that appends the id of the process that
// started it to calls and then runs tool.
func countingTool(t *testing.T, tool, calls string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pdftotext")
	script := "#!/bin/sh\necho $PPID >> '" + calls + "'\nexec '" + tool + "' \"$@\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}
