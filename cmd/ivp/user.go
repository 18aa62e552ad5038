package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/ccv/ivp/corpus"
)

const userUsage = "ivp user add EMAIL --role curator|admin | ivp user list | ivp user disable EMAIL"

// runUser manages curator accounts: add (the password from stdin, or
// prompted twice on a terminal), list and disable.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("user", &c, "data")
	role := fs.String("role", string(corpus.RoleCurator), "role of a new account: curator or admin")
	pos, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%w: %s", errUsage, userUsage)
	}
	verb, rest := pos[0], pos[1:]
	want := map[string]int{"add": 1, "list": 0, "disable": 1}
	if n, ok := want[verb]; !ok || n != len(rest) {
		return fmt.Errorf("%w: %s", errUsage, userUsage)
	}
	if verb == "add" && *role != string(corpus.RoleCurator) && *role != string(corpus.RoleAdmin) {
		return fmt.Errorf("%w: --role %q: want curator or admin", errUsage, *role)
	}
	store, err := corpus.Open(ctx, c.storeDir())
	if err != nil {
		return err
	}
	defer store.Close()
	a := corpus.NewAccounts(store, corpus.DefaultBcryptCost)
	switch verb {
	case "add":
		return addUser(ctx, a, rest[0], corpus.Role(*role), stdout, stderr)
	case "disable":
		return disableUser(ctx, a, rest[0], stdout)
	}
	return listUsers(ctx, a, stdout)
}

func addUser(ctx context.Context, a *corpus.Accounts, email string, role corpus.Role, stdout, stderr io.Writer) error {
	password, err := readPassword(os.Stdin, stderr)
	if err != nil {
		return err
	}
	u, err := a.AddUser(ctx, email, role, password)
	if errors.Is(err, corpus.ErrInvalid) {
		return badInput{err}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "added %s (%s)\n", u.Email, u.Role)
	return nil
}

// readPassword reads the new password: the first line of stdin when it
// is not a terminal, else prompted twice without echo.
func readPassword(stdin *os.File, stderr io.Writer) (string, error) {
	if !term.IsTerminal(int(stdin.Fd())) {
		line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read password: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", fmt.Errorf("%w: no password on stdin (echo PASSWORD | %s)", errUsage, userUsage)
		}
		return line, nil
	}
	fmt.Fprint(stderr, "Password (at least 12 characters): ")
	p1, err := term.ReadPassword(int(stdin.Fd()))
	fmt.Fprintln(stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	fmt.Fprint(stderr, "Repeat password: ")
	p2, err := term.ReadPassword(int(stdin.Fd()))
	fmt.Fprintln(stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if !bytes.Equal(p1, p2) {
		return "", fmt.Errorf("%w: the passwords differ", errUsage)
	}
	return string(p1), nil
}

func listUsers(ctx context.Context, a *corpus.Accounts, stdout io.Writer) error {
	users, err := a.Users(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EMAIL\tROLE\tSTATE\tCREATED")
	for _, u := range users {
		state := "active"
		if u.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", u.Email, u.Role, state, u.Created.Format("2006-01-02 15:04"))
	}
	return w.Flush()
}

func disableUser(ctx context.Context, a *corpus.Accounts, email string, stdout io.Writer) error {
	if err := a.Disable(ctx, email); err != nil {
		if errors.Is(err, corpus.ErrNotFound) {
			return fmt.Errorf("no account %s", email)
		}
		return err
	}
	fmt.Fprintf(stdout, "disabled %s; its sessions have ended\n", email)
	return nil
}
