package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
)

// TestServeSweepsExpiredDrafts: the scheduler 'ivp serve' starts deletes
// the drafts of the kwaliteitstoets that passed --toets-retention at once,
// and keeps live and submitted ones; the flag reaches the curator.
func TestServeSweepsExpiredDrafts(t *testing.T) {
	ctx := context.Background()
	var c config
	fs := newFlagSet("serve", &c, "data", "toets-retention")
	if _, err := parseArgs(fs, []string{"--data", t.TempDir(), "--toets-retention", "1s"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if c.ToetsRetention != time.Second {
		t.Fatalf("--toets-retention read as %s", c.ToetsRetention)
	}
	e, err := open(ctx, &c)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	old, _ := e.store.AddDraft(ctx, corpus.Draft{FileName: "oud.pdf"}, []byte("a"), time.Millisecond)
	kept, _ := e.store.AddDraft(ctx, corpus.Draft{FileName: "ingediend.pdf"}, []byte("b"), time.Millisecond)
	if err := e.store.MarkDraftSubmitted(ctx, kept.ID, "token"); err != nil {
		t.Fatal(err)
	}
	live, _ := e.store.AddDraft(ctx, corpus.Draft{FileName: "nieuw.pdf"}, []byte("c"), time.Hour)
	time.Sleep(1100 * time.Millisecond)
	sched, err := e.schedule(ctx, "off", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	<-sched.Stop().Done()
	if n, _ := e.store.DraftCount(ctx); n != 2 {
		t.Errorf("%d drafts after the sweep at start, want 2 (submitted and live)", n)
	}
	if _, err := e.store.DraftFile(ctx, old.ID); err == nil {
		t.Error("the expired draft's file is still stored")
	}
	if _, err := e.store.DraftByToken(ctx, live.Token); err != nil {
		t.Errorf("live draft: %v", err)
	}
	cur, _, err := e.curation(&c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cur.Close()
	page := "<!doctype html><html lang=nl><title>Integraal veiligheidsplan</title><main><h1>Integraal veiligheidsplan</h1>" +
		strings.Repeat("<p>De gemeente werkt met politie en partners aan een veilige wijk, met aandacht voor jeugd, ondermijning en woninginbraak.</p>", 20) +
		"</main></html>"
	d, err := cur.CreateDraft(ctx, "plan.html", nil, strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if left := time.Until(d.Expires); left > 2*time.Second {
		t.Errorf("a new draft lives %s, want --toets-retention (1s)", left)
	}
}

// TestServeReadsCutOffDraftsAgain: a draft left being read when the last
// 'ivp serve' stopped is read again when the next one starts, so its link
// shows the report instead of "bezig" for ever.
func TestServeReadsCutOffDraftsAgain(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	c := config{Data: data}
	e, err := open(ctx, &c)
	if err != nil {
		t.Fatal(err)
	}
	page := "<!doctype html><html lang=nl><title>Integraal veiligheidsplan</title><main><h1>Integraal veiligheidsplan</h1>" +
		strings.Repeat("<p>De gemeente werkt met politie en partners aan een veilige wijk, met aandacht voor jeugd, ondermijning en woninginbraak.</p>", 20) +
		"</main></html>"
	d, err := e.store.AddDraft(ctx, corpus.Draft{FileName: "plan.html", State: corpus.DraftReading}, []byte(page), time.Hour)
	e.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := serveWithOutput(t, data)
	addr := strings.TrimSpace(out[strings.Index(out, "http://"):])
	addr, _, _ = strings.Cut(addr, "\n")
	var st struct{ Status, Title string }
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if code := getJSON(t, addr+"/api/v1/kwaliteitstoets/"+d.Token, &st); code != 200 {
			t.Fatalf("the link of the cut-off draft answers %d", code)
		}
		if st.Status != "bezig" {
			break
		}
	}
	if st.Status != "klaar" || st.Title == "" {
		t.Errorf("after the restart the draft is %q, title %q; want klaar", st.Status, st.Title)
	}
}

// --toets-reads and --toets-queue are read by serve, and zero is refused
// with a message naming the flag.
func TestServeToetsReadLimits(t *testing.T) {
	var c config
	fs := newFlagSet("serve", &c, "data", "toets-reads", "toets-queue")
	if _, err := parseArgs(fs, []string{"--data", t.TempDir(), "--toets-reads", "3", "--toets-queue", "7"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if c.ToetsReads != 3 || c.ToetsQueue != 7 {
		t.Fatalf("read %d and %d, want 3 and 7", c.ToetsReads, c.ToetsQueue)
	}
	code, _, stderr := ivp(t, "serve", "--data", t.TempDir(), "--toets-queue", "0")
	if code == 0 || !strings.Contains(stderr, `--toets-queue "0": must be more than zero`) {
		t.Fatalf("--toets-queue 0: exit %d, %q", code, stderr)
	}
}
