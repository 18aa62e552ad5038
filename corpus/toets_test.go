package corpus

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestDrafts stores a draft, reads it back by its token, and checks that
// an expired draft answers ErrDraftExpired and that the sweep deletes
// expired drafts but keeps submitted ones.
func TestDrafts(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps := []Passage{{Ordinal: 0, PageFrom: 2, Headings: []string{"Visie"}, Text: "Veilig wonen."}}
	d, err := s.AddDraft(ctx, Draft{FileName: "plan.pdf", Title: "IVP", Gemeenten: []string{"GM0363"}, Passages: ps}, []byte("%PDF-1.7"), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Token) < 40 {
		t.Errorf("token %q is too short to be unguessable", d.Token)
	}
	got, err := s.DraftByToken(ctx, d.Token)
	if err != nil || got.Title != "IVP" || len(got.Passages) != 1 || got.Passages[0].Text != "Veilig wonen." || got.Gemeenten[0] != "GM0363" {
		t.Fatalf("draft %+v, %v", got, err)
	}
	if _, err := s.DraftByToken(ctx, "onbekend"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown token: %v, want ErrNotFound", err)
	}
	kept, _ := s.AddDraft(ctx, Draft{FileName: "b.pdf"}, []byte("b"), time.Hour)
	if err := s.MarkDraftSubmitted(ctx, kept.ID, "sub-token"); err != nil {
		t.Fatal(err)
	}
	n, err := s.SweepDrafts(ctx, time.Now().Add(2*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("sweep deleted %d drafts (%v), want 1", n, err)
	}
	if _, err := s.DraftByToken(ctx, d.Token); !errors.Is(err, ErrNotFound) {
		t.Errorf("swept draft: %v, want ErrNotFound", err)
	}
	if _, err := s.DraftFile(ctx, kept.ID); err != nil {
		t.Errorf("submitted draft's file is gone: %v", err)
	}
	short, _ := s.AddDraft(ctx, Draft{FileName: "c.pdf"}, []byte("c"), time.Millisecond)
	time.Sleep(1100 * time.Millisecond)
	if _, err := s.DraftByToken(ctx, short.Token); !errors.Is(err, ErrDraftExpired) {
		t.Errorf("expired draft: %v, want ErrDraftExpired", err)
	}
}
