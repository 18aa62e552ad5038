package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/tag"
)

// tagLine is one line of `ivp tag` output.
type tagLine struct {
	Veld       int      `json:"veld"`
	Secondary  []int    `json:"secondary"`
	Themes     []string `json:"themes"`
	Confidence float64  `json:"confidence"`
}

func runTag(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := newFlagSet("tag", &c, "data")
	rest, err := parseArgs(fs, args, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return fmt.Errorf("%w: ivp tag [FILE]", errUsage)
	}
	text, err := readInput(rest)
	if err != nil {
		return err
	}
	tg, err := loadTagger(&c)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, t := range tg.TagDocument(tag.Blocks(string(text))) {
		l := tagLine{Veld: t.Veld, Secondary: t.Secondary, Themes: t.Themes, Confidence: t.Confidence}
		if l.Secondary == nil {
			l.Secondary = []int{}
		}
		if l.Themes == nil {
			l.Themes = []string{}
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return w.Flush()
}

func readInput(paths []string) ([]byte, error) {
	if len(paths) == 0 || paths[0] == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(paths[0])
}

// loadTagger compiles the taxonomy of the data directory (the embedded
// one, with the curator's copies in the data directory taking precedence).
func loadTagger(c *config) (*tag.Tagger, error) {
	tax, err := corpus.LoadTaxonomy(c.storeDir())
	if err != nil {
		return nil, err
	}
	return tag.New(tax), nil
}
