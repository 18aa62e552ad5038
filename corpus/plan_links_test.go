package corpus_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestSetPlanLink: decisions on a link are stored, the later one replaces
// the earlier, each has an audit entry, and a link to itself or to a
// document that does not exist is refused without storing anything.
func TestSetPlanLink(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a, _, err := s.Add(ctx, sampleDoc(t, s, "GM0197"), samplePassages, []byte("%PDF-1.4 a"))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := s.Add(ctx, sampleDoc(t, s, "GM0197"), samplePassages, []byte("%PDF-1.4 b"))
	if err != nil {
		t.Fatal(err)
	}
	u := corpus.User{ID: 0, Email: "curator@ccv.nl"}
	for _, st := range []corpus.LinkState{corpus.LinkConfirmed, corpus.LinkRemoved} {
		if err := s.SetPlanLink(ctx, u, b, a, st); err != nil {
			t.Fatalf("set %s: %v", st, err)
		}
	}
	links, err := s.PlanLinks(ctx)
	if err != nil || len(links) != 1 || links[0].State != corpus.LinkRemoved || links[0].From != b || links[0].Version != 2 {
		t.Fatalf("links: %+v, %v", links, err)
	}
	entries, err := s.AuditLog(ctx, corpus.AuditFilter{DocumentID: b, Action: corpus.ActionLink})
	if err != nil || len(entries) != 2 || string(entries[0].Before) == "null" {
		t.Errorf("audit: %d entries, %v; latest before %s", len(entries), err, entries[0].Before)
	}
	for name, to := range map[string]int64{"itself": b, "unknown": 9999} {
		err := s.SetPlanLink(ctx, u, b, to, corpus.LinkConfirmed)
		var fe *corpus.FieldError
		if !errors.As(err, &fe) || fe.Field != corpus.FieldOther {
			t.Errorf("%s: %v, want a FieldError on %s", name, err, corpus.FieldOther)
		}
	}
	if err := s.SetPlanLink(ctx, u, 9999, a, corpus.LinkConfirmed); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("link from an unknown document: %v, want ErrNotFound", err)
	}
	if links, _ := s.PlanLinks(ctx); len(links) != 1 {
		t.Errorf("refused links were stored: %+v", links)
	}
}

// TestLeadText: the first n passages' text, one a line, in reading order.
func TestLeadText(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	id, _, err := s.Add(ctx, sampleDoc(t, s, "GM0197"), samplePassages, []byte("%PDF-1.4 lead"))
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "Voor u ligt het plan.\n", 5: "Voor u ligt het plan.\nOndermijning.\n"} {
		if got, err := s.LeadText(ctx, id, n); err != nil || got != want {
			t.Errorf("LeadText(%d) = %q, %v; want %q", n, got, err, want)
		}
	}
}
