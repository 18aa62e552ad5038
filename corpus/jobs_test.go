package corpus_test

import (
	"context"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestInterruptJobsMarksOnlyRunningOnes: a run whose process died stays
// "running" in the store until InterruptJobs marks it "onderbroken";
// finished runs keep their outcome.
func TestInterruptJobsMarksOnlyRunningOnes(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	done, _ := s.StartJob(ctx, "reindex")
	if err := s.FinishJob(ctx, done, 3, nil); err != nil {
		t.Fatal(err)
	}
	cut, err := s.StartJob(ctx, "reindex (gepland)")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.InterruptJobs(ctx)
	if err != nil || len(got) != 1 || got[0].ID != cut || got[0].Name != "reindex (gepland)" {
		t.Fatalf("interrupted %+v, %v; want run %d only", got, err, cut)
	}
	jobs, err := s.Jobs(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	outcome := map[int64]string{}
	for _, j := range jobs {
		outcome[j.ID] = j.Outcome
		if j.ID == cut && (j.Error == "" || j.Finished != nil) {
			t.Errorf("interrupted run %+v: want a reason and no finish time", j)
		}
	}
	if outcome[cut] != corpus.OutcomeInterrupted || outcome[done] != corpus.OutcomeOK {
		t.Errorf("outcomes %v, want %d %s and %d ok", outcome, cut, corpus.OutcomeInterrupted, done)
	}
	if again, _ := s.InterruptJobs(ctx); len(again) != 0 {
		t.Errorf("second call marked %d more", len(again))
	}
}
