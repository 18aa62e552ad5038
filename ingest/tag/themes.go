package tag

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// themes returns the strongest themes voted for in veld v, plus extra when
// it is not "". A veld-level theme ("3.0") gives way to a specific one of
// the same veld. Cross-cutting themes (X.*) count whatever veld their
// votes are for, since they overlap with the KBV themes, and need a
// smaller share of the best theme's votes.
func (t *Tagger) themes(s *scores, v corpus.Veld, extra string) []string {
	return t.pickThemes(s, v, extra, themeMin)
}

// contextThemes is themes for a passage tagged by its list or document:
// the context's votes are scaled down, so no absolute minimum applies.
func (t *Tagger) contextThemes(s *scores, v corpus.Veld) []string {
	return t.pickThemes(s, v, "", 0)
}

func (t *Tagger) pickThemes(s *scores, v corpus.Veld, extra string, least float64) []string {
	sum := map[int16]float64{}
	best := 0.0
	for _, vt := range s.votes {
		cross := strings.HasPrefix(t.lex.themes[vt.theme].ID, "X.")
		if corpus.Veld(vt.veld) != v && !(cross && v > 0) || vt.inner {
			continue
		}
		sum[vt.theme] += vt.w
		if !cross {
			best = max(best, sum[vt.theme])
		}
	}
	var out []string
	if extra != "" {
		out = append(out, extra)
	}
	share := themeShare
	if v == 0 {
		share, least = processThemeShare, max(least, processThemeMin)
	}
	specific := false
	for th, w := range sum {
		id := t.lex.themes[th].ID
		cut := share
		if strings.HasPrefix(id, "X.") {
			cut = crossShare
		}
		if w >= cut*best && w >= least && w > 0 && id != extra {
			out = append(out, id)
			specific = specific || !strings.HasSuffix(id, ".0") && !strings.HasPrefix(id, "X.")
		}
	}
	if specific {
		out = slices.DeleteFunc(out, func(id string) bool { return strings.HasSuffix(id, ".0") })
	}
	sort.Strings(out)
	return withDefaults(out, v)
}

// navigationTheme is the theme of titles and table-of-contents lines.
const navigationTheme = "0.metadata-navigatie"

// tocLine matches a table-of-contents line: a page number last
// ("Inleiding ... 5", "3.2 Aanpak p. 12", "Bijlage 2"), not a numbered
// heading ("1.1 Wettelijk kader").
var tocLine = regexp.MustCompile(`(?i)^((hoofdstuk|bijlage|paragraaf)\s+\d|.*(\.{3,}|…)\s*\d+|.*\b(p|pag|blz)\.?\s*\d+|.*\s\d{1,3})$`)

// navProcess is the process votes above which a contents-like line is
// read as text ("gelezen het voorstel van 14 november 2023").
const navProcess = 1.0

// titleProcess is the process votes below which any short line of veld
// 0 is a title or heading ("1. Inleiding", "Integraal Veiligheidsbeleid
// 2021-2024"), not text of a process theme.
const titleProcess = 1.6

// navigation says whether a veld-0 passage is a title or contents line
// (only the navigation theme), a short line without a process theme
// (navigation beside nothing), or neither.
func navigation(e *evidence) (only, fallback bool) {
	if !e.short {
		return false, false
	}
	f := strings.ToLower(strings.TrimSpace(strings.TrimLeft(e.text, "•·▪◦-–* ")))
	only = strings.HasPrefix(f, "inhoud") || tocLine.MatchString(f) && e.own.veld[0] < navProcess && !strings.Contains(f, "€") ||
		e.own.veld[0] < titleProcess
	return only, true
}

// crossDefaults is the KBV theme a cross-cutting theme stands for in each
// veld (taxonomy.md, "Cross-cutting themes"): drugs dealt in a buurt is
// 1.1, drugs production 5.2, drugs and young people 3.3, coffeeshops 2.3.
var crossDefaults = map[string]map[corpus.Veld]string{
	"X.drugs":                           {1: "1.1", 2: "2.3", 3: "3.3", 5: "5.2"},
	"X.mensenhandel":                    {3: "3.2", 5: "5.2"},
	"X.wapens-explosies":                {1: "1.3", 2: "2.4", 3: "3.2", 5: "5.2"},
	"X.vakantieparken-arbeidsmigranten": {2: "2.5", 5: "5.2"},
	"X.high-impact-crimes":              {1: "1.3", 2: "2.1"},
	"X.ondermijning":                    {5: "5.2"},
	"X.polarisatie":                     {5: "5.1"},
	"X.zorg-en-veiligheid":              {1: "1.1"},
}

// withDefaults adds to themes of veld v the KBV theme a cross-cutting
// theme stands for, when no KBV theme of v is there.
func withDefaults(themes []string, v corpus.Veld) []string {
	prefix := strconv.Itoa(int(v)) + "."
	if v == 0 || slices.ContainsFunc(themes, func(id string) bool { return strings.HasPrefix(id, prefix) }) {
		return themes
	}
	for _, id := range themes {
		if d := crossDefaults[id][v]; d != "" {
			themes = append(themes, d)
			sort.Strings(themes)
			return themes
		}
	}
	return themes
}
