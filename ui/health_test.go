package ui_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

func TestProbes(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, path string
		status     int
		body       string
	}{
		{"healthz", "/healthz", http.StatusOK, "ok"},
		{"readyz met index", "/readyz", http.StatusOK, "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.get(t, tt.path)
			if r.status != tt.status || strings.TrimSpace(r.body) != tt.body {
				t.Errorf("%d %q, want %d %q", r.status, r.body, tt.status, tt.body)
			}
		})
	}
	t.Run("readyz na sluiten index", func(t *testing.T) {
		if err := f.ix.Close(); err != nil {
			t.Fatal(err)
		}
		r := f.get(t, "/readyz")
		if r.status != http.StatusServiceUnavailable || !strings.HasPrefix(r.body, "niet gereed: ") {
			t.Errorf("%d %q, want 503 niet gereed", r.status, r.body)
		}
		if r := f.get(t, "/healthz"); r.status != http.StatusOK {
			t.Errorf("healthz %d after the index closed", r.status)
		}
	})
}

func TestReadyFunc(t *testing.T) {
	f := newFixture(t)
	down := ui.ReadyFunc(func(context.Context) error { return errors.New("database: geen verbinding") })
	h, err := ui.New(ui.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, search.New(f.ix), f.store, down)
	if err != nil {
		t.Fatal(err)
	}
	f.handler = h
	r := f.get(t, "/readyz")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "geen verbinding") {
		t.Errorf("%d %q", r.status, r.body)
	}
}

func TestUnknownRoute(t *testing.T) {
	f := newFixture(t)
	r := f.get(t, "/onbekend/adres")
	if r.status != http.StatusNotFound {
		t.Fatalf("status %d", r.status)
	}
	if h := r.html(t).Find("h1").Text(); h != "Pagina niet gevonden" {
		t.Errorf("heading %q", h)
	}
}

func TestStaticFiles(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, "/").html(t)
	css := doc.Find(`link[rel=stylesheet]`).AttrOr("href", "")
	r := f.get(t, css)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") || !strings.Contains(r.body, ".resultaat") {
		t.Errorf("stylesheet %q: %d %q", css, r.status, r.header.Get("Content-Type"))
	}
	if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned stylesheet Cache-Control %q", cc)
	}
	if r := f.get(t, "/static/"); r.status != http.StatusNotFound {
		t.Errorf("directory listing: status %d", r.status)
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name string
		opts ui.Options
		s    ui.Searcher
		docs ui.Documents
	}{
		{"zonder zoeker", ui.Options{}, nil, f.store},
		{"zonder documenten", ui.Options{}, search.New(f.ix), nil},
		{"negatieve timeout", ui.Options{ReadyTimeout: -1}, search.New(f.ix), f.store},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ui.New(tt.opts, tt.s, tt.docs, nil); err == nil {
				t.Error("New accepted it")
			}
		})
	}
}
