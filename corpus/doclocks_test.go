package corpus

import (
	"context"
	"errors"
	"testing"
)

// TestDocLocks: a second action on a held document waits (here until its
// request gives up), one on another document does not, and the document
// is free again once the first is done; nothing is kept for documents
// nobody holds.
func TestDocLocks(t *testing.T) {
	var l DocLocks
	ctx := context.Background()
	unlock, err := l.Lock(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	other, err := l.Lock(ctx, 2)
	if err != nil {
		t.Fatalf("another document waited for the held one: %v", err)
	}
	other()
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := l.Lock(gone, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("a request that gave up while document 1 was held: %v, want context.Canceled", err)
	}
	unlock()
	again, err := l.Lock(ctx, 1)
	if err != nil {
		t.Fatalf("document 1 after it was freed: %v", err)
	}
	again()
	if len(l.held) != 0 {
		t.Errorf("%d documents still recorded with nobody holding them", len(l.held))
	}
}
