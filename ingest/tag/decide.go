package tag

import (
	"slices"
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Thresholds of the labelling rules.
const (
	minEvidence    = 0.6  // fewer votes for the best veld than this is general text: veld 0
	processRatio   = 1.0  // veld 0 wins when its votes reach this share of the best veld's
	secondaryShare = 0.45 // a runner-up veld with this share of the winner's votes is secondary
	secondaryMin   = 0.8  // and at least this many votes from the passage's own text
	overviewShare  = 0.25 // a veld counts towards an overview with this share of the own maximum
	overviewMin    = 0.8  // and at least this many own votes
	overviewVelden = 3    // rule 2: this many velden in one passage make it an overview
	dominantShare  = 0.5  // unless one veld has this share of the safety votes
	themeShare     = 0.5  // a theme is kept with this share of the best theme's votes
	themeMin       = 0.5  // and at least this many votes
	crossShare     = 0.3  // share for a cross-cutting theme (X.*)
	// process themes are many and share words, so only the clearest count
	processThemeShare = 0.8
	processThemeMin   = 0.9
)

const overviewTheme = "0.prioriteiten-overzicht"

// decide applies the labelling rules to the votes of the passage's own
// text and of its text with context.
func (t *Tagger) decide(own, total *scores) corpus.Tags {
	tags := corpus.Tags{Version: t.version}
	if ov := overview(own); len(ov) >= overviewVelden && !dominated(total) || t.listsPriorities(own) {
		tags.Secondary = ov
		tags.Themes = t.themes(total, 0, overviewTheme)
		tags.Confidence = confidence(own.total*0.8, own.total)
		return tags
	}
	top, m := total.best()
	if m < minEvidence || total.veld[0] >= processRatio*topShare(total)*m {
		tags.Themes = t.themes(total, 0, "")
		tags.Confidence = confidence(total.veld[0], total.total)
		if m < minEvidence && total.veld[0] == 0 {
			tags.Confidence = 0.2
		}
		return tags
	}
	tags.Veld = int(top)
	for v := 1; v < corpus.NumVelden; v++ {
		if corpus.Veld(v) != top && total.veld[v] >= secondaryShare*m && own.veld[v] >= secondaryMin {
			tags.Secondary = append(tags.Secondary, v)
		}
	}
	tags.Themes = t.themes(total, top, "")
	tags.Confidence = confidence(m, total.total)
	return tags
}

// overview returns the velden 1-5 that the passage's own text speaks of
// clearly enough to count towards rule 2.
func overview(own *scores) []int {
	_, m := own.best()
	var out []int
	for v := 1; v < corpus.NumVelden; v++ {
		if own.veld[v] >= overviewMin && own.veld[v] >= overviewShare*m {
			out = append(out, v)
		}
	}
	return out
}

// topShare is the best veld's share of the votes for velden 1-5: general
// text that touches many velden needs fewer process words to be veld 0.
func topShare(total *scores) float64 {
	_, m := total.best()
	safety := 0.0
	for v := 1; v < corpus.NumVelden; v++ {
		safety += total.veld[v]
	}
	if safety == 0 {
		return 1
	}
	return m / safety
}

// listsPriorities reports whether a passage names its text a choice of
// priorities and lists overviewVelden or more specific safety themes, even
// when they share a veld ("prioriteiten: high impact crimes, huiselijk
// geweld en zorg en veiligheid").
func (t *Tagger) listsPriorities(own *scores) bool {
	named := false
	themes := map[int16]bool{}
	for _, v := range own.votes {
		id := t.lex.themes[v.theme].ID
		switch {
		case id == overviewTheme:
			named = true
		case v.veld > 0 && !strings.HasSuffix(id, ".0"):
			themes[v.theme] = true
		}
	}
	return named && len(themes) >= overviewVelden+1
}

// dominated reports whether one veld clearly leads, so that a passage
// touching several velden is a mixed passage rather than an overview.
func dominated(total *scores) bool {
	return topShare(total) >= dominantShare
}

// themes returns the strongest themes voted for in veld v, plus extra when
// it is not "". A veld-level theme ("3.0") gives way to a specific one of
// the same veld; cross-cutting themes (X.*) overlap with the KBV themes, so
// they need a smaller share of the best theme's votes.
func (t *Tagger) themes(s *scores, v corpus.Veld, extra string) []string {
	sum := map[int16]float64{}
	best := 0.0
	for _, vt := range s.votes {
		if corpus.Veld(vt.veld) != v {
			continue
		}
		sum[vt.theme] += vt.w
		best = max(best, sum[vt.theme])
	}
	var out []string
	if extra != "" {
		out = append(out, extra)
	}
	share, least := themeShare, themeMin
	if v == 0 {
		share, least = processThemeShare, processThemeMin
	}
	specific := false
	for th, w := range sum {
		id := t.lex.themes[th].ID
		cut := share
		if strings.HasPrefix(id, "X.") {
			cut = crossShare
		}
		if w >= cut*best && w >= least && id != extra {
			out = append(out, id)
			specific = specific || !strings.HasSuffix(id, ".0") && !strings.HasPrefix(id, "X.")
		}
	}
	if specific {
		out = slices.DeleteFunc(out, func(id string) bool { return strings.HasSuffix(id, ".0") })
	}
	sort.Strings(out)
	return out
}
