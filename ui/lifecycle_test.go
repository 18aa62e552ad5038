package ui_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestLifecycleGenerated compares the links the gemeente pages show
// between follow-ups (uitvoeringsplannen, evaluaties) and their IVP with
// the generator's truth (follows_plan): precision and recall at least
// 0.95. Every follow-up in the truth is a published plan here.
func TestLifecycleGenerated(t *testing.T) {
	g := newGenCorpus(t)
	want := map[int64]int64{} // follow-up → its IVP
	codes := map[string]bool{}
	for i, p := range g.truth {
		if p.FollowsPlan > 0 {
			want[g.ids[i]] = g.ids[p.FollowsPlan-1]
		}
		for _, c := range p.Gemeenten {
			codes[c] = true
		}
	}
	got := map[int64]int64{}
	for code := range codes {
		var out struct {
			Plans []struct {
				ID      int64  `json:"id"`
				Type    string `json:"type"`
				Follows *struct {
					ID int64 `json:"id"`
				} `json:"follows"`
			} `json:"plans"`
		}
		if err := json.Unmarshal([]byte(g.get(t, "/api/v1/gemeenten/"+code).body), &out); err != nil {
			t.Fatal(err)
		}
		for _, p := range out.Plans {
			if p.Follows != nil && (p.Type == string(corpus.TypeUitvoeringsplan) || p.Type == string(corpus.TypeEvaluatie)) {
				got[p.ID] = p.Follows.ID
			}
		}
	}
	checkDocumentTimelines(t, g, want)
	right := 0
	for f, ivp := range got {
		if want[f] == ivp {
			right++
		}
	}
	if len(want) < 5 {
		t.Fatalf("only %d links in the truth", len(want))
	}
	precision, recall := float64(right)/float64(max(1, len(got))), float64(right)/float64(len(want))
	t.Logf("lifecycle links: %d in the truth, %d found, %d right: precision %.3f, recall %.3f", len(want), len(got), right, precision, recall)
	if precision < 0.95 || recall < 0.95 {
		for f, ivp := range got {
			if want[f] != ivp {
				t.Logf("found %d → %d, truth → %d", f, ivp, want[f])
			}
		}
		t.Errorf("precision %.3f, recall %.3f; want both at least 0.95", precision, recall)
	}
}

// checkDocumentTimelines: the public JSON of every follow-up of the truth
// shows its IVP on the timeline as the plan it follows up, and that IVP's
// JSON shows the follow-up.
func checkDocumentTimelines(t *testing.T, g *genCorpus, want map[int64]int64) {
	t.Helper()
	steps := func(id int64) map[int64]string {
		var out struct {
			Lifecycle []struct {
				ID       int64  `json:"id"`
				Relation string `json:"relation"`
			} `json:"lifecycle"`
		}
		if err := json.Unmarshal([]byte(g.get(t, "/api/v1/documents/"+strconv.FormatInt(id, 10)).body), &out); err != nil {
			t.Fatal(err)
		}
		m := map[int64]string{}
		for _, s := range out.Lifecycle {
			m[s.ID] = s.Relation
		}
		return m
	}
	missing := 0
	for f, ivp := range want {
		if steps(f)[ivp] != "hoofdplan" || steps(ivp)[f] != "uitwerking" {
			missing++
		}
	}
	if float64(missing) > 0.05*float64(len(want)) {
		t.Errorf("%d of %d follow-ups lack their IVP on the document timelines", missing, len(want))
	}
}
