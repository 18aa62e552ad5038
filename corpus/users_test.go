package corpus_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/ccv/ivp/corpus"
)

const goodPassword = "correct horse battery"

func openAccounts(t *testing.T) (*corpus.Accounts, string) {
	t.Helper()
	dir := t.TempDir()
	return corpus.NewAccounts(openStore(t, dir), bcrypt.MinCost), dir
}

func TestAddUserRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	a, _ := openAccounts(t)
	if _, err := a.AddUser(ctx, "Curator@Gemeente.nl", corpus.RoleCurator, goodPassword); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, email string
		role        corpus.Role
		password    string
		want        error
	}{
		{"short password", "a@b.nl", corpus.RoleCurator, "elevenchars", corpus.ErrInvalid},
		{"no e-mail", "not-an-address", corpus.RoleCurator, goodPassword, corpus.ErrInvalid},
		{"unknown role", "a@b.nl", "root", goodPassword, corpus.ErrInvalid},
		{"same e-mail other case", "curator@gemeente.NL", corpus.RoleAdmin, goodPassword, corpus.ErrUserExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := a.AddUser(ctx, tt.email, tt.role, tt.password); !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
		})
	}
	users, err := a.Users(ctx)
	if err != nil || len(users) != 1 {
		t.Fatalf("users %v, %v; want the one good account", users, err)
	}
}

func TestAuthenticate(t *testing.T) {
	ctx := context.Background()
	a, _ := openAccounts(t)
	u, err := a.AddUser(ctx, "beheer@ccv.nl", corpus.RoleAdmin, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddUser(ctx, "weg@ccv.nl", corpus.RoleCurator, goodPassword); err != nil {
		t.Fatal(err)
	}
	if err := a.Disable(ctx, "weg@ccv.nl"); err != nil {
		t.Fatal(err)
	}
	got, err := a.Authenticate(ctx, "BEHEER@ccv.nl ", goodPassword)
	if err != nil || got.ID != u.ID || !got.IsAdmin() {
		t.Fatalf("good login: %+v, %v", got, err)
	}
	bad := []struct{ name, email, password string }{
		{"wrong password", "beheer@ccv.nl", goodPassword + "!"},
		{"unknown e-mail", "niemand@ccv.nl", goodPassword},
		{"disabled", "weg@ccv.nl", goodPassword},
		{"empty", "", ""},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if u, err := a.Authenticate(ctx, tt.email, tt.password); !errors.Is(err, corpus.ErrBadCredentials) || u.ID != 0 {
				t.Errorf("got %+v, %v; want ErrBadCredentials", u, err)
			}
		})
	}
	if err := a.Disable(ctx, "niemand@ccv.nl"); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("disable unknown: %v, want ErrNotFound", err)
	}
}

func TestSessions(t *testing.T) {
	ctx := context.Background()
	a, dir := openAccounts(t)
	u, err := a.AddUser(ctx, "curator@ccv.nl", corpus.RoleCurator, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Token) != 43 || strings.ContainsAny(s.Token, "+/=") {
		t.Errorf("token %q: want 256 bits of URL-safe base64", s.Token)
	}
	got, gu, err := a.Session(ctx, s.Token)
	if err != nil || got.UserID != u.ID || gu.Email != "curator@ccv.nl" || !got.Expires.After(time.Now()) {
		t.Fatalf("session: %+v %+v %v", got, gu, err)
	}
	if n := countRows(t, dir, `SELECT COUNT(*) FROM sessions WHERE token_hash = ?`, s.Token); n != 0 {
		t.Error("the token itself is stored; want only its hash")
	}
	expired, err := a.CreateSession(ctx, u.ID, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if _, _, err := a.Session(ctx, expired.Token); !errors.Is(err, corpus.ErrNoSession) {
		t.Errorf("expired session: %v, want ErrNoSession", err)
	}
	if err := a.DeleteSession(ctx, s.Token); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Session(ctx, s.Token); !errors.Is(err, corpus.ErrNoSession) {
		t.Errorf("after logout: %v, want ErrNoSession", err)
	}
	if _, _, err := a.Session(ctx, "made-up"); !errors.Is(err, corpus.ErrNoSession) {
		t.Errorf("unknown token: %v, want ErrNoSession", err)
	}
}

func TestDisableEndsSessions(t *testing.T) {
	ctx := context.Background()
	a, _ := openAccounts(t)
	u, err := a.AddUser(ctx, "curator@ccv.nl", corpus.RoleCurator, goodPassword)
	if err != nil {
		t.Fatal(err)
	}
	s, err := a.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Disable(ctx, "curator@ccv.nl"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Session(ctx, s.Token); !errors.Is(err, corpus.ErrNoSession) {
		t.Errorf("session of a disabled user: %v, want ErrNoSession", err)
	}
	got, err := a.User(ctx, u.ID)
	if err != nil || !got.Disabled || got.CanCurate() {
		t.Errorf("disabled user %+v, %v", got, err)
	}
}

// countRows runs a COUNT query on the store's database directly.
func countRows(t *testing.T, dir, query string, args ...any) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "ivp.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
