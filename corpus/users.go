package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Role is what a curator account may do.
type Role string

// Roles. Admins can do what curators can and read the audit log.
const (
	RoleCurator Role = "curator"
	RoleAdmin   Role = "admin"
)

// User is a curator account.
type User struct {
	ID       int64
	Email    string
	Role     Role
	Disabled bool
	Created  time.Time
}

// CanCurate reports whether u may review and edit documents.
func (u User) CanCurate() bool {
	return !u.Disabled && (u.Role == RoleCurator || u.Role == RoleAdmin)
}

// IsAdmin reports whether u may read the audit log.
func (u User) IsAdmin() bool { return !u.Disabled && u.Role == RoleAdmin }

// Account errors.
var (
	ErrBadCredentials = errors.New("wrong e-mail or password")
	ErrNoSession      = errors.New("no valid session")
)

// DefaultBcryptCost is the bcrypt cost of stored passwords.
const DefaultBcryptCost = 12

// MinPasswordLength is the shortest password an account may have.
const MinPasswordLength = 12

// Accounts keeps curator accounts and their sessions in the store. It is
// safe for concurrent use.
type Accounts struct {
	s     *Store
	cost  int
	once  sync.Once
	dummy []byte // a hash compared against for unknown e-mails
}

// NewAccounts returns the accounts of store, hashing new passwords with
// bcrypt at cost (DefaultBcryptCost when 0; tests pass bcrypt.MinCost).
func NewAccounts(store *Store, cost int) *Accounts {
	if cost == 0 {
		cost = DefaultBcryptCost
	}
	return &Accounts{s: store, cost: cost}
}

// AddUser creates an account. The e-mail is trimmed and compared without
// case; a second account with the same e-mail is refused.
func (a *Accounts) AddUser(ctx context.Context, email string, role Role, password string) (User, error) {
	email = strings.TrimSpace(email)
	if err := validateAccount(email, role, password); err != nil {
		return User{}, fmt.Errorf("add user %s: %w", email, err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.cost)
	if err != nil {
		return User{}, fmt.Errorf("add user %s: %w", email, err)
	}
	now := time.Now().UTC()
	res, err := a.s.db.ExecContext(ctx, `INSERT INTO users (email, role, password_hash, created)
		VALUES (?, ?, ?, ?)`, email, string(role), string(hash), now.Format(timeLayout))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return User{}, fmt.Errorf("add user %s: %w", email, ErrUserExists)
		}
		return User{}, fmt.Errorf("add user %s: %w", email, err)
	}
	id, err := res.LastInsertId()
	return User{ID: id, Email: email, Role: role, Created: now}, err
}

// ErrUserExists is returned when an account with the e-mail exists.
var ErrUserExists = errors.New("an account with this e-mail exists")

func validateAccount(email string, role Role, password string) error {
	if at := strings.Index(email, "@"); at < 1 || at == len(email)-1 || strings.ContainsAny(email, " \t\r\n") {
		return fmt.Errorf("%w: %q is not an e-mail address", ErrInvalid, email)
	}
	if role != RoleCurator && role != RoleAdmin {
		return fmt.Errorf("%w: role %q is not curator or admin", ErrInvalid, role)
	}
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return fmt.Errorf("%w: password shorter than %d characters", ErrInvalid, MinPasswordLength)
	}
	if len(password) > 72 {
		return fmt.Errorf("%w: password longer than 72 bytes", ErrInvalid)
	}
	return nil
}

const userColumns = `id, email, role, disabled, created`

// scanUser reads the userColumns of row into a user, and the columns
// after them into extra.
func scanUser(row scanner, extra ...any) (User, error) {
	var u User
	var role, created string
	if err := row.Scan(append([]any{&u.ID, &u.Email, &role, &u.Disabled, &created}, extra...)...); err != nil {
		return u, err
	}
	u.Role = Role(role)
	u.Created, _ = time.Parse(timeLayout, created)
	return u, nil
}

// Users lists every account, ordered by e-mail.
func (a *Accounts) Users(ctx context.Context) ([]User, error) {
	rows, err := a.s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// User returns one account, or ErrNotFound.
func (a *Accounts) User(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(a.s.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	return u, err
}

// Disable locks an account out and ends its sessions, in one transaction.
func (a *Accounts) Disable(ctx context.Context, email string) error {
	tx, err := a.s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("disable %s: %w", email, err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, `UPDATE users SET disabled = 1 WHERE email = ? RETURNING id`,
		strings.TrimSpace(email)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("disable %s: %w", email, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("disable %s: %w", email, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
		return fmt.Errorf("disable %s: %w", email, err)
	}
	return tx.Commit()
}

// Authenticate checks an e-mail and password. A wrong password, an unknown
// e-mail and a disabled account all return ErrBadCredentials, after one
// bcrypt comparison each, so the answer takes the same time. A successful
// check also removes the expired sessions of every account (SweepSessions),
// so they do not pile up in the store.
func (a *Accounts) Authenticate(ctx context.Context, email, password string) (User, error) {
	var hash string
	u, err := scanUser(a.s.db.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash
		FROM users WHERE email = ?`, strings.TrimSpace(email)), &hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	if err != nil {
		hash = string(a.dummyHash())
	}
	cmp := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	if err != nil || cmp != nil || u.Disabled {
		return User{}, ErrBadCredentials
	}
	if _, err := a.SweepSessions(ctx); err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	return u, nil
}

// SweepSessions removes every expired session and returns how many there
// were.
func (a *Accounts) SweepSessions(ctx context.Context) (int64, error) {
	res, err := a.s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expires <= ?`,
		time.Now().UTC().Format(timeLayout))
	if err != nil {
		return 0, fmt.Errorf("sweep sessions: %w", err)
	}
	return res.RowsAffected()
}

// dummyHash is a hash at the accounts' cost of a password nobody has.
func (a *Accounts) dummyHash() []byte {
	a.once.Do(func() {
		a.dummy, _ = bcrypt.GenerateFromPassword([]byte("no account has this password"), a.cost)
	})
	return a.dummy
}
