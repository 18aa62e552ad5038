package ui

import (
	"context"
	"html/template"
	"slices"
	"sort"
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// examplePlanDocs bounds the published documents read for the examples
// of one format.
const examplePlanDocs = 60

// planFormat is the format of an uitvoeringsplan: the page, its JSON twin
// and the content of the .docx and PDF downloads.
type planFormat struct {
	Layout   layoutData      `json:"-"`
	Query    template.URL    `json:"-"` // the questionnaire as URL parameters, for the links
	Title    string          `json:"title"`
	Gemeente corpus.Gemeente `json:"gemeente"`
	Start    int             `json:"start"`
	End      int             `json:"end"`
	Tempo    string          `json:"tempo"`
	Indeling string          `json:"indeling"`
	Partners []string        `json:"partners"`
	Chapters []formatChapter `json:"chapters"` // per priority or per veld
	Process  []formatChapter `json:"process"`  // monitoring, evaluation, roles
}

// formatChapter is one chapter of the format.
type formatChapter struct {
	Title    string         `json:"title"`
	Intro    string         `json:"intro"`
	Themes   []string       `json:"themes,omitempty"` // labels of the priorities it holds
	Tables   []formatTable  `json:"tables"`
	Examples []toetsExample `json:"examples"` // from published plans
}

// formatTable is a table to fill in.
type formatTable struct {
	Title   string     `json:"title"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// buildFormat makes the format for a checked questionnaire.
func (h *handler) buildFormat(ctx context.Context, in planInput) (*planFormat, error) {
	f := &planFormat{Query: template.URL(in.query()), //nolint:gosec // url.Values.Encode escapes every value
		Gemeente: in.gemeente, Start: in.start, End: in.end,
		Tempo: in.Tempo, Indeling: in.Indeling, Partners: in.allPartners()}
	f.Title = "Uitvoeringsplan integrale veiligheid " + in.gemeente.Naam + " " + f.years()
	b, err := h.currentBeeld(ctx)
	if err != nil {
		return nil, err
	}
	ex := themeExamples{h: h, ctx: ctx, docs: exampleDocs(b), passages: map[int64][]corpus.Passage{}}
	for _, group := range h.formatGroups(in) {
		c := formatChapter{Title: group.title, Intro: group.intro, Examples: []toetsExample{}}
		for _, id := range group.themes {
			c.Themes = append(c.Themes, h.taxonomy.ThemaLabel(id))
		}
		if c.Examples, err = ex.find(group.themes); err != nil {
			return nil, err
		}
		c.Tables = f.themeTables(c.Examples)
		f.Chapters = append(f.Chapters, c)
	}
	f.Process = f.processChapters()
	return f, nil
}

// years is the period as "2025-2028", or one year.
func (f *planFormat) years() string {
	if f.End == f.Start {
		return strconv.Itoa(f.Start)
	}
	return strconv.Itoa(f.Start) + "-" + strconv.Itoa(f.End)
}

// themeGroup is the content of one chapter before its tables.
type themeGroup struct {
	title, intro string
	themes       []string
}

// formatGroups are the chapters: one per priority, or one per veld with
// the priorities of that veld.
func (h *handler) formatGroups(in planInput) []themeGroup {
	var out []themeGroup
	if in.Indeling == "prioriteit" {
		for _, id := range in.Prios {
			out = append(out, themeGroup{title: "Prioriteit: " + h.taxonomy.ThemaLabel(id),
				intro: "Beschrijf wat de gemeente met de partners aan deze prioriteit doet.", themes: []string{id}})
		}
		return out
	}
	for _, v := range corpus.Velden[1:] {
		g := themeGroup{title: "Veld " + strconv.Itoa(int(v)) + ": " + v.Label(),
			intro: "Beschrijf de aanpak van de prioriteiten in dit veiligheidsveld."}
		for _, th := range h.taxonomy.Themas(in.Prios) {
			if th.Veld == v {
				g.themes = append(g.themes, th.ID)
			}
		}
		if len(g.themes) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// exampleDocs are the published documents to take examples from:
// uitvoeringsplannen first, then the other plans, each the most recent
// first.
func exampleDocs(b *beeld) []*planFacts {
	docs := make([]*planFacts, 0, len(b.byID))
	for _, pf := range b.byID {
		if len(pf.doc.Gemeenten) > 0 {
			docs = append(docs, pf)
		}
	}
	sort.Slice(docs, func(i, j int) bool {
		a, c := docs[i].doc, docs[j].doc
		if rank(a.Type) != rank(c.Type) {
			return rank(a.Type) < rank(c.Type)
		}
		if a.PeriodStart != c.PeriodStart {
			return a.PeriodStart > c.PeriodStart
		}
		return a.ID < c.ID
	})
	return docs
}

// rank orders the kinds of document examples come from.
func rank(t corpus.DocType) int {
	switch t {
	case corpus.TypeUitvoeringsplan:
		return 0
	case corpus.TypeIVP:
		return 1
	}
	return 2
}

// themeExamples finds passages of published documents tagged with a
// theme, reading each document's passages once per format.
type themeExamples struct {
	h        *handler
	ctx      context.Context
	docs     []*planFacts
	passages map[int64][]corpus.Passage
}

// find returns up to maxExamples passages tagged with one of themes, at
// most one per document.
func (e *themeExamples) find(themes []string) ([]toetsExample, error) {
	out := []toetsExample{}
	for i, pf := range e.docs {
		if len(out) == maxExamples || i == examplePlanDocs {
			break
		}
		ps, ok := e.passages[pf.doc.ID]
		if !ok {
			var err error
			if ps, err = e.h.docs.Passages(e.ctx, pf.doc.ID); err != nil {
				return nil, err
			}
			e.passages[pf.doc.ID] = ps
		}
		for _, p := range ps {
			if slices.ContainsFunc(p.Tags.Themes, func(t string) bool { return slices.Contains(themes, t) }) {
				out = append(out, toetsExample{DocumentID: pf.doc.ID, Ordinal: p.Ordinal, Title: pf.doc.Title,
					Gemeente: pf.doc.Gemeenten[0].Naam, Page: p.PageFrom, Text: shorten(p.Text, 500),
					URL: passageURL(passageRef{doc: pf.doc.ID, ordinal: p.Ordinal})})
				break
			}
		}
	}
	return out, nil
}
