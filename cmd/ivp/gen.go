package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
)

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("gen", &c)
	var o gen.Options
	fs.StringVar(&o.Out, "out", "", "directory to write the plans and truth.jsonl into (required)")
	fs.IntVar(&o.Plans, "plans", 60, "number of plans")
	fs.Int64Var(&o.Seed, "seed", 1, "random seed; the same seed gives the same files")
	fs.StringVar(&o.Format, "format", gen.FormatPDF, "pdf, html or both")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	if err := o.Validate(); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		return err
	}
	start := time.Now()
	sum, err := gen.Generate(ctx, o, gm)
	if err != nil {
		return err
	}
	d := time.Since(start)
	fmt.Fprintf(stdout, "wrote %d plans (%d pages, %d passages, %.1f MB) to %s in %s (%.1f plans/s)\n",
		sum.Plans, sum.Pages, sum.Passages, float64(sum.Bytes)/1e6, o.Out, d.Round(time.Millisecond), float64(sum.Plans)/d.Seconds())
	return nil
}
