package tag

import (
	"fmt"
	"io"
	"slices"

	"github.com/ccv/ivp/corpus"
)

// PRF is precision, recall and F1 of one class.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"` // gold passages of the class
}

// Report is how well predicted tags match gold tags.
type Report struct {
	N         int                                     `json:"n"`
	Confusion [corpus.NumVelden][corpus.NumVelden]int `json:"confusion"` // [gold][predicted]
	Velden    [corpus.NumVelden]PRF                   `json:"velden"`
	MacroF1   float64                                 `json:"macro_f1"` // mean F1 over the velden 0-5 that are in the gold tags or the predictions
	Accuracy  float64                                 `json:"accuracy"`
	Themes    PRF                                     `json:"themes"`    // micro-averaged over theme ids
	Secondary PRF                                     `json:"secondary"` // micro-averaged over secondary velden
}

// Evaluate compares predicted tags with gold tags, passage by passage.
func Evaluate(gold, pred []corpus.Tags) Report {
	var r Report
	var tp, fp, fn, stp, sfp, sfn int
	for i := range gold {
		g, p := gold[i].Veld, pred[i].Veld
		if g < 0 || g >= corpus.NumVelden || p < 0 || p >= corpus.NumVelden {
			continue
		}
		r.N++
		r.Confusion[g][p]++
		a, b, c := overlap(gold[i].Themes, pred[i].Themes)
		tp, fp, fn = tp+a, fp+b, fn+c
		a, b, c = overlap(veldIDs(gold[i].Secondary), veldIDs(pred[i].Secondary))
		stp, sfp, sfn = stp+a, sfp+b, sfn+c
	}
	correct, seen := 0, 0
	for v := range corpus.NumVelden {
		correct += r.Confusion[v][v]
		r.Velden[v] = r.prf(v)
		predicted := 0
		for g := range corpus.NumVelden {
			predicted += r.Confusion[g][v]
		}
		if r.Velden[v].Support > 0 || predicted > 0 {
			// a veld neither labelled nor predicted is left out, as
			// usual: a small set may lack one
			seen++
			r.MacroF1 += r.Velden[v].F1
		}
	}
	if seen > 0 {
		r.MacroF1 /= float64(seen)
	}
	if r.N > 0 {
		r.Accuracy = float64(correct) / float64(r.N)
	}
	r.Themes = prf(tp, fp, fn)
	r.Secondary = prf(stp, sfp, sfn)
	return r
}

func veldIDs(vs []int) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprint(v)
	}
	return out
}

func (r *Report) prf(v int) PRF {
	tp, fp, fn := r.Confusion[v][v], 0, 0
	for o := range corpus.NumVelden {
		if o != v {
			fp += r.Confusion[o][v]
			fn += r.Confusion[v][o]
		}
	}
	return prf(tp, fp, fn)
}

func prf(tp, fp, fn int) PRF {
	var out PRF
	if tp+fp > 0 {
		out.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		out.Recall = float64(tp) / float64(tp+fn)
	}
	if out.Precision+out.Recall > 0 {
		out.F1 = 2 * out.Precision * out.Recall / (out.Precision + out.Recall)
	}
	out.Support = tp + fn
	return out
}

// aliases are theme ids that taxonomy.md defines as another name of a
// KBV theme; evaluation counts them as that theme.
var aliases = map[string]string{"X.ondermijning": "5.2", "X.polarisatie": "5.1"}

func canonical(ids []string) []string {
	var out []string
	for _, id := range ids {
		if a, ok := aliases[id]; ok {
			id = a
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// overlap counts the themes both have, only pred has, and only gold has.
func overlap(gold, pred []string) (tp, fp, fn int) {
	gold, pred = canonical(gold), canonical(pred)
	in := map[string]bool{}
	for _, g := range gold {
		in[g] = true
	}
	for _, p := range pred {
		if in[p] {
			tp++
			delete(in, p)
		} else {
			fp++
		}
	}
	return tp, fp, len(in)
}

// Write prints the report as a table.
func (r Report) Write(w io.Writer) {
	fmt.Fprintf(w, "passages %d, accuracy %.3f, macro-F1 (velden 0-5) %.3f\n\n", r.N, r.Accuracy, r.MacroF1)
	fmt.Fprintf(w, "veld  precision  recall  F1     support\n")
	for v, p := range r.Velden {
		fmt.Fprintf(w, "%-5d %-10.3f %-7.3f %-6.3f %d\n", v, p.Precision, p.Recall, p.F1, p.Support)
	}
	fmt.Fprintf(w, "\nconfusion (rows gold, columns predicted)\n      ")
	for v := range corpus.NumVelden {
		fmt.Fprintf(w, "%6d", v)
	}
	for g, row := range r.Confusion {
		fmt.Fprintf(w, "\n%-6d", g)
		for _, n := range row {
			fmt.Fprintf(w, "%6d", n)
		}
	}
	fmt.Fprintf(w, "\n\nthemes (micro) precision %.3f recall %.3f F1 %.3f\n",
		r.Themes.Precision, r.Themes.Recall, r.Themes.F1)
	fmt.Fprintf(w, "secondary velden (micro) precision %.3f recall %.3f F1 %.3f\n",
		r.Secondary.Precision, r.Secondary.Recall, r.Secondary.F1)
}
