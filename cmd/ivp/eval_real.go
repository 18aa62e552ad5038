package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/realtext"
	"github.com/ccv/ivp/ingest/tag"
)

// evalReal measures the tagger on the real-text set, dev and test half
// apart, beside a naive lexicon and, when asked, another ivp binary's
// `ivp tag` on the same passages.
func evalReal(ctx context.Context, c *config, ef evalFlags, stdout io.Writer) error {
	set, err := realtext.Load(ef.real)
	if err != nil {
		return err
	}
	tg, err := loadTagger(c)
	if err != nil {
		return err
	}
	naive, err := loadNaive(ef.shared)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "tagger %s\n", tg.Version())
	for _, h := range []string{realtext.Dev, realtext.Test} {
		if ef.half != "" && ef.half != h {
			continue
		}
		half := set.Half(h)
		if ef.ids != "" {
			half = half.Where(func(d realtext.Doc) bool { return hasAnyPrefix(d.ID, strings.Split(ef.ids, ",")) })
		}
		if len(half.Docs) == 0 {
			fmt.Fprintf(stdout, "\n== real-text set, %s half: no texts\n", h)
			continue
		}
		gold, pred, err := tag.TagRealSet(half, tg.TagText)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\n== real-text set, %s half: %d texts\n", h, len(half.Docs))
		tag.Evaluate(gold, pred).Write(stdout)
		writeBands(stdout, gold, pred)
		writeByType(stdout, half, gold, pred)
		if err := writeBaselines(ctx, stdout, half, tg.WithModel(nil), naive, ef.compare); err != nil {
			return err
		}
		if ef.why && h == realtext.Dev {
			writeWrong(stdout, half, gold, pred)
		}
	}
	return nil
}

// bands are the confidence bands accuracy is reported for.
var bands = []float64{0, 0.3, 0.5, 0.7, 0.85}

// writeBands prints the veld accuracy per confidence band: a confidence
// that means something has accuracy rising with it.
func writeBands(w io.Writer, gold, pred []corpus.Tags) {
	n, right := make([]int, len(bands)), make([]int, len(bands))
	for i := range gold {
		b := len(bands) - 1
		for b > 0 && pred[i].Confidence < bands[b] {
			b--
		}
		n[b]++
		if gold[i].Veld == pred[i].Veld {
			right[b]++
		}
	}
	fmt.Fprintf(w, "accuracy per confidence band:")
	for b := range bands {
		hi := 1.0
		if b+1 < len(bands) {
			hi = bands[b+1]
		}
		fmt.Fprintf(w, "  [%.2f,%.2f) %s", bands[b], hi, ratio(right[b], n[b]))
	}
	fmt.Fprintln(w)
}

func ratio(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f (%d)", float64(a)/float64(n), n)
}

// writeByType prints the veld accuracy per document type.
func writeByType(w io.Writer, s *realtext.Set, gold, pred []corpus.Tags) {
	types := map[string]string{}
	for _, d := range s.Docs {
		types[d.ID] = d.Type
	}
	n, right := map[string]int{}, map[string]int{}
	for i, p := range s.Passages {
		t := types[p.Doc]
		n[t]++
		if gold[i].Veld == pred[i].Veld {
			right[t]++
		}
	}
	fmt.Fprintf(w, "accuracy per document type:")
	for _, t := range realtext.Types {
		fmt.Fprintf(w, "  %s %s", t, ratio(right[t], n[t]))
	}
	fmt.Fprintln(w)
}

// writeBaselines prints the figures of the rules without the model, of
// the naive lexicon and of another binary's `ivp tag` on the same passages.
func writeBaselines(ctx context.Context, w io.Writer, s *realtext.Set, rules *tag.Tagger, naive *naiveLexicon, compare string) error {
	gold, pred, err := tag.TagRealSet(s, rules.TagText)
	if err != nil {
		return err
	}
	r := tag.Evaluate(gold, pred)
	fmt.Fprintf(w, "rules alone (without the model): macro-F1 %.3f, accuracy %.3f, themes F1 %.3f\n", r.MacroF1, r.Accuracy, r.Themes.F1)
	if naive != nil {
		gold, pred, _ := tag.TagRealSet(s, func(text string) ([]corpus.Tags, error) { return naive.tagBlocks(text), nil })
		r := tag.Evaluate(gold, pred)
		fmt.Fprintf(w, "naive lexicon (shared terms, longest wins): macro-F1 %.3f, accuracy %.3f, themes F1 %.3f\n", r.MacroF1, r.Accuracy, r.Themes.F1)
	}
	if compare == "" {
		return nil
	}
	gold, pred, err = tag.TagRealSet(s, func(text string) ([]corpus.Tags, error) { return tagWith(ctx, compare, text) })
	if err != nil {
		return err
	}
	r = tag.Evaluate(gold, pred)
	fmt.Fprintf(w, "%s tag: macro-F1 %.3f, accuracy %.3f, themes F1 %.3f, per veld F1", compare, r.MacroF1, r.Accuracy, r.Themes.F1)
	for _, v := range r.Velden {
		fmt.Fprintf(w, " %.2f", v.F1)
	}
	fmt.Fprintln(w)
	return nil
}

// tagWith runs `bin tag` on text and reads its JSON lines.
func tagWith(ctx context.Context, bin, text string) ([]corpus.Tags, error) {
	cmd := exec.CommandContext(ctx, bin, "tag")
	cmd.Stdin = strings.NewReader(text)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s tag: %w", bin, err)
	}
	var tags []corpus.Tags
	dec := json.NewDecoder(&out)
	for dec.More() {
		var l tagLine
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("%s tag: %w", bin, err)
		}
		tags = append(tags, corpus.Tags{Veld: l.Veld, Secondary: l.Secondary, Themes: l.Themes, Confidence: l.Confidence})
	}
	return tags, nil
}

// writeWrong prints the dev passages whose veld is wrong (never the test
// half's: it is only scored).
func writeWrong(w io.Writer, s *realtext.Set, gold, pred []corpus.Tags) {
	fmt.Fprintln(w, "\nwrong veld (dev):")
	for i, p := range s.Passages {
		if gold[i].Veld != pred[i].Veld {
			fmt.Fprintf(w, "%s/%d gold %d%v %v pred %d%v %v c=%.2f: %.200s\n", p.Doc, p.N, gold[i].Veld, gold[i].Secondary,
				gold[i].Themes, pred[i].Veld, pred[i].Secondary, pred[i].Themes, pred[i].Confidence, p.Text)
		}
	}
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
