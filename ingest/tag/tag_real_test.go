package tag

import (
	"errors"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus/realtext"
)

// Figures on the real-text set (testdata/realtext, all nine collection
// rounds). The test half is only ever scored: it must reach issue 12's
// bars (veld macro-F1 0.88, theme micro-F1 0.75; tag-8 has 0.887 and
// 0.782), and may not fall more than regressionSlack below its recorded
// figures. The dev half guards what was built from it (and the model was
// trained on it).
const (
	barRealTestMacroF1  = 0.88
	barRealTestThemeF1  = 0.75
	recordedTestMacroF1 = 0.887
	recordedTestThemeF1 = 0.782
	recordedDevMacroF1  = 0.986
	recordedDevThemeF1  = 0.910
)

// loadReal loads the real-text set, skipping the test without its cache.
func loadReal(t *testing.T) *realtext.Set {
	t.Helper()
	s, err := realtext.Load("../../" + realtext.Default)
	if errors.Is(err, realtext.ErrNoCache) {
		t.Skipf("real-text set skipped: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRealSet(t *testing.T) {
	s := loadReal(t)
	tg := newTagger(t)
	for _, tc := range []struct {
		half         string
		macro, theme float64
	}{
		{realtext.Dev, recordedDevMacroF1 - regressionSlack, recordedDevThemeF1 - regressionSlack},
		{realtext.Test, recordedTestMacroF1 - regressionSlack, recordedTestThemeF1 - regressionSlack},
	} {
		if tc.half == realtext.Test {
			tc.macro, tc.theme = max(tc.macro, barRealTestMacroF1), max(tc.theme, barRealTestThemeF1)
		}
		t.Run(tc.half, func(t *testing.T) {
			gold, pred, err := TagRealSet(s.Half(tc.half), tg.TagText)
			if err != nil {
				t.Fatal(err)
			}
			r := Evaluate(gold, pred)
			var b strings.Builder
			r.Write(&b)
			t.Log("\n" + b.String())
			if r.MacroF1 < tc.macro {
				t.Errorf("%s half: veld macro-F1 %.3f, want at least %.3f", tc.half, r.MacroF1, tc.macro)
			}
			if r.Themes.F1 < tc.theme {
				t.Errorf("%s half: theme micro-F1 %.3f, want at least %.3f", tc.half, r.Themes.F1, tc.theme)
			}
		})
	}
}
