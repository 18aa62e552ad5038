package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/corpus/realtext"
	"github.com/ccv/ivp/ingest/tag"
)

// defaultModelPath is where the tagger's model is kept as data.
const defaultModelPath = "ingest/tag/data/model.tsv.gz"

// defaultTrainingPlans is how many generated plans the model learns from
// beside the dev half.
const defaultTrainingPlans = 20

// realtextTrain trains the tagger's model on the dev half of the set and
// writes it to out: the test half is never read.
func realtextTrain(ctx context.Context, set, out string, generated int, w io.Writer) error {
	s, err := realtext.Load(set)
	if err != nil {
		return err
	}
	tg, err := rulesTagger()
	if err != nil {
		return err
	}
	dev := s.Half(realtext.Dev)
	gex, err := generatedExamples(ctx, tg, generated)
	if err != nil {
		return err
	}
	ex := append(tg.RealExamples(dev), gex...)
	m := tg.Train(ex, tag.DefaultTrainOptions)
	var b bytes.Buffer
	if err := m.Write(&b); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model %s: %w", out, err)
	}
	fmt.Fprintf(w, "trained on %d passages of %d dev texts and %d of %d generated plans; wrote %s (%d bytes)\n",
		len(ex)-len(gex), len(dev.Docs), len(gex), generated, out, b.Len())
	return nil
}

func rulesTagger() (*tag.Tagger, error) {
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		return nil, err
	}
	return tag.NewRules(tax), nil
}

// realtextCV cross-validates the model on the dev half: the gemeenten are
// dealt into folds, and each fold is tagged by the rules alone and by the
// rules with a model trained on the other folds.
func realtextCV(ctx context.Context, set string, folds, generated int, w io.Writer) error {
	s, err := realtext.Load(set)
	if err != nil {
		return err
	}
	if folds < 2 {
		return fmt.Errorf("%w: --folds must be at least 2", errUsage)
	}
	rules, err := rulesTagger()
	if err != nil {
		return err
	}
	dev := s.Half(realtext.Dev)
	fold := gemeenteFolds(dev, folds)
	gex, err := generatedExamples(ctx, rules, generated)
	if err != nil {
		return err
	}
	var gold, predRules, predModel []corpus.Tags
	for k := range folds {
		in := func(d realtext.Doc) bool { return fold[d.Gemeenten[0]] == k }
		train := dev.Where(func(d realtext.Doc) bool { return !in(d) })
		m := rules.Train(append(rules.RealExamples(train), gex...), tag.DefaultTrainOptions)
		held := dev.Where(in)
		g, pr, err := tag.TagRealSet(held, rules.TagText)
		if err != nil {
			return err
		}
		_, pm, err := tag.TagRealSet(held, rules.WithModel(m).TagText)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "fold %d: %d texts, %d passages: rules %.3f, rules and model %.3f\n", k+1, len(held.Docs),
			len(g), tag.Evaluate(g, pr).MacroF1, tag.Evaluate(g, pm).MacroF1)
		gold, predRules, predModel = append(gold, g...), append(predRules, pr...), append(predModel, pm...)
	}
	r, m := tag.Evaluate(gold, predRules), tag.Evaluate(gold, predModel)
	fmt.Fprintf(w, "\n%d-fold cross-validation on the dev half, folds by gemeente (%d passages; %d passages of %d generated plans added to each training set)\n", folds, len(gold), len(gex), generated)
	fmt.Fprintf(w, "rules alone:     veld macro-F1 %.3f, accuracy %.3f, themes F1 %.3f\n", r.MacroF1, r.Accuracy, r.Themes.F1)
	fmt.Fprintf(w, "rules and model: veld macro-F1 %.3f, accuracy %.3f, themes F1 %.3f\n", m.MacroF1, m.Accuracy, m.Themes.F1)
	return nil
}

// trainingSeed seeds the generated plans the model learns from; the
// generated corpora it is measured on have other seeds (ivp eval tags 42,
// the tagger's tests 11).
const trainingSeed = 1012

// generatedExamples generates n plans and reads their passages, labelled
// by the generator's truth, as training examples.
func generatedExamples(ctx context.Context, tg *tag.Tagger, n int) ([]tag.Example, error) {
	if n == 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "ivp-train-")
	if err != nil {
		return nil, fmt.Errorf("generate training plans: %w", err)
	}
	defer os.RemoveAll(dir)
	if _, err := gen.Generate(ctx, gen.Options{Out: dir, Plans: n, Seed: trainingSeed}, nil); err != nil {
		return nil, fmt.Errorf("generate training plans: %w", err)
	}
	plans, err := gen.ReadTruth(filepath.Join(dir, gen.TruthFile))
	if err != nil {
		return nil, err
	}
	var out []tag.Example
	for _, p := range plans {
		gold := make([]corpus.Tags, len(p.Passages))
		for i, tp := range p.Passages {
			gold[i] = corpus.Tags{Veld: tp.Veld, Secondary: tp.Secondary, Themes: tp.Themes}
		}
		out = append(out, tg.Examples(truthPassages(p), gold)...)
	}
	return out, nil
}

// gemeenteFolds deals the first gemeenten of the set's texts, in code
// order, over k folds.
func gemeenteFolds(s *realtext.Set, k int) map[string]int {
	var codes []string
	for _, d := range s.Docs {
		codes = append(codes, d.Gemeenten[0])
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	out := map[string]int{}
	for i, c := range codes {
		out[c] = i % k
	}
	return out
}
