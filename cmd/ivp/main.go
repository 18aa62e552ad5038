// Command ivp is the one binary of the IVP search engine: it serves the
// site, ingests plans, rebuilds the index and generates sample corpora.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the web site and the JSON API", runServe},
		{"ingest", "store and index PDF and HTML files or directories", runIngest},
		{"inspect", "show what ingest would extract from a file, without storing it", runInspect},
		{"reindex", "rebuild the search index from the store", runReindex},
		{"backup", "copy store and files into a new directory, also while serve runs (backup OUT)", runBackup},
		{"restore", "restore a backup into a new or empty data directory and index it (restore BACKUP)", runRestore},
		{"harvest", "fetch plans from the harvest sources (or the URLs given) into the review queue", runHarvest},
		{"gen", "generate a sample corpus of IVP-like PDFs", runGen},
		{"tag", "tag plain-text passages by veiligheidsveld and theme (JSON lines)", runTag},
		{"eval", "measure tagging, metadata or checklist against truth (tags|meta|checklist)", runEval},
		{"realtext", "maintain the real-text set: check|import|sheets|compile", runRealtext},
		{"user", "manage curator accounts (add EMAIL --role curator|admin, list, disable EMAIL)", runUser},
		{"config", "print the effective settings", runConfig},
	}
}

// errUsage marks an error whose message is a usage hint; exit code 2.
var errUsage = errors.New("usage")

// badInput marks an error as a mistake in what the operator gave (a short
// password, say): exit code 2 like a usage error, without a usage hint.
type badInput struct{ err error }

func (b badInput) Error() string { return b.err.Error() }
func (b badInput) Unwrap() error { return b.err }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmds := append(commands(), command{workerCommand, "", runWorker}) // hidden: not in usage
	for _, c := range cmds {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage), errors.As(err, new(badInput)):
			fmt.Fprintf(stderr, "ivp %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(stderr, "ivp %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "ivp: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: ivp COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --data DIR (env IVP_DATA, default ./data). 'ivp COMMAND -h' lists its flags.")
}
