package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestTagCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.txt")
	text := "3 Prioriteiten\n\n3.1 Veilig uitgaan\n\nWe maken afspraken met de exploitanten over toezicht en sluitingstijden.\n\n" +
		"• Extra toezicht op zaterdagnacht\n\n4 Monitoring\n\nDe raad ontvangt jaarlijks een voortgangsrapportage."
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"tag", "--data", dir, in}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want one per block (6):\n%s", len(lines), out.String())
	}
	wantVeld := []int{0, 2, 2, 2, 0, 0}
	for i, l := range lines {
		var got map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		for _, k := range []string{"veld", "secondary", "themes", "confidence"} {
			if _, ok := got[k]; !ok {
				t.Errorf("line %d has no %s: %s", i, k, l)
			}
		}
		var v struct{ Veld int }
		json.Unmarshal([]byte(l), &v)
		if v.Veld != wantVeld[i] {
			t.Errorf("block %d veld %d, want %d: %s", i, v.Veld, wantVeld[i], l)
		}
	}
}

func TestReindexRetag(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	store, err := corpus.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	d := corpus.Document{Title: "IVP", Type: corpus.TypeIVP, Source: "x.pdf", MediaType: "application/pdf",
		Status: corpus.StatusPublished, ExtractorVersion: "test", Pages: 1}
	ps := []corpus.Passage{{PageFrom: 1, PageTo: 1, Headings: []string{"Veilig uitgaan"}, Text: "Afspraken met de horeca over het uitgaansgebied."}}
	id, _, err := store.Add(ctx, d, ps, []byte("%PDF-1.4 test"))
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(ctx, []string{"reindex", "--retag", "--data", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "re-tagged 1 passages of 1 documents") {
		t.Errorf("output %q", out.String())
	}
	store, err = corpus.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	got, err := store.Passages(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Tags.Veld != 2 || !strings.HasPrefix(got[0].Tags.Version, "tag-") {
		t.Errorf("tags after retag %+v", got[0].Tags)
	}
}
