package tag

import (
	"math"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// A small set that lacks a veld is not marked down for it: perfect tags
// score 1. A veld that is only predicted counts, with F1 0.
func TestEvaluateMacroOverPresentVelden(t *testing.T) {
	gold := []corpus.Tags{{Veld: 0}, {Veld: 1}, {Veld: 3}, {Veld: 3}}
	if r := Evaluate(gold, gold); r.MacroF1 != 1 || r.Accuracy != 1 {
		t.Fatalf("perfect tags of velden 0, 1 and 3: macro-F1 %.3f, accuracy %.3f; want 1 and 1", r.MacroF1, r.Accuracy)
	}
	pred := []corpus.Tags{{Veld: 0}, {Veld: 1}, {Veld: 3}, {Veld: 5}}
	r := Evaluate(gold, pred)
	// velden 0 and 1: F1 1; veld 3: precision 1, recall 0.5; veld 5: 0
	want := (1 + 1 + 2.0/3 + 0) / 4
	if math.Abs(r.MacroF1-want) > 1e-9 {
		t.Fatalf("one passage of veld 3 tagged 5: macro-F1 %.4f, want %.4f (over velden 0, 1, 3 and 5)", r.MacroF1, want)
	}
}
