package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ccv/ivp/ingest"
)

func runInspect(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("inspect", &c, "max-file-size", "max-pages", "extract-timeout", "extract-memory", "pdftotext",
		"ocr", "ocr-max-pages", "ocr-page-timeout")
	asText := fs.Bool("text", false, "print the cleaned text per page")
	asJSON := fs.Bool("json", false, "print the document and its passages as JSON (the default)")
	paths, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(paths) != 1 || (*asText && *asJSON) {
		return fmt.Errorf("%w: ivp inspect FILE [--text|--json]", errUsage)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		return err
	}
	x, err := c.extractor(nil)
	if err != nil {
		return err
	}
	ex, err := x.Extract(ctx, paths[0], data)
	if err != nil {
		return fmt.Errorf("%s: %s", paths[0], refusal(err))
	}
	if *asText {
		for i, t := range ex.PageTexts {
			fmt.Fprintf(stdout, "=== page %d ===\n%s\n\n", i+1, t)
		}
		return nil
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(inspectView(ex))
}

type inspectPassage struct {
	Ordinal  int      `json:"ordinal"`
	PageFrom int      `json:"page_from"`
	PageTo   int      `json:"page_to"`
	Headings []string `json:"headings"`
	Text     string   `json:"text"`
}

func inspectView(ex *ingest.Extracted) any {
	d := ex.Document
	ps := make([]inspectPassage, len(ex.Passages))
	for i, p := range ex.Passages {
		ps[i] = inspectPassage{p.Ordinal, p.PageFrom, p.PageTo, p.Headings, p.Text}
	}
	return map[string]any{
		"title": d.Title, "type": d.Type, "periode": d.Periode(), "vastgesteld": d.Vastgesteld,
		"gemeenten": d.Gemeenten, "pages": d.Pages, "media_type": d.MediaType, "sha256": d.SHA256,
		"extractor_version": d.ExtractorVersion, "passages": ps,
	}
}

// refusal is the Dutch reason a file was refused (as the web pages show
// it), with its page count when known (a scan without a text layer).
func refusal(err error) string {
	var e *ingest.Error
	if errors.As(err, &e) {
		return e.Reason + pagesNote(e.Pages)
	}
	return ingest.ReasonOf(err)
}

// pagesNote is " (N pages)" after a refusal, or "" when n is unknown.
func pagesNote(n int) string {
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return " (1 page)"
	}
	return fmt.Sprintf(" (%d pages)", n)
}
