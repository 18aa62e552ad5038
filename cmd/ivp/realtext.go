package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/realtext"
)

// runRealtext maintains the real-text set (testdata/realtext): import its
// texts into the cache, check them, and make and compile labelling sheets.
func runRealtext(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const use = "ivp realtext check|import --from DIR|sheets --out DIR|compile --labels DIR|train [--model FILE]|cv [--folds N] [--generated N] [--set DIR]"
	if len(args) == 0 {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	what, args := args[0], args[1:]
	var c config
	fs := newFlagSet("realtext "+what, &c)
	set := fs.String("set", realtext.Default, "directory of the real-text set")
	from := fs.String("from", "", "directory with the texts as retrieved, one <id>.txt each (import)")
	out := fs.String("out", "", "directory for the labelling sheets (sheets)")
	labels := fs.String("labels", "", "directory with one <id>.tsv of labels per text (compile)")
	model := fs.String("model", defaultModelPath, "where train writes the tagger's model")
	folds := fs.Int("folds", 5, "folds of the cross-validation (cv)")
	generated := fs.Int("generated", defaultTrainingPlans, "generated plans added to the training passages (train, cv)")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	switch {
	case what == "check":
		return realtextCheck(*set, stdout)
	case what == "import" && *from != "":
		return realtextImport(*set, *from, stdout)
	case what == "sheets" && *out != "":
		return realtextSheets(*set, *out, stdout)
	case what == "compile" && *labels != "":
		return realtextCompile(*set, *labels, stdout)
	case what == "train":
		return realtextTrain(ctx, *set, *model, *generated, stdout)
	case what == "cv":
		return realtextCV(ctx, *set, *folds, *generated, stdout)
	}
	return fmt.Errorf("%w: %s", errUsage, use)
}

// realtextCheck loads the set, which verifies every text and passage
// against its hash, and prints what it holds.
func realtextCheck(dir string, w io.Writer) error {
	s, err := realtext.Load(dir)
	if err != nil {
		return err
	}
	for _, h := range []string{realtext.Dev, realtext.Test} {
		half := s.Half(h)
		gm, types := map[string]bool{}, map[string]int{}
		var velden [6]int
		for _, d := range half.Docs {
			types[d.Type]++
			for _, g := range d.Gemeenten {
				gm[g] = true
			}
		}
		for _, p := range half.Passages {
			velden[p.Veld]++
		}
		fmt.Fprintf(w, "%-4s %3d texts, %2d gemeenten, %4d passages; velden 0-5 %v; types %v\n",
			h, len(half.Docs), len(gm), len(half.Passages), velden, types)
	}
	return nil
}

// realtextImport copies the texts of docs.tsv from dir into the cache,
// each only when its length and digest match.
func realtextImport(set, from string, w io.Writer) error {
	docs, err := realtext.ReadDocs(filepath.Join(set, "docs.tsv"))
	if err != nil {
		return err
	}
	cache := realtext.CacheDir(set)
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	var missing []string
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(from, d.ID+".txt"))
		if err != nil || realtext.Digest(b) != d.SHA256 {
			missing = append(missing, d.ID)
			continue
		}
		if err := os.WriteFile(filepath.Join(cache, d.ID+".txt"), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%d of %d texts in %s\n", len(docs)-len(missing), len(docs), cache)
	if len(missing) > 0 {
		return fmt.Errorf("missing or changed: %s", strings.Join(missing, " "))
	}
	return nil
}

// realtextSheets writes one labelling sheet per text: its blocks as
// Segment proposes them, numbered.
func realtextSheets(set, out string, w io.Writer) error {
	docs, err := realtext.ReadDocs(filepath.Join(set, "docs.tsv"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(realtext.CacheDir(set), d.ID+".txt"))
		if err != nil {
			return fmt.Errorf("text %s: %w", d.ID, err)
		}
		var sb strings.Builder
		fmt.Fprintf(&sb, "# %s | %s | %s | %s\n# %s\n\n", d.ID, d.Type, strings.Join(d.Gemeenten, ";"), d.Title, d.URL)
		for i, sp := range realtext.Segment(string(b)) {
			fmt.Fprintf(&sb, "[%d] %s\n\n", i+1, realtext.Collapse(string(b[sp.Offset:sp.Offset+sp.Length])))
		}
		if err := os.WriteFile(filepath.Join(out, d.ID+".txt"), []byte(sb.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%d sheets in %s\n", len(docs), out)
	return nil
}

// realtextCompile turns label files (one <id>.tsv per text: block, veld or
// skip or join, secondary, themes, note) into passages.tsv.
func realtextCompile(set, labels string, w io.Writer) error {
	docs, err := realtext.ReadDocs(filepath.Join(set, "docs.tsv"))
	if err != nil {
		return err
	}
	var all []realtext.Passage
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(realtext.CacheDir(set), d.ID+".txt"))
		if err != nil {
			return fmt.Errorf("text %s: %w", d.ID, err)
		}
		ps, err := compileLabels(filepath.Join(labels, d.ID+".tsv"), string(b), d.ID)
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(w, "%s: no labels yet\n", d.ID)
			continue
		}
		if err != nil {
			return err
		}
		all = append(all, ps...)
	}
	f, err := os.Create(filepath.Join(set, "passages.tsv"))
	if err != nil {
		return err
	}
	defer f.Close()
	if err := realtext.WritePassages(f, all); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d passages of %d texts\n", len(all), len(docs))
	return f.Close()
}

// compileLabels reads the labels of one text and returns its passages.
func compileLabels(path, text, doc string) ([]realtext.Passage, error) {
	rows, err := readLabelRows(path)
	if err != nil {
		return nil, err
	}
	spans := realtext.Segment(text)
	var out []realtext.Passage
	var last *realtext.Passage
	skipped := false // the block before was skipped: a join to it is skipped too
	for _, r := range rows {
		if r.block < 1 || r.block > len(spans) {
			return nil, fmt.Errorf("%s: block %d of %d", path, r.block, len(spans))
		}
		sp := spans[r.block-1]
		switch r.veld {
		case "skip":
			last, skipped = nil, true
			continue
		case "join":
			if skipped {
				continue
			}
			if last == nil {
				return nil, fmt.Errorf("%s: block %d joins nothing", path, r.block)
			}
			last.Length = sp.Offset + sp.Length - last.Offset
			last.Hash = realtext.PassageHash([]byte(text[last.Offset : last.Offset+last.Length]))
			continue
		}
		skipped = false
		p, err := r.passage(doc, len(out), sp, text)
		if err != nil {
			return nil, fmt.Errorf("%s block %d: %w", path, r.block, err)
		}
		out = append(out, p)
		last = &out[len(out)-1]
	}
	return out, nil
}

type labelRow struct {
	block                         int
	veld, secondary, themes, note string
}

func (r labelRow) passage(doc string, n int, sp realtext.Span, text string) (realtext.Passage, error) {
	v, err := strconv.Atoi(r.veld)
	if err != nil || v < 0 || v > 5 {
		return realtext.Passage{}, fmt.Errorf("veld %q: want 0-5, skip or join", r.veld)
	}
	p := realtext.Passage{Doc: doc, N: n, Offset: sp.Offset, Length: sp.Length, Veld: v, Note: r.note,
		Hash: realtext.PassageHash([]byte(text[sp.Offset : sp.Offset+sp.Length]))}
	for _, s := range fieldsOf(r.secondary) {
		sv, err := strconv.Atoi(s)
		if err != nil || sv < 1 || sv > 5 || sv == v {
			return p, fmt.Errorf("secondary %q", s)
		}
		p.Secondary = append(p.Secondary, sv)
	}
	sort.Ints(p.Secondary)
	p.Themes = fieldsOf(r.themes)
	return p, nil
}

func fieldsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}

func readLabelRows(path string) ([]labelRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []labelRow
	err = corpus.TSVRows(path, data, func(f []string) error {
		c := append(f, "", "", "", "")
		b, err := strconv.Atoi(strings.TrimSpace(c[0]))
		if err != nil {
			return fmt.Errorf("block %q", c[0])
		}
		out = append(out, labelRow{b, strings.TrimSpace(c[1]), c[2], c[3], strings.TrimSpace(c[4])})
		return nil
	})
	return out, err
}
