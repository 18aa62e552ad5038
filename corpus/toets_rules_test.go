package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
)

// TestAssessPlanMissingMatchesTruth generates plans, some of which leave
// checklist elements out on purpose, and checks that the kwaliteitstoets
// says "ontbreekt" exactly when the truth lacks the element, in at least
// 90% of the plans for every element.
func TestAssessPlanMissingMatchesTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a corpus")
	}
	const plans = 80
	ctx := context.Background()
	dir := t.TempDir()
	o := gen.Options{Out: dir, Plans: plans, Seed: 15, Format: gen.FormatHTML}
	if _, err := gen.Generate(ctx, o, nil); err != nil {
		t.Fatal(err)
	}
	truth, err := gen.ReadTruth(filepath.Join(dir, gen.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir)
	seq, err := gen.Texts(ctx, plans, 15, nil)
	if err != nil {
		t.Fatal(err)
	}
	right, missing, weak := make([]int, 16), make([]int, 16), make([]int, 16)
	i := 0
	for pt, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range corpus.AssessPlan(pt.Passages) {
			lacks := !slices.Contains(truth[i].ChecklistPresent, a.Number)
			if lacks {
				missing[a.Number]++
			}
			if a.Verdict == corpus.VerdictWeak {
				weak[a.Number]++
			}
			if lacks == (a.Verdict == corpus.VerdictMissing) {
				right[a.Number]++
			}
		}
		i++
	}
	for n := 1; n <= 15; n++ {
		acc := float64(right[n]) / float64(plans)
		t.Logf("element %2d: accuracy %.2f (%d plans lack it, %d weak)", n, acc, missing[n], weak[n])
		if acc < 0.9 {
			t.Errorf("element %d: ontbreekt matches the truth in %.2f of the plans, want >= 0.9", n, acc)
		}
	}
}

// TestAssessPlanWeak checks the rules for weak on hand-made plans.
func TestAssessPlanWeak(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		number int
		want   corpus.Verdict
	}{
		{"money without an amount is weak", "Er is geld beschikbaar voor de aanpak.", 12, corpus.VerdictWeak},
		{"an amount in euros is present", "Per jaar is € 250.000 beschikbaar.", 12, corpus.VerdictPresent},
		{"monitoring without a moment is weak", "We volgen de uitvoering nauwlettend.", 13, corpus.VerdictWeak},
		{"a yearly report is present", "We rapporteren jaarlijks aan de raad.", 13, corpus.VerdictPresent},
	}
	heads := map[int]string{12: "Financiën", 13: "Monitoring"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := []corpus.Passage{{Ordinal: 0, PageFrom: 4, Headings: []string{heads[tt.number]}, Text: tt.text}}
			a := corpus.AssessPlan(ps)[tt.number-1]
			if a.Verdict != tt.want {
				t.Errorf("verdict %q, want %q", a.Verdict, tt.want)
			}
			if (a.Advice == "") != (tt.want == corpus.VerdictPresent) || a.Rule == "" {
				t.Errorf("advice %q, rule %q", a.Advice, a.Rule)
			}
		})
	}
	if a := corpus.AssessPlan(nil)[6]; a.Verdict != corpus.VerdictMissing || a.Advice == "" {
		t.Errorf("empty plan: element 7 %q, advice %q", a.Verdict, a.Advice)
	}
}
