package main

import (
	"strings"
	"testing"
)

// TestInvalidSettingStopsStart sets IVP_* variables to values their
// settings cannot take: the command stops with a usage error that names
// the variable, instead of running on the default.
func TestInvalidSettingStopsStart(t *testing.T) {
	tests := []struct{ env, value, cmd string }{
		{"IVP_MAX_PAGES", "veel", "reindex"},
		{"IVP_EXTRACT_TIMEOUT", "-5s", "reindex"},
		{"IVP_READ_TIMEOUT", "30", "serve"},
		{"IVP_IDLE_TIMEOUT", "0s", "serve"},
		{"IVP_LOG_LEVEL", "luid", "serve"},
		{"IVP_SECURE_COOKIES", "ja", "reindex"},
		{"IVP_OCR", "misschien", "ingest"},
		{"IVP_OCR_MAX_PAGES", "0", "ingest"},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			t.Setenv(tt.env, tt.value)
			code, _, errs := ivp(t, tt.cmd, "--data", t.TempDir())
			if code != 2 || !strings.Contains(errs, tt.env) {
				t.Errorf("ivp %s with %s=%q: exit %d, stderr %q; want 2 naming %s", tt.cmd, tt.env, tt.value, code, errs, tt.env)
			}
		})
	}
	t.Run("ivp config shows it", func(t *testing.T) {
		t.Setenv("IVP_WRITE_TIMEOUT", "lang")
		code, out, errs := ivp(t, "config", "--data", t.TempDir())
		if code != 0 || !strings.Contains(out, `invalid IVP_WRITE_TIMEOUT="lang"`) || !strings.Contains(errs, "IVP_WRITE_TIMEOUT") {
			t.Errorf("ivp config: exit %d, stderr %q; want the settings, and the variable named on stderr", code, errs)
		}
	})
	t.Run("flag", func(t *testing.T) {
		code, _, errs := ivp(t, "serve", "--data", t.TempDir(), "--max-extractions", "-1")
		if code != 2 || !strings.Contains(errs, "--max-extractions") {
			t.Errorf("--max-extractions -1: exit %d, stderr %q; want 2 naming the flag", code, errs)
		}
	})
}
