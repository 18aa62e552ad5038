package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// robustOutcome is what happened to one file of the robust set, with us
// (in a worker process) and with pdftotext.
type robustOutcome struct {
	file, ours, theirs string
	elapsed            time.Duration
}

// TestRobustOutcomes extracts every file of the robust set in worker
// processes under the default limits and prints the outcomes next to
// pdftotext's on the same files. No file may take much longer than the
// time limit, and every refusal must come with a reason.
func TestRobustOutcomes(t *testing.T) {
	if testing.Short() {
		t.Skip("robust set in worker processes: skipped with -short")
	}
	files, _ := filepath.Glob(filepath.Join(sharedPDFs, "robust", "*"))
	if len(files) == 0 {
		t.Skipf("test files not found at %s/robust (../shared is absent)", sharedPDFs)
	}
	tool, _ := exec.LookPath("pdftotext")
	x := isolatedExtractor(t, modeWorker, DefaultOptions())
	outcomes := make([]robustOutcome, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, f := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			outcomes[i] = robustFile(t, x, tool, f)
		})
	}
	wg.Wait()
	for _, o := range outcomes {
		if o.elapsed > DefaultOptions().Timeout+10*time.Second {
			t.Errorf("%s: took %v", o.file, o.elapsed)
		}
	}
	t.Logf("robust set, %d files: our outcome (rows) against pdftotext's (columns)\n%s", len(files), outcomeTable(outcomes))
}

// robustFile extracts one file and runs pdftotext on it.
func robustFile(t *testing.T, x *Extractor, tool, file string) robustOutcome {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Error(err)
		return robustOutcome{file: file}
	}
	o := robustOutcome{file: filepath.Base(file), ours: "ok", theirs: "-"}
	start := time.Now()
	_, err = x.Extract(context.Background(), o.file, data)
	o.elapsed = time.Since(start)
	var e *Error
	switch {
	case err != nil && !errors.As(err, &e):
		t.Errorf("%s: error without a reason: %v", o.file, err)
		o.ours = "fout zonder reden"
	case err != nil:
		o.ours = e.Reason
	}
	if tool != "" {
		o.theirs = pdftotextOutcome(tool, file)
	}
	return o
}

// pdftotextOutcome runs pdftotext on file under the same time limit.
func pdftotextOutcome(tool, file string) string {
	ctx, cancel := context.WithTimeout(context.Background(), DefaultOptions().Timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, tool, "-enc", "UTF-8", file, "-").Output()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return "timeout"
	case errors.As(err, &exit):
		return fmt.Sprintf("exit %d", exit.ExitCode())
	case err != nil:
		return "fout"
	case len(strings.Fields(string(out))) == 0:
		return "geen tekst"
	}
	return "ok"
}

// outcomeTable renders the cross table of our outcomes against
// pdftotext's, with totals.
func outcomeTable(os []robustOutcome) string {
	count := map[[2]string]int{}
	var rows, cols []string
	for _, o := range os {
		count[[2]string{o.ours, o.theirs}]++
		if !slices.Contains(rows, o.ours) {
			rows = append(rows, o.ours)
		}
		if !slices.Contains(cols, o.theirs) {
			cols = append(cols, o.theirs)
		}
	}
	slices.Sort(rows)
	slices.Sort(cols)
	var b strings.Builder
	fmt.Fprintf(&b, "%-36s", "ivp \\ pdftotext")
	for _, c := range cols {
		fmt.Fprintf(&b, " %10s", c)
	}
	fmt.Fprintf(&b, " %7s\n", "totaal")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-36s", r)
		total := 0
		for _, c := range cols {
			n := count[[2]string{r, c}]
			total += n
			fmt.Fprintf(&b, " %10d", n)
		}
		fmt.Fprintf(&b, " %7d\n", total)
	}
	return b.String()
}
