package ui

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// veldShare is one veld's share of a plan's text.
type veldShare struct {
	Veld    int    `json:"veld"`
	Label   string `json:"label"`
	Percent int    `json:"percent"` // of the plan's characters, rounded
	Filter  string `json:"-"`       // the search page filtered on this veld
}

// prioritySection says a heading names the plan's priorities.
var prioritySection = []string{"prioriteit", "speerpunt", "focus", "accenten", "keuzes"}

// veldOverview is the share of text per veld and the priorities found: the
// themes of velden 1-5 of the passages under a priorities heading (or, when
// the plan has none, its three largest themes).
func (h *handler) veldOverview(passages []corpus.Passage) ([]veldShare, []string) {
	var chars [corpus.NumVelden]int
	total := 0
	weight := map[string]int{}
	prio := map[string]int{}
	for _, p := range passages {
		n := utf8.RuneCountInString(p.Text)
		if p.Tags.Veld >= 0 && p.Tags.Veld < corpus.NumVelden {
			chars[p.Tags.Veld] += n
		}
		total += n
		under := underPriorities(p.Headings)
		for _, t := range p.Tags.Themes {
			if th, ok := h.taxonomy.Thema(t); ok && th.Veld > 0 && !strings.HasSuffix(t, ".0") {
				weight[t] += n
				if under {
					prio[t] += n
				}
			}
		}
	}
	var out []veldShare
	for v, c := range chars {
		if c == 0 || total == 0 {
			continue
		}
		pct := (100*c + total/2) / total
		out = append(out, veldShare{Veld: v, Label: corpus.Veld(v).Label(), Percent: pct,
			Filter: "/?veld=" + strconv.Itoa(v)})
	}
	if len(prio) == 0 {
		prio = weight
	}
	return out, h.topThemes(prio, 5)
}

func underPriorities(headings []string) bool {
	for _, hd := range headings {
		l := strings.ToLower(hd)
		for _, w := range prioritySection {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}

// topThemes are the labels of the n themes with the most text.
func (h *handler) topThemes(w map[string]int, n int) []string {
	ids := make([]string, 0, len(w))
	for id := range w {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if w[ids[i]] != w[ids[j]] {
			return w[ids[i]] > w[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var out []string
	for _, id := range ids[:min(n, len(ids))] {
		out = append(out, h.taxonomy.ThemaLabel(id))
	}
	return out
}

// checklistView is the kwaliteitstoets of a plan on its page.
type checklistView struct {
	Present, Total int
	Elements       []checkView
}

// checkView is one element with links to the passages that show it.
type checkView struct {
	Number  int
	Name    string
	Present bool
	Links   []pageLinkView
}

// pageLinkView links to a passage on the document page, by its page.
type pageLinkView struct {
	Label, URL string
}

// maxCheckLinks is how many passages an element links to.
const maxCheckLinks = 5

func checklistViewOf(id int64, rs []corpus.CheckResult) checklistView {
	v := checklistView{Total: len(rs)}
	for _, r := range rs {
		c := checkView{Number: r.Number, Name: r.Name, Present: r.Present}
		if r.Present {
			v.Present++
		}
		for i, o := range r.Passages[:min(len(r.Passages), maxCheckLinks)] {
			label := "passage " + strconv.Itoa(o+1)
			if i < len(r.Pages) {
				label = "p. " + strconv.Itoa(r.Pages[i])
			}
			c.Links = append(c.Links, pageLinkView{Label: label, URL: "#passage-" + strconv.Itoa(o)})
		}
		v.Elements = append(v.Elements, c)
	}
	return v
}
