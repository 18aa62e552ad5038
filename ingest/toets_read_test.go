package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// readDone waits until the reading of the draft with token has ended and
// returns what Draft then says.
func readDone(t *testing.T, cur *ingest.Curator, token string) (corpus.Draft, error) {
	t.Helper()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		d, err := cur.Draft(context.Background(), token)
		if err != nil || d.State != corpus.DraftReading {
			return d, err
		}
	}
	t.Fatal("the draft is still being read after a minute")
	return corpus.Draft{}, nil
}

// holdAtPage returns a Pause hook that stops the first reading of a draft
// at its first page until release is called; reached is closed then.
func holdAtPage() (pause func(string), reached <-chan struct{}, release func()) {
	at, hold := make(chan struct{}), make(chan struct{})
	var once sync.Once
	pause = func(step string) {
		if step == "toets:pagina" {
			once.Do(func() { close(at); <-hold })
		}
	}
	var rel sync.Once
	return pause, at, func() { rel.Do(func() { close(hold) }) }
}

// TestDraftReadInBackground: CreateDraft answers at once with a draft
// being read, Draft shows the page it is at, and then the read plan.
func TestDraftReadInBackground(t *testing.T) {
	pause, reached, release := holdAtPage()
	d := newDesk(t, ingest.CuratorOptions{Pause: pause})
	defer d.cur.Close()
	defer release()
	ctx := context.Background()
	dr, err := d.cur.CreateDraft(ctx, "concept.pdf", nil, bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	if dr.State != corpus.DraftReading || dr.Progress.Step != corpus.StepReceived {
		t.Errorf("new draft: %s at %q, want bezig at ontvangen", dr.State, dr.Progress.Step)
	}
	<-reached
	got, err := d.cur.Draft(ctx, dr.Token)
	if p := got.Progress; err != nil || p.Step != corpus.StepReading || p.Page != 1 || p.Pages < 2 || p.OCR {
		t.Errorf("while reading page 1: %+v, %v", p, err)
	}
	release()
	got, err = readDone(t, d.cur, dr.Token)
	if err != nil || got.State != corpus.DraftReady || len(got.Passages) == 0 || got.Title == "" {
		t.Fatalf("after reading: %s, %d passages, title %q, %v", got.State, len(got.Passages), got.Title, err)
	}
	if _, err := d.cur.SubmitDraft(ctx, corpus.SubmissionInput{}, "onbekend"); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("submit an unknown draft: %v", err)
	}
}

// TestDraftRefusedInBackground: a plan that turns out unreadable is
// deleted, file and all, and Draft says why for its token.
func TestDraftRefusedInBackground(t *testing.T) {
	d := newDesk(t, ingest.CuratorOptions{})
	defer d.cur.Close()
	ctx := context.Background()
	dr, err := d.cur.CreateDraft(ctx, "geheim.pdf", nil, bytes.NewReader(pdftest.Protected(t, "geheim")))
	if err != nil {
		t.Fatal(err)
	}
	_, err = readDone(t, d.cur, dr.Token)
	fe := corpus.FieldErrorsOf(err)
	if len(fe) != 1 || !strings.Contains(fe[0].Msg, "versleuteld") {
		t.Fatalf("encrypted plan: %v, want a refusal that says versleuteld", err)
	}
	if n, _ := d.store.DraftCount(ctx); n != 0 {
		t.Errorf("%d drafts kept of a refused plan", n)
	}
	if _, err := d.store.DraftFile(ctx, dr.ID); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("the refused plan's file: %v, want ErrNotFound", err)
	}
}

// TestDraftsResumedAfterRestart: a draft whose reading a stop cut off is
// read again by ResumeDrafts; one cut off twice is given up and deleted.
func TestDraftsResumedAfterRestart(t *testing.T) {
	pause, reached, release := holdAtPage()
	d := newDesk(t, ingest.CuratorOptions{Pause: pause})
	ctx := context.Background()
	dr, err := d.cur.CreateDraft(ctx, "concept.pdf", nil, bytes.NewReader(d.plans[0]))
	if err != nil {
		t.Fatal(err)
	}
	<-reached
	closed := make(chan struct{})
	go func() { d.cur.Close(); close(closed) }()
	time.Sleep(100 * time.Millisecond) // Close has stopped the reads; let this one see it
	release()
	<-closed
	if got, err := d.store.DraftByToken(ctx, dr.Token); err != nil || got.State != corpus.DraftReading {
		t.Fatalf("after a stop mid-read: %s, %v; want the draft kept unread", got.State, err)
	}
	twice, err := d.store.AddDraft(ctx, corpus.Draft{FileName: "b.pdf", State: corpus.DraftReading}, d.plans[1], time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := d.store.BeginDraftRead(ctx, twice.ID); err != nil {
			t.Fatal(err)
		}
	}
	restarted, err := ingest.NewCurator(ingest.NewPipeline(d.store, mustExtractor(t, d), d.ix), ingest.CuratorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer restarted.Close()
	if n, err := restarted.ResumeDrafts(ctx); err != nil || n != 2 {
		t.Fatalf("ResumeDrafts: %d, %v; want 2", n, err)
	}
	if got, err := readDone(t, restarted, dr.Token); err != nil || got.State != corpus.DraftReady || len(got.Passages) == 0 {
		t.Errorf("resumed draft: %s, %d passages, %v", got.State, len(got.Passages), err)
	}
	_, err = readDone(t, restarted, twice.Token)
	if fe := corpus.FieldErrorsOf(err); len(fe) != 1 || !strings.Contains(fe[0].Msg, "afgebroken") {
		t.Errorf("draft cut off twice: %v, want a refusal that says afgebroken", err)
	}
	if n, _ := d.store.DraftCount(ctx); n != 1 {
		t.Errorf("%d drafts kept, want 1", n)
	}
}

func mustExtractor(t *testing.T, d *desk) *ingest.Extractor {
	t.Helper()
	x, err := ingest.NewExtractor(ingest.Options{}, d.store.Gemeenten())
	if err != nil {
		t.Fatal(err)
	}
	return x
}
