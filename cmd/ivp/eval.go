package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/corpus/realtext"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/tag"
)

// evalFlags are the flags every evaluation shares.
type evalFlags struct {
	truth  string // truth.jsonl; "" generates a corpus into a temporary directory
	plans  int
	seed   int64
	labels string
	nl     string // directory of real PDFs that are not plans (eval meta)
	why    bool   // print the evidence of each wrong answer
	real   string // the real-text set's directory, with --real (eval tags)
	shared string // the shared taxonomy terms, for the naive lexicon
	// compare is another ivp binary whose `ivp tag` is scored beside ours
	compare string
	half    string // only this half of the real-text set ("" both)
	ids     string // only texts whose id starts with one of these comma-separated prefixes ("" all)
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: ivp eval tags|meta|checklist [flags]", errUsage)
	}
	what, args := args[0], args[1:]
	var c config
	var ef evalFlags
	fs := newFlagSet("eval "+what, &c, "data")
	fs.StringVar(&ef.truth, "truth", "", "truth.jsonl of a generated corpus (default: generate one)")
	fs.IntVar(&ef.plans, "plans", 60, "plans to generate when --truth is not given")
	fs.Int64Var(&ef.seed, "seed", 42, "seed of the generated corpus")
	fs.StringVar(&ef.labels, "labels", "ingest/tag/testdata/labels.tsv", "the hand-written labelled set (eval tags)")
	fs.StringVar(&ef.nl, "nl", "../shared/pdfs/nl", "real PDFs for the gemeente precision (eval meta); \"\" skips")
	fs.BoolVar(&ef.why, "why", false, "print the evidence behind each wrong answer (eval checklist; eval tags --real: dev half only)")
	realSet := fs.Bool("real", false, "eval tags: measure on the real-text set (dev and test half) instead")
	fs.StringVar(&ef.real, "set", realtext.Default, "directory of the real-text set (eval tags --real)")
	fs.StringVar(&ef.shared, "shared-terms", "../shared/domain/taxonomy_terms.tsv", "taxonomy terms for the naive-lexicon baseline (eval tags --real); \"\" skips")
	fs.StringVar(&ef.half, "half", "", "only this half of the real-text set: dev or test (eval tags --real)")
	fs.StringVar(&ef.ids, "ids", "", "only texts whose id starts with one of these comma-separated prefixes, e.g. a round's o- (eval tags --real)")
	fs.StringVar(&ef.compare, "compare", "", "another ivp binary whose tag command is scored beside ours (eval tags --real)")
	if _, err := parseArgs(fs, args, stderr); err != nil {
		return err
	}
	switch what {
	case "tags":
		if *realSet {
			return evalReal(ctx, &c, ef, stdout)
		}
		return evalTags(ctx, &c, ef, stdout)
	case "meta":
		return evalMeta(ctx, &c, ef, stdout)
	case "checklist":
		return evalChecklist(ctx, &c, ef, stdout)
	}
	return fmt.Errorf("%w: ivp eval tags|meta|checklist [flags]", errUsage)
}

// truthCorpus returns the truth plans and the directory their files are
// in, generating a corpus first when no truth file was given.
func truthCorpus(ctx context.Context, ef evalFlags) ([]gen.TruthPlan, string, func(), error) {
	done := func() {}
	path := ef.truth
	if path == "" {
		dir, err := os.MkdirTemp("", "ivp-eval-")
		if err != nil {
			return nil, "", done, err
		}
		done = func() { os.RemoveAll(dir) }
		if _, err := gen.Generate(ctx, gen.Options{Out: dir, Plans: ef.plans, Seed: ef.seed}, nil); err != nil {
			done()
			return nil, "", func() {}, err
		}
		path = filepath.Join(dir, gen.TruthFile)
	}
	plans, err := gen.ReadTruth(path)
	return plans, filepath.Dir(path), done, err
}

// taggedTruth loads the tagger and the truth plans; done removes a
// generated corpus and is to be called even on an error.
func taggedTruth(ctx context.Context, c *config, ef evalFlags) (*tag.Tagger, []gen.TruthPlan, func(), error) {
	tg, err := loadTagger(c)
	if err != nil {
		return nil, nil, func() {}, err
	}
	plans, _, done, err := truthCorpus(ctx, ef)
	return tg, plans, done, err
}

// truthPassages are a truth plan's passages as extraction would give them,
// untagged.
func truthPassages(p gen.TruthPlan) []corpus.Passage {
	ps := make([]corpus.Passage, 0, len(p.Passages))
	for i, tp := range p.Passages {
		ps = append(ps, corpus.Passage{Ordinal: i, PageFrom: tp.Page, Headings: tp.Headings, Text: tp.Text})
	}
	return ps
}

func evalTags(ctx context.Context, c *config, ef evalFlags, stdout io.Writer) error {
	tg, plans, done, err := taggedTruth(ctx, c, ef)
	defer done()
	if err != nil {
		return err
	}
	var gold, pred []corpus.Tags
	for _, p := range plans {
		for _, tp := range p.Passages {
			gold = append(gold, corpus.Tags{Veld: tp.Veld, Secondary: tp.Secondary, Themes: tp.Themes})
		}
		pred = append(pred, tg.TagDocument(truthPassages(p))...)
	}
	fmt.Fprintf(stdout, "tagger %s\n\n== generated corpus (%d plans)\n", tg.Version(), len(plans))
	tag.Evaluate(gold, pred).Write(stdout)
	f, err := os.Open(ef.labels)
	if err != nil {
		return err
	}
	defer f.Close()
	ls, err := tag.ReadLabels(f)
	if err != nil {
		return err
	}
	gold, pred = tg.TagLabelled(ls)
	fmt.Fprintf(stdout, "\n== hand-written set %s (text this project wrote or took from national PDFs)\n", ef.labels)
	tag.Evaluate(gold, pred).Write(stdout)
	return nil
}

// metaScore counts exact matches of detected metadata against the truth.
type metaScore struct {
	n, gemeente, periode, typ, vastgesteld, title int
}

func (m metaScore) write(w io.Writer) {
	pct := func(k int) string { return fmt.Sprintf("%.3f (%d/%d)", float64(k)/float64(max(m.n, 1)), k, m.n) }
	fmt.Fprintf(w, "gemeente(n) exact  %s\nperiode exact      %s\ndocumenttype       %s\nvastgesteld        %s\ntitle              %s\n",
		pct(m.gemeente), pct(m.periode), pct(m.typ), pct(m.vastgesteld), pct(m.title))
}

func evalMeta(ctx context.Context, c *config, ef evalFlags, stdout io.Writer) error {
	plans, dir, done, err := truthCorpus(ctx, ef)
	defer done()
	if err != nil {
		return err
	}
	x, err := c.extractor(nil)
	if err != nil {
		return err
	}
	var m metaScore
	for _, p := range plans {
		data, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			return err
		}
		ex, err := x.Extract(ctx, p.File, data)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", p.File, err)
			m.n++
			continue
		}
		m.add(p, ex.Document, stdout)
	}
	fmt.Fprintf(stdout, "== generated corpus (%d plans)\n", len(plans))
	m.write(stdout)
	if ef.nl == "" {
		return nil
	}
	return evalNamed(ctx, x, ef.nl, stdout)
}

// evalNamed measures on real documents that a detected gemeente is named
// in the text: precision = detections whose name (or an alias) occurs in
// the extracted text / all detections.
func evalNamed(ctx context.Context, x *ingest.Extractor, dir string, w io.Writer) error {
	files, err := ingest.ExpandPaths([]string{dir})
	if err != nil {
		return err
	}
	var found, named int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		ex, err := x.Extract(ctx, f, data)
		if err != nil {
			continue
		}
		text := ex.Document.Title + "\n" + strings.Join(ex.PageTexts, "\n")
		for _, g := range ex.Document.Gemeenten {
			found++
			ok := ingest.NamesGemeente(text, g)
			if ok {
				named++
			}
			fmt.Fprintf(w, "%s: %s (%s) named=%v\n", filepath.Base(f), g.Naam, g.Code, ok)
		}
	}
	fmt.Fprintf(w, "== %s: %d files, %d gemeenten detected, %d named in the text: precision %.3f\n",
		dir, len(files), found, named, float64(named)/float64(max(found, 1)))
	return nil
}

// add scores one plan and prints what differs.
func (m *metaScore) add(p gen.TruthPlan, d corpus.Document, w io.Writer) {
	m.n++
	codes := d.GemeenteCodes()
	slices.Sort(codes)
	want := slices.Sorted(slices.Values(p.Gemeenten))
	check := func(ok bool, count *int, what string, got, want any) {
		if ok {
			*count++
		} else {
			fmt.Fprintf(w, "%s: %s %v, want %v\n", p.File, what, got, want)
		}
	}
	check(slices.Equal(codes, want), &m.gemeente, "gemeenten", codes, want)
	check(d.PeriodStart == p.PeriodStart && d.PeriodEnd == p.PeriodEnd, &m.periode, "periode",
		d.Periode(), corpus.Document{PeriodStart: p.PeriodStart, PeriodEnd: p.PeriodEnd}.Periode())
	check(d.Type == p.Type, &m.typ, "type", d.Type, p.Type)
	check(d.Vastgesteld == p.Vastgesteld, &m.vastgesteld, "vastgesteld", d.Vastgesteld, p.Vastgesteld)
	check(strings.EqualFold(d.Title, p.Title), &m.title, "title", d.Title, p.Title)
}

// checkScore counts right answers and errors per checklist element.
type checkScore struct {
	right, known, fp, fn [16]int
}

func evalChecklist(ctx context.Context, c *config, ef evalFlags, stdout io.Writer) error {
	tg, plans, done, err := taggedTruth(ctx, c, ef)
	defer done()
	if err != nil {
		return err
	}
	var sc checkScore
	for _, p := range plans {
		if p.ChecklistPresent != nil {
			sc.add(p, tg, ef.why, stdout)
		}
	}
	if sc.known[1] == 0 {
		return fmt.Errorf("eval checklist: the truth has no checklist_present")
	}
	fmt.Fprintf(stdout, "== checklist on the generated corpus (%d plans)\nelement  accuracy  false+  false-\n", sc.known[1])
	for n := 1; n <= 15; n++ {
		fmt.Fprintf(stdout, "%-8d %.3f     %-7d %-7d %s\n", n, float64(sc.right[n])/float64(sc.known[n]),
			sc.fp[n], sc.fn[n], corpus.Checklist[n-1].Name)
	}
	return nil
}

// add checks one plan's passages, tagged first, against its truth; with
// why, it prints the evidence behind each wrong answer.
func (sc *checkScore) add(p gen.TruthPlan, tg *tag.Tagger, why bool, w io.Writer) {
	ps := truthPassages(p)
	ingest.TagPassages(tg, ps)
	for _, r := range corpus.CheckPlan(ps) {
		sc.known[r.Number]++
		want := slices.Contains(p.ChecklistPresent, r.Number)
		switch {
		case r.Present == want:
			sc.right[r.Number]++
		case r.Present:
			sc.fp[r.Number]++
			if why {
				q := ps[r.Passages[0]]
				fmt.Fprintf(w, "false+ %d %s: %q %.120q\n", r.Number, p.File, q.Headings, q.Text)
			}
		default:
			sc.fn[r.Number]++
			if why {
				for _, tp := range p.Passages {
					if slices.Contains(tp.Checklist, r.Number) {
						fmt.Fprintf(w, "false- %d %s: %q %.160q\n", r.Number, p.File, tp.Headings, tp.Text)
						break
					}
				}
			}
		}
	}
}
