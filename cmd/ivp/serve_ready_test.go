package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// TestNotReadyWhileIndexEmpty serves a store of published plans from an
// empty index, as after a lost index directory while it is rebuilt:
// /readyz says not ready until the index holds the plans.
func TestNotReadyWhileIndexEmpty(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, generate(t, 2, 5)); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	var c config
	newFlagSet("serve", &c)
	c.Data = data
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(ctx, t.TempDir(), indexer.Options{}) // empty
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := &env{store: store, ix: ix}
	h, err := e.handler(&c, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	probe := func() (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		b, _ := io.ReadAll(rec.Body)
		return rec.Code, string(b)
	}
	if status, body := probe(); status != http.StatusServiceUnavailable || !strings.Contains(body, "niet gereed") {
		t.Errorf("empty index, 2 published plans: /readyz %d %q; want 503, niet gereed", status, body)
	}
	if _, err := e.rebuild(ctx, "test"); err != nil {
		t.Fatal(err)
	}
	if status, body := probe(); status != http.StatusOK {
		t.Errorf("after the rebuild: /readyz %d %q; want 200", status, body)
	}
}
