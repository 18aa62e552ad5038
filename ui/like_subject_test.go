package ui_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
)

// TestLikeBySubject: on a generated corpus, "meer zoals dit" picks plans
// by subject, not by place. For a plan s and another plan o of its own
// gemeente, when some plan of another gemeente shares more of s's
// priorities than o does, such a plan ranks above o (or o is not listed
// at all), in at least 95% of the cases; and the top five share a
// priority more often than a gemeente.
func TestLikeBySubject(t *testing.T) {
	g := newGenCorpus(t)
	byID := map[int64]int{}
	for i, id := range g.ids {
		byID[id] = i
	}
	overlap := func(a, b int) int {
		n := 0
		for _, p := range g.truth[a].Prioriteiten {
			if slices.Contains(g.truth[b].Prioriteiten, p) {
				n++
			}
		}
		return n
	}
	sharesPrio := func(a, b int) bool { return overlap(a, b) > 0 }
	sharesGemeente := func(a, b int) bool {
		for _, c := range g.truth[a].Gemeenten {
			if slices.Contains(g.truth[b].Gemeenten, c) {
				return true
			}
		}
		return false
	}
	cases, right, top, topPrio, topGem := 0, 0, 0, 0, 0
	for s := range g.truth {
		if len(g.truth[s].Prioriteiten) == 0 {
			continue
		}
		ranked := g.likeRanking(t, g.ids[s])
		for _, id := range ranked[:min(5, len(ranked))] {
			h := byID[id]
			top++
			if sharesPrio(s, h) {
				topPrio++
			}
			if sharesGemeente(s, h) {
				topGem++
			}
		}
		for o := range g.truth {
			if o == s || !sharesGemeente(s, o) || !closerElsewhere(g, s, o, overlap, sharesGemeente) {
				continue
			}
			cases++
			if subjectFirst(ranked, byID, s, o, overlap, sharesGemeente) {
				right++
			} else {
				t.Logf("like %d (%q, %v): its gemeente's %d (%v) ranks above every closer plan", g.ids[s],
					g.truth[s].Title, g.truth[s].Prioriteiten, g.ids[o], g.truth[o].Prioriteiten)
			}
		}
	}
	t.Logf("own-gemeente plans with fewer shared priorities: %d cases, a closer plan of another gemeente first in %d (%.3f); "+
		"top 5: %d hits, %.3f share a priority, %.3f share a gemeente", cases, right, float64(right)/float64(max(1, cases)),
		top, float64(topPrio)/float64(max(1, top)), float64(topGem)/float64(max(1, top)))
	if cases < 10 {
		t.Fatalf("only %d cases in the generated corpus", cases)
	}
	if float64(right) < 0.95*float64(cases) {
		t.Errorf("a closer plan of another gemeente ranks first in %d of %d cases; want at least 95%%", right, cases)
	}
	if topPrio <= topGem {
		t.Errorf("of the top five, %d share a priority and %d a gemeente; want subject over place", topPrio, topGem)
	}
}

// closerElsewhere says a plan of another gemeente shares more of s's
// priorities than o does.
func closerElsewhere(g *genCorpus, s, o int, overlap func(a, b int) int, sharesGemeente func(a, b int) bool) bool {
	for h := range g.truth {
		if h != s && !sharesGemeente(s, h) && overlap(s, h) > overlap(s, o) {
			return true
		}
	}
	return false
}

// subjectFirst says a plan of another gemeente that shares more of s's
// priorities than o ranks above o, or o is not in the ranking.
func subjectFirst(ranked []int64, byID map[int64]int, s, o int, overlap func(a, b int) int, sharesGemeente func(a, b int) bool) bool {
	for _, id := range ranked {
		h := byID[id]
		switch {
		case h == o:
			return false
		case overlap(s, h) > overlap(s, o) && !sharesGemeente(s, h):
			return true
		}
	}
	return true
}

// likeRanking is the plans "meer zoals dit" lists for plan id, best first.
func (g *genCorpus) likeRanking(t *testing.T, id int64) []int64 {
	t.Helper()
	var out struct {
		Results []struct {
			ID int64 `json:"id"`
		} `json:"results"`
	}
	r := g.get(t, "/api/v1/search?size=50&like="+strconv.FormatInt(id, 10))
	if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 {
		t.Fatalf("like %d: %d, %v", id, r.status, err)
	}
	ids := make([]int64, len(out.Results))
	for i, d := range out.Results {
		ids[i] = d.ID
	}
	return ids
}
