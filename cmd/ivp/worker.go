package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// workerCommand is the hidden subcommand that extracts one file in a
// child process: 'ivp ingest' and 'ivp inspect' start 'ivp extract-worker'
// for every file, so that a file that hangs or eats memory is killed
// without harm to the rest (see ingest.Options.Worker).
const workerCommand = "extract-worker"

// runWorker reads one file with its options on stdin and writes the
// extraction result on stdout; it is not meant to be run by hand.
func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) != 0 {
		return fmt.Errorf("%w: ivp %s takes no arguments; it reads a request on stdin", errUsage, workerCommand)
	}
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		return err
	}
	return ingest.ServeWorker(ctx, os.Stdin, stdout, gm)
}

// workerArgs is the command line that starts a worker: this program with
// the hidden subcommand. Tests of this package run their own binary, whose
// TestMain dispatches the subcommand too.
func workerArgs() ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find own program for the extract worker: %w", err)
	}
	return []string{exe, workerCommand}, nil
}
