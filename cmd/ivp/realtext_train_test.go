package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The model kept as data is exactly what `ivp realtext train` makes of the
// dev half and the generated plans: nobody can have fitted it by hand, or
// to the test half.
func TestModelIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("training skipped in -short mode")
	}
	set := filepath.Join("..", "..", "testdata", "realtext")
	if _, err := os.Stat(filepath.Join(set, "cache", "text")); err != nil {
		t.Skipf("real-text cache absent (see testdata/realtext/README.md): %v", err)
	}
	out := filepath.Join(t.TempDir(), "model.tsv.gz")
	code, stdout, stderr := ivp(t, "realtext", "train", "--set", set, "--model", out)
	if code != 0 || !strings.Contains(stdout, " dev texts and ") {
		t.Fatalf("train: exit %d\n%s%s", code, stdout, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := os.ReadFile(filepath.Join("..", "..", defaultModelPath))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, kept) {
		t.Fatalf("training gives %d bytes that differ from the %d kept in %s: run `ivp realtext train` and commit the model", len(got), len(kept), defaultModelPath)
	}
}

// The cross-validation refuses a single fold; train and cv name what is
// missing without the set.
func TestRealtextTrainRefusals(t *testing.T) {
	code, _, stderr := ivp(t, "realtext", "train", "--set", t.TempDir())
	if code == 0 || !strings.Contains(stderr, "docs.tsv") {
		t.Fatalf("train without a set: exit %d, %q", code, stderr)
	}
	set := filepath.Join("..", "..", "testdata", "realtext")
	if _, err := os.Stat(filepath.Join(set, "cache", "text")); err != nil {
		t.Skipf("real-text cache absent (see testdata/realtext/README.md): %v", err)
	}
	code, _, stderr = ivp(t, "realtext", "cv", "--set", set, "--folds", "1")
	if code == 0 || !strings.Contains(stderr, "--folds must be at least 2") {
		t.Fatalf("cv --folds 1: exit %d, %q", code, stderr)
	}
}

// eval tags --real --ids scores only the texts of the prefixes asked for,
// with the rules alone beside the rules and model.
func TestEvalRealIDs(t *testing.T) {
	set := filepath.Join("..", "..", "testdata", "realtext")
	if _, err := os.Stat(filepath.Join(set, "cache", "text")); err != nil {
		t.Skipf("real-text cache absent (see testdata/realtext/README.md): %v", err)
	}
	code, out, errs := ivp(t, "eval", "tags", "--real", "--set", set, "--shared-terms", "", "--ids", "a-001,a-002")
	if code != 0 || !strings.Contains(out, "dev half: 1 texts") || !strings.Contains(out, "test half: 1 texts") ||
		strings.Count(out, "rules alone (without the model)") != 2 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = ivp(t, "eval", "tags", "--real", "--set", set, "--shared-terms", "", "--ids", "zz-")
	if code != 0 || !strings.Contains(out, "dev half: no texts") || !strings.Contains(out, "test half: no texts") {
		t.Fatalf("unknown prefix: exit %d\n%s", code, out)
	}
}
