package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/harvest"
)

func runHarvest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("harvest", &c, "data", "harvest-contact", "harvest-interval", "harvest-timeout",
		"max-file-size", "max-pages", "extract-timeout", "extract-memory", "pdftotext", "log-level")
	load := fs.String("load-sources", "", "add the sources in this JSON file (or change those with the same url) and stop")
	urls, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if *load != "" && len(urls) > 0 {
		return fmt.Errorf("%w: --load-sources takes no URLs", errUsage)
	}
	store, err := corpus.Open(ctx, c.storeDir()) // harvested documents wait for review: no index needed
	if err != nil {
		return err
	}
	defer store.Close()
	if *load != "" {
		return loadSources(ctx, store, *load, stdout)
	}
	h, err := c.harvester(store)
	if err != nil {
		return err
	}
	unlock, err := lockHarvest(c.Data)
	if err != nil {
		return err
	}
	defer unlock()
	sum, err := harvestJob(ctx, store, h, "oogst", urls, func(r harvest.Result) { printResult(stdout, r) })
	fmt.Fprintf(stdout, "%d nieuw, %d gewijzigd, %d ongewijzigd, %d overgeslagen, %d fout; %d bronnen, waarvan %d mislukt\n",
		sum.New, sum.Changed, sum.Unchanged, sum.Skipped, sum.Failed, sum.Sources, sum.SourcesFailed)
	if err == nil && len(urls) == 0 && sum.Sources == 0 {
		fmt.Fprintln(stderr, "ivp harvest: no enabled sources; add them at /beheer/bronnen or with --load-sources FILE, or give URLs")
	}
	if err == nil && sum.Failed+sum.SourcesFailed > 0 {
		err = fmt.Errorf("%d documents and %d sources failed (reasons above)", sum.Failed, sum.SourcesFailed)
	}
	return err
}

// harvester builds the harvester the settings describe: it extracts as
// ingest does and stores into store.
func (c *config) harvester(store *corpus.Store) (*harvest.Harvester, error) {
	if strings.TrimSpace(c.HarvestContact) == "" {
		return nil, fmt.Errorf("%w: set --harvest-contact (or IVP_HARVEST_CONTACT) to an e-mail or web address where site owners can reach you; it goes into the User-Agent", errUsage)
	}
	x, err := c.extractor(store.Gemeenten())
	if err != nil {
		return nil, err
	}
	o := harvest.Options{Contact: c.HarvestContact, HostInterval: c.HarvestInterval,
		DocumentTimeout: c.HarvestTimeout, MaxDocumentSize: c.MaxFileSize}
	h, err := harvest.New(store, ingestPipeline(store, x), o)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return h, nil
}

// harvestJob runs a harvest as a recorded job: of urls when given, else
// of every enabled source. Its progress is kept for the jobs page; a
// source or document that failed makes the run's error, after the run.
func harvestJob(ctx context.Context, store *corpus.Store, h *harvest.Harvester, name string, urls []string,
	report func(harvest.Result)) (harvest.Summary, error) {
	id, err := store.StartJob(ctx, name)
	if err != nil {
		return harvest.Summary{}, err
	}
	progress := jobProgress(ctx, store, id)
	var problems []string
	each := func(r harvest.Result) {
		progress(r.Done, r.Total)
		if r.Status == harvest.StatusFailed {
			problems = append(problems, r.URL+": "+r.Reason)
		}
		report(r)
	}
	var sum harvest.Summary
	if len(urls) > 0 {
		sum, err = h.RunURLs(ctx, urls, each)
	} else {
		sum, err = h.Run(ctx, each)
	}
	runErr := err
	if runErr == nil && len(problems) > 0 {
		runErr = errors.New(strings.Join(problems, "\n"))
	}
	ferr := store.FinishJob(context.WithoutCancel(ctx), id, sum.New+sum.Changed, runErr)
	return sum, errors.Join(err, ferr)
}

// printResult prints one line per document: what happened and why.
func printResult(w io.Writer, r harvest.Result) {
	line := fmt.Sprintf("%-12s %s", r.Status, r.URL)
	switch {
	case r.Status == harvest.StatusChanged:
		line += fmt.Sprintf(" (document %d, nieuwe versie van %d)", r.DocumentID, r.PreviousID)
	case r.Status == harvest.StatusNew:
		line += fmt.Sprintf(" (document %d)", r.DocumentID)
	case r.Reason != "":
		line += ": " + r.Reason
	}
	fmt.Fprintln(w, line)
}

// loadSources adds the sources of a set-up file.
func loadSources(ctx context.Context, store *corpus.Store, path string, stdout io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	added, changed, err := harvest.NewSources(store).Load(ctx, f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(stdout, "%d sources added, %d changed\n", added, changed)
	return nil
}

// ingestPipeline is the pipeline the harvester extracts through: no
// index, since harvested documents wait for review.
func ingestPipeline(store *corpus.Store, x *ingest.Extractor) *ingest.Pipeline {
	return ingest.NewPipeline(store, x, nil)
}
