package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"time"
)

// checkSettings reports the first invalid setting as a usage error (see
// invalidSetting).
func checkSettings(fs *flag.FlagSet) error {
	if err := invalidSetting(fs); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	return nil
}

// invalidSetting reports the first invalid setting: an IVP_* variable that
// is set to a value its setting cannot take (an error even where a flag
// overrides it: the variable is wrong either way), or a flag given in fs
// with a value out of range. The error names the variable or the flag.
func invalidSetting(fs *flag.FlagSet) error {
	var c config
	for _, s := range c.settings() {
		if v, ok := os.LookupEnv(s.env); ok {
			if err := s.check(v); err != nil {
				return fmt.Errorf("invalid %s=%q: %v", s.env, v, err)
			}
		}
	}
	var bad error
	fs.Visit(func(f *flag.Flag) {
		for _, s := range c.settings() {
			if s.name != f.Name || bad != nil {
				continue
			}
			if err := s.check(f.Value.String()); err != nil {
				bad = fmt.Errorf("invalid --%s %q: %v", s.name, f.Value.String(), err)
			}
		}
	})
	return bad
}

// positive are the settings that must be above zero: the server's
// timeouts, where zero would mean none.
var positive = map[string]bool{"read-timeout": true, "write-timeout": true, "idle-timeout": true,
	"transfer-timeout": true, "max-extractions": true, "ocr-max-pages": true, "ocr-page-timeout": true,
	"toets-reads": true, "toets-queue": true}

// check reports why v is no valid value of s: not of its type, negative
// (or zero where it must be positive), or not one of its choices.
func (s setting) check(v string) error {
	var n float64
	switch s.ptr.(type) {
	case *int, *int64:
		i, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return errors.New("not a whole number")
		}
		n = float64(i)
	case *time.Duration:
		d, err := time.ParseDuration(v)
		if err != nil {
			return errors.New("not a duration such as 90s, 2m or 1h")
		}
		n = float64(d)
	}
	switch {
	case n < 0:
		return errors.New("negative")
	case n == 0 && positive[s.name]:
		return errors.New("must be more than zero")
	}
	return s.checkChoice(v)
}

// checkChoice checks the settings that take one of a few words.
func (s setting) checkChoice(v string) error {
	switch s.name {
	case "log-level":
		var l slog.Level
		if err := l.UnmarshalText([]byte(v)); err != nil {
			return errors.New("want debug, info, warn or error")
		}
	case "secure-cookies":
		if v != "auto" && v != "on" {
			return errors.New("want auto or on")
		}
	case "metrics-addr":
		if _, _, err := net.SplitHostPort(v); err != nil && v != metricsOff && v != metricsBehindLogin {
			return errors.New("want host:port, off, or nothing for behind the curator login")
		}
	case "ocr":
		if v != "auto" && v != "on" && v != "off" {
			return errors.New("want auto, on or off")
		}
	}
	return nil
}
