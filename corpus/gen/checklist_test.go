package gen

import (
	"slices"
	"strings"
	"testing"
)

// TestChecklist checks the checklist fields of truth.jsonl on a small
// corpus: elements are 1-15, checklist_present is the union of the
// passages' elements, and the corpus has plans with and without an
// evaluation and measurable goals, and passages that mix velden.
func TestChecklist(t *testing.T) {
	_, plans := generate(t, 24, 5)
	count := map[int]int{}
	mixed := 0
	for _, p := range plans {
		mixed += checkPlanChecklist(t, p)
		for _, e := range p.ChecklistPresent {
			count[e]++
		}
	}
	for _, e := range []int{elEvaluatie, elMeetbaar} {
		if count[e] == 0 || count[e] == len(plans) {
			t.Errorf("element %d present in %d of %d plans, want some but not all", e, count[e], len(plans))
		}
	}
	for e := 1; e <= 15; e++ {
		if count[e] == 0 {
			t.Errorf("element %d in no plan", e)
		}
	}
	if mixed == 0 {
		t.Error("no passage mixes two velden")
	}
}

// checkPlanChecklist checks one plan and returns how many of its passages
// of a veld mix in another.
func checkPlanChecklist(t *testing.T, p TruthPlan) (mixed int) {
	t.Helper()
	var union []int
	for _, ps := range p.Passages {
		if ps.Checklist == nil || ps.Secondary == nil {
			t.Fatalf("%s: passage without checklist or secondary: %+v", p.File, ps)
		}
		for _, e := range ps.Checklist {
			if e < 1 || e > 15 {
				t.Errorf("%s: checklist element %d", p.File, e)
			}
			if !slices.Contains(union, e) {
				union = append(union, e)
			}
		}
		if len(ps.Secondary) > 0 && ps.Veld > 0 {
			mixed++
		}
	}
	slices.Sort(union)
	if !slices.Equal(union, p.ChecklistPresent) {
		t.Errorf("%s: checklist_present %v, passages serve %v", p.File, p.ChecklistPresent, union)
	}
	return mixed
}

// TestChecklistShownByText checks that the truth gives a passage an
// element its bank serves only in part when its text or heading shows it:
// a cyclus passage is an uitvoeringsplan when, and only when, it names
// one; a context passage that looks back at the previous period is an
// evaluation (a context passage may serve it otherwise too, through a
// look-back lead).
func TestChecklistShownByText(t *testing.T) {
	_, plans := generate(t, 60, 7)
	seen := map[bool]int{}
	for _, p := range plans {
		for _, ps := range p.Passages {
			if slices.Equal(ps.Themes, []string{"0.uitvoering-cyclus"}) && slices.Contains(ps.Checklist, elMonitoring) {
				shown := shows(ps, "uitvoeringsplan")
				seen[shown]++
				if shown != slices.Contains(ps.Checklist, elUitvoering) {
					t.Errorf("%s: cyclus passage %q names the uitvoeringsplan %v, truth %v", p.File, ps.Text, shown, ps.Checklist)
				}
			}
			if slices.Equal(ps.Themes, []string{"0.context-ontwikkelingen"}) && shows(ps, "de vorige periode", "terugkijkend") &&
				!slices.Contains(ps.Checklist, elEvaluatie) {
				t.Errorf("%s: context passage %q looks back, truth %v", p.File, ps.Text, ps.Checklist)
			}
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("cyclus passages naming the uitvoeringsplan %d, not %d: want both", seen[true], seen[false])
	}
}

// shows says the text or innermost heading of ps has one of words.
func shows(ps TruthPassage, words ...string) bool {
	seen := strings.ToLower(ps.Text + "\n" + ps.Headings[len(ps.Headings)-1])
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(seen, w) })
}
