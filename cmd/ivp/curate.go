package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ui"
)

// curation builds the submission and curation service over e, extracting
// as ingest does (in a worker process), and the curator accounts. pause is
// the crash tests' hook between steps; nil otherwise.
func (e *env) curation(c *config, pause func(step string)) (*ingest.Curator, *corpus.Accounts, error) {
	o, err := c.ingestOptions()
	if err != nil {
		return nil, nil, err
	}
	// An upload is extracted while its sender waits: its OCR must end
	// within the answer's time (see uploadOCRPages).
	o.OCR.MaxPages = c.uploadOCRPages()
	x, err := ingest.NewExtractor(o, e.store.Gemeenten())
	if err != nil {
		return nil, nil, err
	}
	cur, err := ingest.NewCurator(ingest.NewPipeline(e.store, x, e.ix), ingest.CuratorOptions{Pause: pause, MaxUploadSize: c.MaxUploadSize,
		DraftRetention: c.ToetsRetention, DraftReads: c.ToetsReads, DraftQueue: c.ToetsQueue})
	if err != nil {
		return nil, nil, err
	}
	return cur, corpus.NewAccounts(e.store, corpus.DefaultBcryptCost), nil
}

// uiOptions are the web front end's settings from the configuration. The
// form-token key comes from --secret, or else from DATA/secret, made once
// so that open forms survive a restart.
func (c *config) uiOptions(log *slog.Logger) (ui.Options, error) {
	o := ui.Options{Version: version, Logger: log, MaxUploadBytes: c.MaxUploadSize, SessionTTL: c.SessionTTL}
	switch c.SecureCookies {
	case "auto":
	case "on":
		o.SecureCookies = true
	default:
		return o, fmt.Errorf("%w: --secure-cookies %q: use auto or on", errUsage, c.SecureCookies)
	}
	for _, p := range strings.Split(c.TrustedProxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			o.TrustedProxies = append(o.TrustedProxies, p)
		}
	}
	for _, r := range []struct {
		name, value string
		to          *ui.Rate
	}{{"submit-rate", c.SubmitRate, &o.SubmitRate}, {"login-rate", c.LoginRate, &o.LoginRate},
		{"account-login-rate", c.AccountRate, &o.AccountLoginRate}} {
		rate, err := ui.ParseRate(r.value)
		if err != nil {
			return o, fmt.Errorf("%w: --%s: %v", errUsage, r.name, err)
		}
		*r.to = rate
	}
	secret, err := c.secret()
	o.Secret = secret
	return o, err
}

func (c *config) secret() ([]byte, error) {
	if c.Secret != "" {
		if len(c.Secret) < 32 {
			return nil, fmt.Errorf("%w: --secret must be at least 32 characters", errUsage)
		}
		return []byte(c.Secret), nil
	}
	path := filepath.Join(c.Data, "secret")
	if b, err := os.ReadFile(path); err == nil && len(bytes.TrimSpace(b)) >= 32 {
		return bytes.TrimSpace(b), nil
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	key := []byte(hex.EncodeToString(buf))
	if err := os.WriteFile(path, append(key, '\n'), 0o600); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return key, nil
}
