package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

func TestServerErrors(t *testing.T) {
	f := newFixture(t)
	var logs bytes.Buffer
	panicky := ui.ReadyFunc(func(context.Context) error { panic("kapot") })
	h, err := ui.New(ui.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}, search.New(f.ix), f.store, panicky)
	if err != nil {
		t.Fatal(err)
	}
	f.handler = h
	f.store.Close() // every read of the store fails from here on
	tests := []struct {
		name, path string
		api        bool
	}{
		{"documentpagina", fmt.Sprintf("/documenten/%d", f.ids["ams"]), false},
		{"document-API", fmt.Sprintf("/api/v1/documents/%d", f.ids["ams"]), true},
		{"taken-API", "/api/v1/jobs", true},
		{"paniek", "/readyz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs.Reset()
			r := f.get(t, tt.path)
			if r.status != http.StatusInternalServerError {
				t.Fatalf("status %d, want 500: %s", r.status, r.body)
			}
			msg := r.body
			if tt.api {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(r.body), &e); err != nil {
					t.Fatal(err)
				}
				msg = e.Error
			}
			if !strings.Contains(msg, "Er ging aan onze kant iets mis") {
				t.Errorf("answer lacks the Dutch message: %s", msg)
			}
			if strings.Contains(msg, "closed") || strings.Contains(msg, "kapot") {
				t.Errorf("answer leaks the internal error: %s", msg)
			}
			if !strings.Contains(logs.String(), "level=ERROR") {
				t.Errorf("no error logged: %s", logs.String())
			}
		})
	}
}
