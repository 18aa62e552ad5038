package corpus_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func openStore(t *testing.T, dir string) *corpus.Store {
	t.Helper()
	s, err := corpus.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sampleDoc(t *testing.T, s *corpus.Store, codes ...string) corpus.Document {
	d := corpus.Document{Title: "IVP", Type: corpus.TypeIVP, PeriodStart: 2023, PeriodEnd: 2026,
		Source: "ivp.pdf", MediaType: "application/pdf", Pages: 2, Status: corpus.StatusPublished}
	for _, c := range codes {
		g, ok := s.Gemeenten().ByCode(c)
		if !ok {
			g = corpus.Gemeente{Code: c}
		}
		d.Gemeenten = append(d.Gemeenten, g)
	}
	return d
}

var samplePassages = []corpus.Passage{
	{PageFrom: 1, PageTo: 1, Headings: []string{"1 Inleiding"}, Text: "Voor u ligt het plan."},
	{PageFrom: 1, PageTo: 2, Headings: []string{"2 Prioriteiten", "2.1 Ondermijning"}, Text: "Ondermijning.",
		Tags: corpus.Tags{Veld: 5, Themes: []string{"5.2"}}},
}

func TestAddRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	data := []byte("%PDF-1.4 pretend")
	id, existed, err := s.Add(ctx, sampleDoc(t, s, "GM0197", "GM1859"), samplePassages, data)
	if err != nil || existed {
		t.Fatalf("add: %v existed=%v", err, existed)
	}
	d, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Periode() != "2023-2026" || len(d.Gemeenten) != 2 || d.Provincies()[0] != "Gelderland" || d.SHA256 != corpus.Digest(data) {
		t.Errorf("document read back wrong: %+v", d)
	}
	got, err := os.ReadFile(s.FilePath(d))
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("original file not stored: %v", err)
	}
	ps, err := s.Passages(ctx, id)
	if err != nil || len(ps) != 2 {
		t.Fatalf("passages: %v %d", err, len(ps))
	}
	if ps[1].Headings[1] != "2.1 Ondermijning" || ps[1].PageTo != 2 || ps[1].Tags.Veld != 5 || ps[1].Ordinal != 1 {
		t.Errorf("passage read back wrong: %+v", ps[1])
	}
}

func TestAddSameFileTwiceYieldsOneDocument(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	id1, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("same"))
	if err != nil {
		t.Fatal(err)
	}
	id2, existed, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("same"))
	if err != nil || !existed || id2 != id1 {
		t.Fatalf("second add: id %d existed %v err %v, want id %d existed", id2, existed, err, id1)
	}
	c, _ := s.Counts(ctx)
	if c.Documents != 1 || c.Passages != 2 {
		t.Errorf("counts %+v, want 1 document and 2 passages", c)
	}
}

func TestAddRefusesBadInputAndKeepsStore(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	if _, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("good")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  corpus.Document
	}{
		{"unknown gemeente", sampleDoc(t, s, "GM9999")},
		{"no status", func() corpus.Document { d := sampleDoc(t, s); d.Status = ""; return d }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := s.Add(ctx, tt.doc, samplePassages, []byte(tt.name)); err == nil {
				t.Fatal("no error")
			}
			c, _ := s.Counts(ctx)
			if c.Documents != 1 || c.Passages != 2 {
				t.Errorf("store changed: %+v", c)
			}
		})
	}
}

func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := corpus.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, dir)
	if _, err := s.Document(ctx, id); err != nil {
		t.Errorf("after reopen: %v", err)
	}
	if _, err := s.Document(ctx, id+1); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("missing document: %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ivp.db")); err != nil {
		t.Error(err)
	}
}

func TestJobsAndRejections(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	id, err := s.StartJob(ctx, "reindex")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinishJob(ctx, id, 7, errors.New("disk full")); err != nil {
		t.Fatal(err)
	}
	jobs, err := s.Jobs(ctx, 10)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("jobs: %v %v", jobs, err)
	}
	if j := jobs[0]; j.Outcome != corpus.OutcomeFailed || j.Documents != 7 || j.Error != "disk full" || j.Finished == nil {
		t.Errorf("job recorded wrong: %+v", j)
	}
	if err := s.Reject(ctx, corpus.Rejection{Source: "x.pdf", Reason: "leeg bestand"}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Counts(ctx); c.Rejections != 1 || c.Documents != 0 {
		t.Errorf("counts %+v", c)
	}
}

func TestGemeentenRegister(t *testing.T) {
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(gm.All()); n != 342 {
		t.Errorf("%d gemeenten, want 342", n)
	}
	for code, want := range map[string]string{"GM0796": "'s-Hertogenbosch", "GM0820": "Nuenen, Gerwen en Nederwetten", "gm0363": "Amsterdam"} {
		if g, ok := gm.ByCode(code); !ok || g.Naam != want {
			t.Errorf("%s = %+v, want %s", code, g, want)
		}
	}
}
