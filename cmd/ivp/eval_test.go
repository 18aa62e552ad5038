package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// scores pulls "name value" figures out of an eval report with re, whose
// first group is the name and second the score.
func scores(t *testing.T, out string, re *regexp.Regexp) map[string]float64 {
	t.Helper()
	got := map[string]float64{}
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			t.Fatalf("bad figure in %q", m[0])
		}
		got[strings.TrimSpace(m[1])] = v
	}
	return got
}

// TestEvalBars runs the evaluations on a generated corpus the tagger and
// detectors were not tuned on, and holds them to the bars.
func TestEvalBars(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation on a generated corpus skipped in -short mode")
	}
	sample := generate(t, 40, 1234)
	truth := sample + "/truth.jsonl"
	t.Run("metadata: gemeente and periode exact >= 0.98", func(t *testing.T) {
		code, out, errs := ivp(t, "eval", "meta", "--truth", truth, "--nl", "")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		got := scores(t, out, regexp.MustCompile(`(?m)^(gemeente\(n\) exact|periode exact)\s+([0-9.]+)`))
		for _, name := range []string{"gemeente(n) exact", "periode exact"} {
			if v, ok := got[name]; !ok || v < 0.98 {
				t.Errorf("%s = %v (found %v), want >= 0.98\n%s", name, v, ok, out)
			}
		}
	})
	t.Run("checklist: every element accuracy >= 0.9", func(t *testing.T) {
		code, out, errs := ivp(t, "eval", "checklist", "--truth", truth)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		got := scores(t, out, regexp.MustCompile(`(?m)^(\d+)\s+([0-9.]+)\s+\d+\s+\d+`))
		if len(got) != 15 {
			t.Fatalf("%d elements in the report, want 15:\n%s", len(got), out)
		}
		for el, v := range got {
			if v < 0.9 {
				t.Errorf("element %s accuracy %.3f, want >= 0.9", el, v)
			}
		}
	})
	t.Run("tags: generated macro-F1 >= 0.95", func(t *testing.T) {
		code, out, errs := ivp(t, "eval", "tags", "--truth", truth, "--labels", "../../ingest/tag/testdata/labels.tsv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		m := regexp.MustCompile(`generated corpus[^\n]*\n[^\n]*macro-F1 \(velden 0-5\) ([0-9.]+)`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no generated macro-F1 in:\n%s", out)
		}
		if v, _ := strconv.ParseFloat(m[1], 64); v < 0.95 {
			t.Errorf("generated macro-F1 %.3f, want >= 0.95", v)
		}
	})
}
