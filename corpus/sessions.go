package corpus

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Session is a logged-in curator.
type Session struct {
	Token   string // only set by CreateSession and Session: the store keeps its SHA-256
	UserID  int64
	Expires time.Time
	Created time.Time
}

// CreateSession starts a session for a user that lasts ttl. The token is
// 256 random bits, URL-safe base64; only its SHA-256 is stored.
func (a *Accounts) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (Session, error) {
	if ttl <= 0 {
		return Session{}, fmt.Errorf("create session: ttl %s: %w", ttl, ErrInvalid)
	}
	token, err := newToken(32)
	if err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	now := time.Now().UTC()
	s := Session{Token: token, UserID: userID, Expires: now.Add(ttl), Created: now}
	_, err = a.s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, expires, created)
		VALUES (?, ?, ?, ?)`, tokenHash(s.Token), userID, s.Expires.Format(timeLayout), now.Format(timeLayout))
	if err != nil {
		return Session{}, fmt.Errorf("create session for user %d: %w", userID, err)
	}
	return s, nil
}

// Session returns the live session with the token and its user, or
// ErrNoSession when the token is unknown or expired or the user disabled.
// Expired sessions are removed on the way.
func (a *Accounts) Session(ctx context.Context, token string) (Session, User, error) {
	s := Session{Token: token}
	var expires, created string
	u, err := scanUser(a.s.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.disabled, u.created,
		s.user_id, s.expires, s.created
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, tokenHash(token)),
		&s.UserID, &expires, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, User{}, ErrNoSession
	}
	if err != nil {
		return Session{}, User{}, fmt.Errorf("session: %w", err)
	}
	s.Expires, _ = time.Parse(timeLayout, expires)
	s.Created, _ = time.Parse(timeLayout, created)
	if !time.Now().Before(s.Expires) {
		_ = a.DeleteSession(ctx, token)
		return Session{}, User{}, ErrNoSession
	}
	if u.Disabled {
		return Session{}, User{}, ErrNoSession
	}
	return s, u, nil
}

// DeleteSession ends a session (logout); an unknown token is no error.
func (a *Accounts) DeleteSession(ctx context.Context, token string) error {
	if _, err := a.s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash(token)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// tokenHash is the hex SHA-256 of a secret token, the form it is stored in.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// newToken returns n random bytes as URL-safe base64.
func newToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
