package corpus_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestMarkInReviewOnlyOnce(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	sub := submit(t, s, "%PDF-1.4 mark", "GM0197")
	for range 3 {
		if err := s.MarkInReview(ctx, curator, sub.DocumentID); err != nil {
			t.Fatal(err)
		}
	}
	assertSubmission(t, s, sub.Token, corpus.SubmissionInReview, "")
	log, err := s.AuditLog(ctx, corpus.AuditFilter{DocumentID: sub.DocumentID})
	if err != nil || len(log) != 2 || log[0].Action != corpus.ActionReview || string(log[0].Before) != `{"status":"received"}` {
		t.Errorf("audit %+v, %v; want submit and one review from received", log, err)
	}
	if err := s.MarkInReview(ctx, curator, sub.DocumentID+100); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
}
