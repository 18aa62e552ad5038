package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/ccv/ivp/corpus"
)

// withStdin runs fn with os.Stdin reading input from a file, as when a
// password is piped into the command.
func withStdin(t *testing.T, input string, fn func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, []byte(input), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old }()
	fn()
}

func TestUserCommand(t *testing.T) {
	data := t.TempDir()
	steps := []struct {
		name, stdin string
		args        []string
		code        int
		stdout      string
		stderr      string
	}{
		{"add admin", "een lang geheim wachtwoord\n", []string{"user", "add", "beheer@ccv.nl", "--role", "admin"}, 0, "added beheer@ccv.nl (admin)", ""},
		{"add curator", "nog een lang wachtwoord", []string{"user", "add", "curator@ccv.nl"}, 0, "added curator@ccv.nl (curator)", ""},
		{"short password", "kort\n", []string{"user", "add", "x@ccv.nl"}, 2, "", "shorter than 12"},
		{"no password", "", []string{"user", "add", "x@ccv.nl"}, 2, "", "no password on stdin"},
		{"bad role", "een lang geheim wachtwoord\n", []string{"user", "add", "x@ccv.nl", "--role", "root"}, 2, "", "want curator or admin"},
		{"bad e-mail", "een lang geheim wachtwoord\n", []string{"user", "add", "geen-adres"}, 2, "", "not an e-mail address"},
		{"twice", "een lang geheim wachtwoord\n", []string{"user", "add", "BEHEER@ccv.nl"}, 1, "", "exists"},
		{"disable", "", []string{"user", "disable", "curator@ccv.nl"}, 0, "disabled curator@ccv.nl", ""},
		{"disable unknown", "", []string{"user", "disable", "niemand@ccv.nl"}, 1, "", "no account niemand@ccv.nl"},
		{"list", "", []string{"user", "list"}, 0, "curator@ccv.nl  curator  disabled", ""},
		{"no verb", "", []string{"user"}, 2, "", "ivp user add EMAIL"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			var code int
			var out, errs string
			withStdin(t, s.stdin, func() {
				code, out, errs = ivp(t, append(s.args, "--data", data)...)
			})
			if code != s.code || !strings.Contains(out, s.stdout) || !strings.Contains(errs, s.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, s.code, s.stdout, s.stderr)
			}
		})
	}
	assertLogin(t, data)
}

// assertLogin checks what the commands stored: the admin can log in with
// the piped password, the disabled curator cannot.
func assertLogin(t *testing.T, data string) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	a := corpus.NewAccounts(store, bcrypt.MinCost)
	u, err := a.Authenticate(ctx, "beheer@ccv.nl", "een lang geheim wachtwoord")
	if err != nil || u.Role != corpus.RoleAdmin {
		t.Errorf("admin login: %+v, %v", u, err)
	}
	if _, err := a.Authenticate(ctx, "curator@ccv.nl", "nog een lang wachtwoord"); err == nil {
		t.Error("disabled curator could log in")
	}
	s, err := a.CreateSession(ctx, u.ID, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, got, err := a.Session(ctx, s.Token); err != nil || got.Email != "beheer@ccv.nl" {
		t.Errorf("session: %+v, %v", got, err)
	}
}
