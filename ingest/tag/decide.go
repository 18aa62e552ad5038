package tag

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Thresholds of the labelling rules.
const (
	minEvidence = 0.6 // fewer votes for the best veld than this is no subject
	// headingEvidence is the least evidence, own and headings together,
	// for a passage whose own words name no subject
	headingEvidence = 0.9
	ownStrong       = 2.0 // a passage with this many votes of its own keeps its subject in a list or document of another
	listConf        = 0.6 // confidence of an item tagged by its list
	// veld 0 wins when its votes reach this share of the subject's, times
	// the subject's share of the safety votes (general text that touches
	// many velden needs fewer process words to be veld 0)
	processRatio   = 1.0
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

const (
	overviewTheme = "0.prioriteiten-overzicht"
	moneyTheme    = "0.middelen"
	decisionTheme = "0.besluit-vaststelling"
)

// decide applies the labelling rules to one passage: an overview of three
// or more velden is 0; an item of a topical list takes the list's subject;
// a passage with a subject of its own takes it unless it is about process;
// else its document's subject, else its headings', else 0.
func (t *Tagger) decide(e *evidence, pr prior) corpus.Tags {
	if budgetLine(e.text) && !pr.ok {
		// in a document of one subject its budget is that subject's (rule 7)
		return corpus.Tags{Themes: []string{moneyTheme}, Confidence: 0.8}
	}
	own := e.own
	total := own.clone()
	total.addCapped(e.heading, headingCap)
	if ov := overview(own); len(ov) >= overviewVelden && !dominated(own) || t.listsPriorities(own) {
		return t.overviewTags(own, total, ov)
	}
	top, m := own.best()
	if e.list > 0 && (top == e.list || m < ownStrong) {
		return t.specify(t.inherited(e.list, own, e.listVotes, listConf), pr)
	}
	if pr.ok && top != pr.veld && m < ownStrong && !e.overview {
		m = 0 // rule 7: a weak other subject gives way to the document's
	}
	if m >= minEvidence && !processWins(own, m) {
		if tt, tm := total.best(); tt != top && tm > 1.5*m {
			top = tt // the headings name another subject of which this is a detail
		}
		return t.specify(t.subject(top, total, own, confidence(total.veld[top], total.total)), pr)
	}
	if pr.ok && !e.overview {
		return t.inherited(pr.veld, own, pr.votes, round2(priorConf*pr.share))
	}
	if tt, tm := total.best(); tm >= headingEvidence && !processWins(total, tm) && !e.overview {
		return t.specify(t.subject(tt, total, own, confidence(tm, total.total)), pr)
	}
	return t.processTags(e, total)
}

// processTags tags a passage veld 0 with the process theme its words
// name, or the navigation, budget or decision theme its form shows.
func (t *Tagger) processTags(e *evidence, total *scores) corpus.Tags {
	tags := t.process(total)
	switch only, fallback := navigation(e); {
	case e.short && strings.Contains(e.text, "€"):
		tags.Themes = []string{moneyTheme} // a line of a budget table
	case e.decision:
		tags.Themes = []string{decisionTheme}
	case only:
		tags.Themes = []string{navigationTheme}
	case fallback && !slices.ContainsFunc(tags.Themes, isProcessTheme):
		tags.Themes = append(tags.Themes, navigationTheme)
	}
	return tags
}

// decideVeld tags a passage with veld v, which the model chose over the
// rules: the themes of v that its own words, its document or its list
// name, else v's general theme.
func (t *Tagger) decideVeld(e *evidence, pr prior, v corpus.Veld) corpus.Tags {
	own := e.own
	total := own.clone()
	total.addCapped(e.heading, headingCap)
	switch {
	case v == 0:
		return t.processTags(e, total)
	case own.veld[v] > 0:
		return t.specify(t.subject(v, total, own, 0), pr)
	case pr.ok && pr.veld == v:
		return t.inherited(v, own, pr.votes, 0)
	case e.list == v:
		return t.specify(t.inherited(v, own, e.listVotes, 0), pr)
	}
	tags := t.subject(v, total, own, 0)
	if len(tags.Themes) == 0 {
		tags.Themes = []string{fmt.Sprintf("%d.0", v)}
	}
	return tags
}

// specify replaces the general theme of a veld ("3.0 Jeugd en
// veiligheid") by the document's own theme in that veld when the document
// has one subject: "jongeren" in a text on jeugdoverlast is 3.1.
func (t *Tagger) specify(tags corpus.Tags, pr prior) corpus.Tags {
	if !pr.ok || corpus.Veld(tags.Veld) != pr.veld || tags.Veld == 0 {
		return tags
	}
	general := fmt.Sprintf("%d.0", tags.Veld)
	var kept []string
	for _, id := range tags.Themes {
		switch {
		case strings.HasPrefix(id, "X."):
			kept = append(kept, id)
		case id != general:
			return tags // a theme of its own
		}
	}
	specific := &scores{} // the document's votes without the general theme
	for _, v := range pr.votes.votes {
		if t.lex.themes[v.theme].ID != general {
			specific.add(v)
		}
	}
	var doc []string
	for _, id := range t.contextThemes(specific, pr.veld) {
		if !strings.HasPrefix(id, "X.") {
			doc = append(doc, id)
		}
	}
	if len(doc) == 0 {
		return tags
	}
	tags.Themes = append(kept, doc...)
	sort.Strings(tags.Themes)
	return tags
}

// isProcessTheme reports a theme of veld 0 other than navigation.
func isProcessTheme(id string) bool { return strings.HasPrefix(id, "0.") && id != navigationTheme }

// inherited tags a passage with the subject v of its list or document:
// its own votes in v first, else the context's themes.
func (t *Tagger) inherited(v corpus.Veld, own, ctx *scores, conf float64) corpus.Tags {
	tags := t.subject(v, own, own, conf)
	if len(t.themes(own, v, "")) == 0 {
		tags.Themes = t.contextThemes(ctx, v)
	}
	return tags
}

// processWins reports whether a passage's process words outweigh its
// subject (best veld with m votes).
func processWins(s *scores, m float64) bool {
	return s.veld[0] >= processRatio*topShare(s)*m
}

// subject tags a passage with veld v; ctx gives the themes and the
// secondary velden beside the passage's own votes.
func (t *Tagger) subject(v corpus.Veld, ctx, own *scores, conf float64) corpus.Tags {
	tags := corpus.Tags{Veld: int(v), Confidence: conf}
	m := ctx.veld[v]
	for o := 1; o < corpus.NumVelden; o++ {
		if corpus.Veld(o) != v && own.veld[o] >= secondaryMin && own.veld[o] >= secondaryShare*max(m, own.veld[v]) {
			tags.Secondary = append(tags.Secondary, o)
		}
	}
	tags.Themes = t.themes(ctx, v, "")
	return tags
}

// process tags a passage veld 0.
func (t *Tagger) process(total *scores) corpus.Tags {
	tags := corpus.Tags{Themes: t.themes(total, 0, "")}
	tags.Confidence = confidence(total.veld[0], total.total)
	if total.veld[0] == 0 {
		tags.Confidence = 0.2
	}
	return tags
}

// overviewTags tags an overview passage (rule 2): veld 0 with the velden
// it names as secondary.
func (t *Tagger) overviewTags(own, total *scores, ov []int) corpus.Tags {
	return corpus.Tags{Secondary: ov, Themes: t.themes(total, 0, overviewTheme),
		Confidence: confidence(own.total*0.8, own.total)}
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

// topShare is the best veld's share of the votes for velden 1-5.
func topShare(s *scores) float64 {
	_, m := s.best()
	if safety := s.safety(); safety > 0 {
		return m / safety
	}
	return 1
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
func dominated(s *scores) bool { return topShare(s) >= dominantShare }
