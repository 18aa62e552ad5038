package corpus_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestAddDuplicateSubmission(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	first := submit(t, s, "%PDF-1.4 dup", "GM0197")
	again := corpus.Submission{Submitted: corpus.Metadata{Title: "IVP", Type: corpus.TypeIVP, PeriodStart: 2024},
		ContactName: "Piet Pieters", ContactEmail: "piet@elders.nl", Note: "nogmaals", Source: "kopie.pdf"}
	dup, err := s.AddDuplicateSubmission(ctx, first.DocumentID, again)
	if err != nil {
		t.Fatal(err)
	}
	if len(dup.Token) != 22 || dup.ID != first.ID+1 || dup.Status != corpus.SubmissionReceived {
		t.Fatalf("duplicate %+v: want a token like any other and the next reference", dup)
	}
	got, err := s.SubmissionByToken(ctx, dup.Token)
	if err != nil || got.Reference() != dup.Reference() || got.Status != corpus.SubmissionReceived ||
		got.Source != "kopie.pdf" || got.Submitted.PeriodStart != 2024 {
		t.Fatalf("status of the duplicate by its token: %+v, %v", got, err)
	}
	if _, err := s.SubmissionByToken(ctx, dup.Token+"x"); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("wrong token: %v, want ErrNotFound", err)
	}
	mine, err := s.SubmissionByToken(ctx, first.Token)
	if err != nil || mine.ContactEmail != "jan@gemeente.nl" {
		t.Errorf("the first submission changed: %+v, %v", mine, err)
	}
	log, err := s.AuditLog(ctx, corpus.AuditFilter{DocumentID: first.DocumentID, Action: corpus.ActionSubmitDuplicate})
	if err != nil || len(log) != 1 || log[0].UserID != 0 {
		t.Fatalf("audit %+v, %v; want one duplicate submission by the public", log, err)
	}
	var after struct {
		Reference    string `json:"reference"`
		ContactEmail string `json:"contact_email"`
	}
	if err := json.Unmarshal(log[0].After, &after); err != nil {
		t.Fatal(err)
	}
	if after.Reference != dup.Reference() || after.ContactEmail != "piet@elders.nl" {
		t.Errorf("the curator sees %s, want the reference and the contact of the duplicate", log[0].After)
	}
	if items, err := s.Queue(ctx, corpus.QueueFilter{Status: corpus.AllStatuses}); err != nil || len(items) != 1 {
		t.Errorf("%d documents after a duplicate (%v), want the one stored", len(items), err)
	}
}

// TestReferencesStayUnique: a submission after a duplicate gets a
// reference of its own, not the one the duplicate was given.
func TestReferencesStayUnique(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	first := submit(t, s, "%PDF-1.4 een", "GM0197")
	seen := map[string]bool{first.Reference(): true}
	for i := range 3 {
		dup, err := s.AddDuplicateSubmission(ctx, first.DocumentID, corpus.Submission{
			Submitted:   corpus.Metadata{Title: "IVP", Type: corpus.TypeIVP, PeriodStart: 2024},
			ContactName: "Piet Pieters", ContactEmail: "piet@elders.nl", Source: "kopie.pdf"})
		if err != nil {
			t.Fatal(err)
		}
		next := submit(t, s, fmt.Sprintf("%%PDF-1.4 plan %d", i), "GM0197")
		for _, ref := range []string{dup.Reference(), next.Reference()} {
			if seen[ref] {
				t.Fatalf("reference %s given twice", ref)
			}
			seen[ref] = true
		}
		got, err := s.SubmissionByToken(ctx, next.Token)
		if err != nil || got.Reference() != next.Reference() || got.ContactEmail != "jan@gemeente.nl" {
			t.Fatalf("the submission after a duplicate, by its token: %+v, %v", got, err)
		}
	}
}
