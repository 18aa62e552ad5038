package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// config is every setting of ivp. Flags override IVP_* environment
// variables, which override the defaults.
type config struct {
	Data            string
	Addr            string
	ReindexSchedule string
	MaxFileSize     int64
	MaxPages        int
	ExtractTimeout  time.Duration
	ExtractMemory   int64
	Fallback        string
	OCR             string
	OCRMaxPages     int
	OCRPageTimeout  time.Duration
	LogLevel        string
	MaxUploadSize   int64
	SessionTTL      time.Duration
	ToetsRetention  time.Duration
	ToetsReads      int
	ToetsQueue      int
	SecureCookies   string
	TrustedProxies  string
	Secret          string
	SubmitRate      string
	LoginRate       string
	AccountRate     string
	MaxExtractions  int
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	IdleTimeout     time.Duration
	TransferTimeout time.Duration
	MetricsAddr     string
	HarvestContact  string
	HarvestSchedule string
	HarvestInterval time.Duration
	HarvestTimeout  time.Duration
	source          map[string]string // setting name -> default, env or flag
}

// setting describes one setting for flags, env and 'ivp config'.
type setting struct {
	name, env, help string
	ptr             any // *string, *int, *int64 or *time.Duration
	def             string
}

func (c *config) settings() []setting {
	return []setting{
		{"data", "IVP_DATA", "data directory (store, files, index)", &c.Data, "./data"},
		{"addr", "IVP_ADDR", "address to listen on (serve)", &c.Addr, "127.0.0.1:8080"},
		{"reindex-schedule", "IVP_REINDEX_SCHEDULE", "cron schedule of the index rebuild (serve); \"off\" disables", &c.ReindexSchedule, "0 3 * * *"},
		{"max-file-size", "IVP_MAX_FILE_SIZE", "largest file ingest accepts, in bytes", &c.MaxFileSize, "104857600"},
		{"max-pages", "IVP_MAX_PAGES", "most pages ingest accepts in one file", &c.MaxPages, "2000"},
		{"extract-timeout", "IVP_EXTRACT_TIMEOUT", "time limit of extracting one file (ingest, inspect)", &c.ExtractTimeout, "60s"},
		{"extract-memory", "IVP_EXTRACT_MEMORY", "memory budget of extracting one file, in bytes (ingest, inspect)", &c.ExtractMemory, "1073741824"},
		{"pdftotext", "IVP_PDFTOTEXT", "fallback for PDFs extraction refuses: off, on (pdftotext from PATH) or its path", &c.Fallback, "off"},
		{"ocr", "IVP_OCR", "read scans (PDF pages without text) by OCR: auto (when pdftoppm, tesseract and tesseract-ocr-nld are installed), on or off", &c.OCR, "auto"},
		{"ocr-max-pages", "IVP_OCR_MAX_PAGES", "most scanned pages read by OCR in one file; a file with more is refused", &c.OCRMaxPages, "50"},
		{"ocr-page-timeout", "IVP_OCR_PAGE_TIMEOUT", "time limit of reading one page by OCR, added to extract-timeout per page", &c.OCRPageTimeout, "60s"},
		{"log-level", "IVP_LOG_LEVEL", "debug, info, warn or error", &c.LogLevel, "info"},
		{"max-upload-size", "IVP_MAX_UPLOAD_SIZE", "largest file the submission form accepts, in bytes (serve)", &c.MaxUploadSize, "52428800"},
		{"session-ttl", "IVP_SESSION_TTL", "how long a curator stays logged in (serve)", &c.SessionTTL, "8h"},
		{"toets-retention", "IVP_TOETS_RETENTION", "how long a plan uploaded to the kwaliteitstoets and its report are kept unless submitted (serve)", &c.ToetsRetention, "720h"},
		{"toets-reads", "IVP_TOETS_READS", "plans of the kwaliteitstoets read at once in the background (serve)", &c.ToetsReads, strconv.Itoa(max(1, runtime.NumCPU()/2))},
		{"toets-queue", "IVP_TOETS_QUEUE", "plans of the kwaliteitstoets that may wait for their reading; a further upload gets 503 (serve)", &c.ToetsQueue, "20"},
		{"secure-cookies", "IVP_SECURE_COOKIES", "auto (Secure over TLS or a trusted proxy's https) or on (serve)", &c.SecureCookies, "auto"},
		{"trusted-proxies", "IVP_TRUSTED_PROXIES", "comma-separated addresses or CIDRs of reverse proxies (serve)", &c.TrustedProxies, ""},
		{"secret", "IVP_SECRET", "key of the form tokens, at least 32 characters; default: made once and kept in DATA/secret (serve)", &c.Secret, ""},
		{"submit-rate", "IVP_SUBMIT_RATE", "stored submissions per client address, as count/duration, or off (serve)", &c.SubmitRate, "10/1h"},
		{"login-rate", "IVP_LOGIN_RATE", "failed logins per client address, as count/duration, or off (serve)", &c.LoginRate, "20/15m"},
		{"account-login-rate", "IVP_ACCOUNT_LOGIN_RATE", "failed logins per account and client address, as count/duration, or off (serve)", &c.AccountRate, "5/15m"},
		{"max-extractions", "IVP_MAX_EXTRACTIONS", "uploads extracted at once; more are refused with 503 and Retry-After (serve)", &c.MaxExtractions, strconv.Itoa(runtime.NumCPU())},
		{"read-timeout", "IVP_READ_TIMEOUT", "time a request may take to arrive; an upload may stall this long (serve)", &c.ReadTimeout, "30s"},
		{"write-timeout", "IVP_WRITE_TIMEOUT", "time to answer a request once it has arrived, extraction of an upload included (serve)", &c.WriteTimeout, "3m"},
		{"idle-timeout", "IVP_IDLE_TIMEOUT", "time an idle keep-alive connection stays open (serve)", &c.IdleTimeout, "60s"},
		{"transfer-timeout", "IVP_TRANSFER_TIMEOUT", "time an upload may take to arrive and an original file to be sent (serve)", &c.TransferTimeout, "10m"},
		{"metrics-addr", "IVP_METRICS_ADDR", "where /metrics is served: empty for behind the curator login on --addr, host:port for a listener of its own (no login), or off (serve)", &c.MetricsAddr, ""},
		{"harvest-contact", "IVP_HARVEST_CONTACT", "e-mail or web address for site owners, sent in the harvester's User-Agent; harvesting is off without it (harvest, serve)", &c.HarvestContact, ""},
		{"harvest-schedule", "IVP_HARVEST_SCHEDULE", "cron schedule of the harvest of the sources in /beheer/bronnen (serve); \"off\" disables", &c.HarvestSchedule, "0 4 * * *"},
		{"harvest-interval", "IVP_HARVEST_INTERVAL", "least time between two requests of the harvester to one host (harvest, serve)", &c.HarvestInterval, "1s"},
		{"harvest-timeout", "IVP_HARVEST_TIMEOUT", "time limit of fetching one page or document (harvest, serve)", &c.HarvestTimeout, "60s"},
	}
}

// newFlagSet returns a flag set with the given settings registered, their
// defaults taken from the environment.
func newFlagSet(name string, c *config, which ...string) *flag.FlagSet {
	fs := flag.NewFlagSet("ivp "+name, flag.ContinueOnError)
	c.source = map[string]string{}
	for _, s := range c.settings() {
		val, src := s.def, "default"
		if v, ok := os.LookupEnv(s.env); ok {
			val, src = v, "env "+s.env
		}
		c.source[s.name] = src
		if err := set(s.ptr, val); err != nil {
			// parseArgs refuses it; 'ivp config' shows it.
			c.source[s.name] = fmt.Sprintf("invalid %s=%q", s.env, val)
			set(s.ptr, s.def)
		}
		if contains(which, s.name) {
			fs.Var(flagValue{s.ptr, func() { c.source[s.name] = "flag --" + s.name }}, s.name, s.help+" (env "+s.env+")")
		}
	}
	return fs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func set(ptr any, v string) error {
	switch p := ptr.(type) {
	case *string:
		*p = v
	case *int:
		n, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		*p = n
	case *int64:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return err
		}
		*p = n
	case *time.Duration:
		d, err := time.ParseDuration(v)
		if err != nil {
			return err
		}
		*p = d
	}
	return nil
}

type flagValue struct {
	ptr  any
	seen func()
}

func (f flagValue) String() string {
	if f.ptr == nil {
		return ""
	}
	return fmt.Sprint(deref(f.ptr))
}

func (f flagValue) Set(v string) error { f.seen(); return set(f.ptr, v) }

func deref(ptr any) any {
	switch p := ptr.(type) {
	case *string:
		return *p
	case *int:
		return *p
	case *int64:
		return *p
	case *time.Duration:
		return *p
	}
	return nil
}

func (c *config) storeDir() string { return c.Data }
func (c *config) indexDir() string { return filepath.Join(c.Data, "index") }

// ingestOptions are the extractor's options, extracting in a worker
// process ('ivp extract-worker') under the time and memory limits.
func (c *config) ingestOptions() (ingest.Options, error) {
	o := ingest.DefaultOptions()
	o.MaxFileSize, o.MaxPages = c.MaxFileSize, c.MaxPages
	o.Timeout, o.MemoryLimit = c.ExtractTimeout, c.ExtractMemory
	w, err := workerArgs()
	if err != nil {
		return o, err
	}
	o.Worker = w
	if o.OCR, err = c.ocrOptions(); err != nil {
		return o, err
	}
	o.Fallback, err = fallbackPath(c.Fallback)
	return o, err
}

// extractor returns the extractor the settings describe, for gemeenten gm
// (nil: the embedded register, for commands without a store).
func (c *config) extractor(gm *corpus.Gemeenten) (*ingest.Extractor, error) {
	o, err := c.ingestOptions()
	if err != nil {
		return nil, err
	}
	if gm == nil {
		if gm, err = corpus.LoadGemeenten(); err != nil {
			return nil, err
		}
	}
	return ingest.NewExtractor(o, gm)
}

// fallbackPath resolves the pdftotext setting: "" when off.
func fallbackPath(v string) (string, error) {
	switch v {
	case "", "off":
		return "", nil
	case "on":
		v = "pdftotext"
	}
	p, err := exec.LookPath(v)
	if err != nil {
		return "", fmt.Errorf("pdftotext %q: %w", v, err)
	}
	return p, nil
}

func (c *config) logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

func runConfig(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("config", &c, "data", "addr", "reindex-schedule", "max-file-size", "max-pages",
		"extract-timeout", "extract-memory", "pdftotext", "ocr", "ocr-max-pages", "ocr-page-timeout", "log-level",
		"max-upload-size", "session-ttl", "toets-retention", "toets-reads", "toets-queue", "secure-cookies", "trusted-proxies", "secret", "submit-rate", "login-rate",
		"account-login-rate", "max-extractions", "read-timeout", "write-timeout", "idle-timeout", "transfer-timeout",
		"metrics-addr", "harvest-contact", "harvest-schedule", "harvest-interval", "harvest-timeout")
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	bad := invalidSetting(fs) // said last, after the table that shows it
	for _, s := range c.settings() {
		val := fmt.Sprint(deref(s.ptr))
		if s.name == "secret" && val != "" {
			val = "(redacted)"
		}
		fmt.Fprintf(stdout, "%-19s %-24s %-22s %s\n", s.name, val, s.env, c.source[s.name])
	}
	abs, _ := filepath.Abs(c.Data)
	fmt.Fprintf(stdout, "%-19s %s\n", "data (absolute)", abs)
	if err := ingest.HardMemoryLimit(); err != nil {
		fmt.Fprintf(stdout, "%-19s not enforced: %v\n", "extract-memory", err)
	}
	fmt.Fprintf(stdout, "%-19s %s\n", "ocr (effective)", c.ocrStatus())
	if bad != nil {
		fmt.Fprintf(stderr, "ivp config: %v; the other commands refuse to start\n", bad)
	}
	return nil
}

// parseArgs parses flags and returns the positional arguments. An
// invalid setting, in a flag or an IVP_* variable, is a usage error that
// names it (see checkSettings).
func parseArgs(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	// Allow flags after positional arguments: ivp ingest dir --data x.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, checkSettings(fs)
		}
		pos = append(pos, args[0])
		args = args[1:]
		if strings.HasPrefix(pos[len(pos)-1], "-") {
			return nil, fmt.Errorf("%w: unexpected %q", errUsage, pos[len(pos)-1])
		}
	}
}
