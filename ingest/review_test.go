package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
)

var (
	curator = corpus.User{ID: 1, Email: "curator@ccv.nl", Role: corpus.RoleCurator}
	admin   = corpus.User{ID: 2, Email: "admin@ccv.nl", Role: corpus.RoleAdmin}
)

// desk is a curator over a real store and a real on-disk index.
type desk struct {
	store *corpus.Store
	ix    *indexer.Indexer
	cur   *ingest.Curator
	plans [][]byte // generated IVP-like PDFs
}

func newDesk(t testing.TB, o ingest.CuratorOptions) *desk {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	sum, err := gen.Generate(ctx, gen.Options{Out: filepath.Join(dir, "gen"), Plans: 2, Seed: 11}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &desk{}
	for _, f := range sum.Files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d.plans = append(d.plans, b)
	}
	if d.store, err = corpus.Open(ctx, filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.store.Close() })
	if d.ix, err = indexer.Open(ctx, filepath.Join(dir, "index"), indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.ix.Close() })
	x, err := ingest.NewExtractor(ingest.Options{}, d.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	if d.cur, err = ingest.NewCurator(ingest.NewPipeline(d.store, x, d.ix), o); err != nil {
		t.Fatal(err)
	}
	return d
}

func validInput() corpus.SubmissionInput {
	return corpus.SubmissionInput{Gemeenten: []string{"GM0363"}, Type: corpus.TypeIVP, PeriodStart: 2024,
		PeriodEnd: 2027, ContactName: "Anna de Vries", ContactEmail: "a.devries@amsterdam.nl",
		FileName: `C:\Users\anna\..\plan<script>.pdf`}
}

// indexed reports whether the plan index holds document id.
func (d *desk) indexed(t *testing.T, id int64) bool {
	t.Helper()
	var found bool
	err := d.ix.View(func(s indexer.Snapshot) error {
		doc, err := s.Plans.Document(strconv.FormatInt(id, 10))
		found = doc != nil
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestSubmitReviewApproveWithdraw(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	id := sub.DocumentID
	if sub.Status.Label() != "ontvangen" || sub.Source != "plan<script>.pdf" || d.indexed(t, id) {
		t.Fatalf("after submit: %+v, indexed %v; want ontvangen, a bare file name, not searchable", sub, d.indexed(t, id))
	}
	r, err := d.cur.Review(ctx, curator, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Passages) == 0 || len(r.Checklist) == 0 || r.Detected.Title == "" || r.Submission == nil ||
		r.Document.Gemeenten[0].Naam != "Amsterdam" || r.Document.Periode() != "2024-2027" {
		t.Fatalf("review: %d passages, %d checklist, detected %+v, document %+v", len(r.Passages),
			len(r.Checklist), r.Detected, r.Document)
	}
	if b, err := os.ReadFile(r.FilePath); err != nil || !bytes.Equal(b, d.plans[0]) {
		t.Fatalf("original file: %v", err)
	}
	status(t, d, sub.Token, "in behandeling")
	if err := d.cur.Approve(ctx, curator, id); err != nil {
		t.Fatal(err)
	}
	if !d.indexed(t, id) {
		t.Fatal("approved plan not in the index")
	}
	status(t, d, sub.Token, "gepubliceerd")
	if err := d.cur.Approve(ctx, curator, id); !errors.Is(err, corpus.ErrWrongStatus) {
		t.Errorf("approve twice: %v, want ErrWrongStatus", err)
	}
	if err := d.cur.Withdraw(ctx, curator, id, "Vervangen door nieuwer plan."); err != nil {
		t.Fatal(err)
	}
	if d.indexed(t, id) {
		t.Error("withdrawn plan still in the index")
	}
	status(t, d, sub.Token, "ingetrokken")
}

func status(t *testing.T, d *desk, token, want string) {
	t.Helper()
	got, err := d.cur.SubmissionByToken(context.Background(), token)
	if err != nil || got.Status.Label() != want {
		t.Errorf("status %q, %v; want %q", got.Status.Label(), err, want)
	}
}

func TestRejectNeedsReason(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	err = d.cur.Reject(ctx, curator, sub.DocumentID, "  ")
	if fe := corpus.FieldErrorsOf(err); len(fe) != 1 || fe[0].Field != corpus.FieldReason {
		t.Fatalf("reject without reason: %v", err)
	}
	if err := d.cur.Reject(ctx, curator, sub.DocumentID, "Dit is een raadsvoorstel."); err != nil {
		t.Fatal(err)
	}
	got, _ := d.cur.SubmissionByToken(ctx, sub.Token)
	if got.Status.Label() != "afgewezen" || got.Reason != "Dit is een raadsvoorstel." {
		t.Errorf("status %s %q", got.Status.Label(), got.Reason)
	}
	if d.indexed(t, sub.DocumentID) {
		t.Error("rejected plan in the index")
	}
}

func TestEditAndReplaceReindex(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	id := sub.DocumentID
	if err := d.cur.Approve(ctx, curator, id); err != nil {
		t.Fatal(err)
	}
	m := corpus.Metadata{Title: "Veiligheidsplan Zeeuwsvlaanderenstraat", Type: corpus.TypeUitvoeringsplan,
		PeriodStart: 2025, Gemeenten: []corpus.Gemeente{{Code: "GM0363"}, {Code: "GM0344"}}}
	if err := d.cur.EditMeta(ctx, curator, id, m); err != nil {
		t.Fatal(err)
	}
	if got := titleHits(t, d, "zeeuwsvlaanderenstraat"); len(got) != 1 || got[0] != strconv.FormatInt(id, 10) {
		t.Errorf("search for the new title finds %v, want document %d", got, id)
	}
	bad := m
	bad.Title, bad.Vastgesteld = "", "31-12-2024"
	if fe := corpus.FieldErrorsOf(d.cur.EditMeta(ctx, curator, id, bad)); len(fe) != 2 {
		t.Errorf("bad metadata: %v, want errors on title and vastgesteld", fe)
	}
	before, _ := d.store.Passages(ctx, id)
	if err := d.cur.ReplaceFile(ctx, curator, id, "nieuw.pdf", bytes.NewReader(d.plans[1])); err != nil {
		t.Fatal(err)
	}
	after, _ := d.store.Passages(ctx, id)
	r, err := d.cur.Review(ctx, curator, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Versions) != 1 || r.Document.Title != m.Title || after[0].Text == before[0].Text {
		t.Errorf("after replace: %d versions, title %q", len(r.Versions), r.Document.Title)
	}
	if !d.indexed(t, id) || len(titleHits(t, d, "zeeuwsvlaanderenstraat")) != 1 {
		t.Error("replaced plan not searchable under its curated title")
	}
}

func titleHits(t *testing.T, d *desk, word string) []string {
	t.Helper()
	var ids []string
	err := d.ix.View(func(s indexer.Snapshot) error {
		q := bleve.NewMatchQuery(word)
		q.SetField(indexer.FieldTitle)
		res, err := s.Plans.Search(bleve.NewSearchRequest(q))
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestIndexFailureUndoesApproval(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.ix.Close(); err != nil { // a closed index refuses every change
		t.Fatal(err)
	}
	if err := d.cur.Approve(ctx, curator, sub.DocumentID); !errors.Is(err, indexer.ErrClosed) {
		t.Fatalf("approve with a broken index: %v, want ErrClosed", err)
	}
	doc, _ := d.store.Document(ctx, sub.DocumentID)
	log, _ := d.store.AuditLog(ctx, corpus.AuditFilter{Action: corpus.ActionApprove})
	if doc.Status != corpus.StatusPending || len(log) != 0 {
		t.Errorf("after a failed approval: status %s, %d approvals logged; want pending, none", doc.Status, len(log))
	}
	status(t, d, sub.Token, "ontvangen")
}

func TestPermissions(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	disabled := curator
	disabled.Disabled = true
	for name, u := range map[string]corpus.User{"disabled": disabled, "no role": {ID: 3, Email: "x@y.nl"}} {
		if err := d.cur.Approve(ctx, u, sub.DocumentID); !errors.Is(err, corpus.ErrForbidden) {
			t.Errorf("%s: approve %v, want ErrForbidden", name, err)
		}
		if _, err := d.cur.Review(ctx, u, sub.DocumentID); !errors.Is(err, corpus.ErrForbidden) {
			t.Errorf("%s: review %v, want ErrForbidden", name, err)
		}
	}
	if _, err := d.cur.AuditLog(ctx, curator, corpus.AuditFilter{}); !errors.Is(err, corpus.ErrForbidden) {
		t.Errorf("audit log for a curator: %v, want ErrForbidden", err)
	}
	if err := d.cur.Approve(ctx, admin, sub.DocumentID); err != nil {
		t.Fatal(err)
	}
	log, err := d.cur.AuditLog(ctx, admin, corpus.AuditFilter{})
	if err != nil || len(log) != 2 || log[0].UserEmail != admin.Email || log[1].Action != corpus.ActionSubmit {
		t.Errorf("audit log %+v, %v; want the approval by admin over the submission", log, err)
	}
}

// BenchmarkApproveWithdraw measures how long a curator waits for a plan
// to become searchable (Approve) and to leave search again (Withdraw).
func BenchmarkApproveWithdraw(b *testing.B) {
	ctx := context.Background()
	d := newDesk(b, ingest.CuratorOptions{})
	sub, err := d.cur.Submit(ctx, validInput(), bytes.NewReader(d.plans[0]))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := d.cur.Approve(ctx, curator, sub.DocumentID); err != nil {
			b.Fatal(err)
		}
		if err := d.cur.Withdraw(ctx, curator, sub.DocumentID, ""); err != nil {
			b.Fatal(err)
		}
	}
}
