package corpus_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/ccv/ivp/corpus"
)

var curator = corpus.User{ID: 7, Email: "curator@ccv.nl", Role: corpus.RoleCurator}

// submit stores a pending submitted plan with the given file content.
func submit(t *testing.T, s *corpus.Store, content string, codes ...string) corpus.Submission {
	t.Helper()
	d := sampleDoc(t, s, codes...)
	d.Status = corpus.StatusPending
	sub := corpus.Submission{Submitted: d.Metadata(), Detected: corpus.Metadata{Title: "Gevonden titel"},
		ContactName: "Jan Jansen", ContactEmail: "jan@gemeente.nl", Note: "zie bijlage", Source: "plan.pdf"}
	got, err := s.AddSubmission(context.Background(), d, samplePassages, []byte(content), sub)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestAddSubmission(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	sub := submit(t, s, "%PDF-1.4 one", "GM0197")
	if len(sub.Token) != 22 || sub.ID == 0 || sub.DocumentID == 0 || sub.Status != corpus.SubmissionReceived {
		t.Fatalf("submission %+v", sub)
	}
	d, err := s.Document(ctx, sub.DocumentID)
	if err != nil || d.Status != corpus.StatusPending {
		t.Fatalf("document %+v, %v; want pending", d, err)
	}
	if b, err := os.ReadFile(s.FilePath(d)); err != nil || string(b) != "%PDF-1.4 one" {
		t.Fatalf("file on disk: %q, %v", b, err)
	}
	got, err := s.SubmissionByToken(ctx, sub.Token)
	if err != nil || got.ID != sub.ID || got.Detected.Title != "Gevonden titel" || got.ContactEmail != "jan@gemeente.nl" {
		t.Fatalf("by token: %+v, %v", got, err)
	}
	if _, err := s.SubmissionByToken(ctx, sub.Token+"x"); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("wrong token: %v, want ErrNotFound", err)
	}
	_, err = s.AddSubmission(ctx, d, nil, []byte("%PDF-1.4 one"), corpus.Submission{})
	if fe := corpus.FieldErrorsOf(err); !errors.Is(err, corpus.ErrDuplicate) || len(fe) != 1 || fe[0].Field != corpus.FieldFile {
		t.Errorf("same file again: %v, want a FieldError on file wrapping ErrDuplicate", err)
	}
	log, err := s.AuditLog(ctx, corpus.AuditFilter{DocumentID: sub.DocumentID})
	if err != nil || len(log) != 1 || log[0].Action != corpus.ActionSubmit || log[0].UserID != 0 {
		t.Errorf("audit %+v, %v; want one submit by the public", log, err)
	}
}

func TestStatusTransitions(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	sub := submit(t, s, "%PDF-1.4 two", "GM0197")
	id := sub.DocumentID
	if err := s.MarkInReview(ctx, curator, id); err != nil {
		t.Fatal(err)
	}
	assertSubmission(t, s, sub.Token, corpus.SubmissionInReview, "")
	reject := corpus.Transition{Action: corpus.ActionReject, From: []corpus.Status{corpus.StatusPending},
		To: corpus.StatusRejected, Reason: "Geen IVP maar een raadsbrief."}
	if _, err := s.SetStatus(ctx, curator, id, reject); err != nil {
		t.Fatal(err)
	}
	assertSubmission(t, s, sub.Token, corpus.SubmissionRejected, "Geen IVP maar een raadsbrief.")
	if _, err := s.SetStatus(ctx, curator, id, reject); !errors.Is(err, corpus.ErrWrongStatus) {
		t.Errorf("reject twice: %v, want ErrWrongStatus", err)
	}
	approve := corpus.Transition{Action: corpus.ActionApprove, To: corpus.StatusPublished,
		From: []corpus.Status{corpus.StatusPending, corpus.StatusRejected}}
	ch, err := s.SetStatus(ctx, curator, id, approve)
	if err != nil || ch.Before.Status != corpus.StatusRejected || ch.After.Status != corpus.StatusPublished {
		t.Fatalf("approve: %+v, %v", ch, err)
	}
	assertSubmission(t, s, sub.Token, corpus.SubmissionPublished, "")
	if _, err := s.SetStatus(ctx, curator, 999, approve); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("unknown document: %v, want ErrNotFound", err)
	}
	log, err := s.AuditLog(ctx, corpus.AuditFilter{DocumentID: id})
	if err != nil || len(log) != 4 || log[0].Action != corpus.ActionApprove || log[0].UserEmail != curator.Email {
		t.Fatalf("audit %+v, %v; want submit, review, reject, approve newest first", log, err)
	}
	if string(log[0].Before) != `{"status":"rejected"}` {
		t.Errorf("before of approve %s", log[0].Before)
	}
}

func assertSubmission(t *testing.T, s *corpus.Store, token string, st corpus.SubmissionStatus, reason string) {
	t.Helper()
	got, err := s.SubmissionByToken(context.Background(), token)
	if err != nil || got.Status != st || got.Reason != reason {
		t.Errorf("submission %s %q, %v; want %s %q", got.Status, got.Reason, err, st, reason)
	}
}

func TestUndoRestoresEverything(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	sub := submit(t, s, "%PDF-1.4 three", "GM0197")
	id := sub.DocumentID
	ch, err := s.SetStatus(ctx, curator, id, corpus.Transition{Action: corpus.ActionApprove,
		From: []corpus.Status{corpus.StatusPending}, To: corpus.StatusPublished})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(ctx, ch); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Document(ctx, id)
	if d.Status != corpus.StatusPending {
		t.Errorf("status after undo %s, want pending", d.Status)
	}
	assertSubmission(t, s, sub.Token, corpus.SubmissionReceived, "")
	log, _ := s.AuditLog(ctx, corpus.AuditFilter{Action: corpus.ActionApprove})
	if len(log) != 0 {
		t.Errorf("audit after undo still has %d approvals", len(log))
	}
	m := d.Metadata()
	m.Title = "Nieuwe titel"
	m.Gemeenten = []corpus.Gemeente{{Code: "GM1859"}}
	ch, err = s.SetMetadata(ctx, curator, id, m)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Document(ctx, id); got.Title != "Nieuwe titel" || len(got.Gemeenten) != 1 || got.Gemeenten[0].Code != "GM1859" {
		t.Fatalf("after edit %+v", got)
	}
	if err := s.Undo(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Document(ctx, id); got.Title != d.Title || got.Gemeenten[0].Code != "GM0197" {
		t.Errorf("after undo of edit %+v", got)
	}
	m.Gemeenten = []corpus.Gemeente{{Code: "GM9999"}}
	if _, err := s.SetMetadata(ctx, curator, id, m); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("unknown gemeente: %v, want ErrInvalid", err)
	}
}

func TestReplaceFileKeepsVersion(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	id, _, err := s.Add(ctx, sampleDoc(t, s, "GM0197"), samplePassages, []byte("%PDF-1.4 old"))
	if err != nil {
		t.Fatal(err)
	}
	old, _ := s.Document(ctx, id)
	nd := corpus.Document{Source: "nieuw.pdf", MediaType: "application/pdf", Pages: 9, ExtractorVersion: "x"}
	newPassages := []corpus.Passage{{PageFrom: 1, PageTo: 1, Text: "Nieuwe tekst."}}
	ch, err := s.ReplaceFile(ctx, curator, id, nd, newPassages, []byte("%PDF-1.4 new"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Document(ctx, id)
	ps, _ := s.Passages(ctx, id)
	if d.Source != "nieuw.pdf" || d.Pages != 9 || d.Title != old.Title || len(ps) != 1 || ps[0].Text != "Nieuwe tekst." {
		t.Fatalf("after replace: %+v, %d passages", d, len(ps))
	}
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 1 || vs[0].SHA256 != old.SHA256 || vs[0].ReplacedBy != curator.ID {
		t.Fatalf("versions %+v, %v", vs, err)
	}
	if b, err := os.ReadFile(s.VersionPath(vs[0])); err != nil || string(b) != "%PDF-1.4 old" {
		t.Errorf("old file %q, %v", b, err)
	}
	if err := s.Undo(ctx, ch); err != nil {
		t.Fatal(err)
	}
	d, _ = s.Document(ctx, id)
	ps, _ = s.Passages(ctx, id)
	vs, _ = s.Versions(ctx, id)
	if d.SHA256 != old.SHA256 || len(ps) != len(samplePassages) || len(vs) != 0 {
		t.Errorf("after undo: sha %s, %d passages, %d versions", d.SHA256, len(ps), len(vs))
	}
}

func TestQueueFilters(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a := submit(t, s, "%PDF-1.4 a", "GM0197")
	b := submit(t, s, "%PDF-1.4 b", "GM1859")
	bulk, _, err := s.Add(ctx, sampleDoc(t, s, "GM0197"), samplePassages, []byte("%PDF-1.4 bulk"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    corpus.QueueFilter
		want []int64
	}{
		{"pending by default, newest first", corpus.QueueFilter{}, []int64{b.DocumentID, a.DocumentID}},
		{"gemeente", corpus.QueueFilter{Gemeente: "GM1859"}, []int64{b.DocumentID}},
		{"all statuses", corpus.QueueFilter{Status: corpus.AllStatuses, Gemeente: "GM0197"}, []int64{bulk, a.DocumentID}},
		{"published", corpus.QueueFilter{Status: corpus.StatusPublished}, []int64{bulk}},
		{"submitted only", corpus.QueueFilter{Status: corpus.AllStatuses, Submitted: true}, []int64{b.DocumentID, a.DocumentID}},
		{"text in contact", corpus.QueueFilter{Text: "JAN@gemeente"}, []int64{b.DocumentID, a.DocumentID}},
		{"text with wildcard", corpus.QueueFilter{Text: "%"}, nil},
		{"type", corpus.QueueFilter{Type: corpus.TypeEvaluatie}, nil},
		{"limit", corpus.QueueFilter{Limit: 1, Offset: 1}, []int64{a.DocumentID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := s.Queue(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, it := range items {
				got = append(got, it.Document.ID)
				if (it.Submission == nil) != (it.Document.ID == bulk) {
					t.Errorf("document %d: submission %v", it.Document.ID, it.Submission)
				}
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
