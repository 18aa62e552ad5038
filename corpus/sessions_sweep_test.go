package corpus_test

import (
	"context"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
)

func TestLoginSweepsExpiredSessions(t *testing.T) {
	ctx := context.Background()
	a, dir := openAccounts(t)
	u, err := a.AddUser(ctx, "curator@ccv.nl", corpus.RoleCurator, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := a.CreateSession(ctx, u.ID, time.Nanosecond); err != nil { // expired at once
			t.Fatal(err)
		}
	}
	live, err := a.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, dir, `SELECT COUNT(*) FROM sessions`); n != 4 {
		t.Fatalf("%d sessions stored, want 4", n)
	}
	if _, err := a.Authenticate(ctx, "curator@ccv.nl", goodPassword); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, dir, `SELECT COUNT(*) FROM sessions`); n != 1 {
		t.Errorf("after a login %d sessions are stored, want only the live one", n)
	}
	if _, _, err := a.Session(ctx, live.Token); err != nil {
		t.Errorf("the live session ended with the sweep: %v", err)
	}
}
