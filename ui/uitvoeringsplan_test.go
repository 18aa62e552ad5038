package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// planFormatJSON is what the tests read of /api/v1/uitvoeringsplan.
type planFormatJSON struct {
	Title    string
	Chapters []formatChapterJSON
	Process  []formatChapterJSON
}

type formatChapterJSON struct {
	Title  string
	Tables []struct {
		Title   string
		Columns []string
		Rows    [][]string
	}
	Examples []struct {
		DocumentID int64 `json:"document_id"`
		Ordinal    int
		Gemeente   string
		Text       string
		URL        string
	}
}

// TestPlanFormat fills in the questionnaire of the format
// uitvoeringsplan on a generated corpus and checks the format, its
// JSON twin and its .docx against the truth.
func TestPlanFormat(t *testing.T) {
	g := newGenCorpus(t)
	truth := g.truthBeeld(t, thisYear())
	code, want := gemeenteWithPrios(truth)
	if code == "" {
		t.Fatal("no gemeente of the generated corpus has priorities")
	}
	t.Run("vragenlijst neemt de prioriteiten van het plan over", func(t *testing.T) {
		r := g.get(t, "/uitvoeringsplan?gemeente="+code)
		if r.status != http.StatusOK {
			t.Fatalf("status %d", r.status)
		}
		var got []string
		r.html(t).Find(`input[name=prioriteit]`).Each(func(_ int, s *goquery.Selection) {
			if _, ok := s.Attr("checked"); ok {
				got = append(got, s.AttrOr("value", ""))
			}
		})
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("checked %v, truth %v", got, want)
		}
	})
	t.Run("vragenlijst voor een gemeente zonder plan", func(t *testing.T) {
		doc := g.get(t, "/uitvoeringsplan?gemeente="+gemeenteWithout(truth)).html(t)
		if n := doc.Find(`input[name=prioriteit][checked]`).Length(); n != 0 {
			t.Errorf("%d priorities checked for a gemeente without a plan", n)
		}
		if s := doc.Find("#prio-bron").Text(); !strings.Contains(s, "geen geldend") {
			t.Errorf("the form says %q", s)
		}
	})
	q := url.Values{"gemeente": {code}, "periode": {"2025-2028"}, "partner": {"Politie", "GGD"}, "overig": {"Buurtpreventie"}}
	t.Run("format per prioriteit", func(t *testing.T) { g.checkFormat(t, q, want) })
	t.Run("ongeldige invoer", func(t *testing.T) { g.checkFormatErrors(t) })
	t.Run("docx", func(t *testing.T) { g.checkDocx(t, q, want) })
	t.Run("pdf", func(t *testing.T) { g.checkFormatPDF(t, q) })
}

// gemeenteWithout is the first gemeente (by code) without a plan.
func gemeenteWithout(truth map[string]*truthFacts) string {
	var codes []string
	for c, tf := range truth {
		if tf.status == "geen" {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	return codes[0]
}

// gemeenteWithPrios is the first gemeente (by code) whose plans in force
// have priorities, and those priorities sorted.
func gemeenteWithPrios(truth map[string]*truthFacts) (string, []string) {
	codes := make([]string, 0, len(truth))
	for c, tf := range truth {
		if len(tf.prios) >= 2 {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return "", nil
	}
	sort.Strings(codes)
	var ids []string
	for id := range truth[codes[0]].prios {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return codes[0], ids
}

// checkFormat checks the page and the JSON twin of the format for q:
// a chapter per priority with its six tables, examples that are
// passages tagged with the chapter's theme, and the process chapters.
func (g *genCorpus) checkFormat(t *testing.T, q url.Values, prios []string) {
	r := g.get(t, "/uitvoeringsplan/format?"+q.Encode())
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %.300s", r.status, r.body)
	}
	doc := r.html(t)
	heads := doc.Find("h2").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	for _, want := range []string{"Regie en rolverdeling", "Monitoring", "Evaluatie en verantwoording"} {
		if !slices.Contains(heads, want) {
			t.Errorf("no chapter %q in %v", want, heads)
		}
	}
	if href, _ := doc.Find("#download-docx").Attr("href"); !strings.HasPrefix(href, "/uitvoeringsplan/format.docx?") {
		t.Errorf("docx link %q", href)
	}
	f := g.formatJSON(t, q)
	if len(f.Chapters) != len(prios) || len(f.Process) < 3 {
		t.Fatalf("%d chapters for %d priorities, %d process chapters", len(f.Chapters), len(prios), len(f.Process))
	}
	examples := 0
	for i, c := range f.Chapters {
		titles := []string{}
		for _, tb := range c.Tables {
			titles = append(titles, tb.Title)
		}
		if !slices.Equal(titles, []string{"Doelen", "Indicatoren", "Acties", "Partners", "Planning", "Budget"}) {
			t.Errorf("%s: tables %v", c.Title, titles)
		}
		if cols := c.Tables[4].Columns; !slices.Equal(cols, []string{"Actie", "2025", "2026", "2027", "2028"}) {
			t.Errorf("%s: planning columns %v", c.Title, cols)
		}
		if got := c.Tables[3].Rows; len(got) != 3 || got[2][0] != "Buurtpreventie" {
			t.Errorf("%s: partners %v", c.Title, got)
		}
		if len(c.Examples) > 3 {
			t.Errorf("%s: %d examples", c.Title, len(c.Examples))
		}
		for _, e := range c.Examples {
			examples++
			g.checkExample(t, prios[i], e.DocumentID, e.Ordinal, e.Text)
		}
	}
	if examples == 0 {
		t.Error("no chapter has an example")
	}
}

// checkExample says the example is a passage of a published document
// tagged with theme.
func (g *genCorpus) checkExample(t *testing.T, theme string, id int64, ordinal int, text string) {
	t.Helper()
	ps, err := g.store.Passages(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Ordinal == ordinal {
			if !slices.Contains(p.Tags.Themes, theme) {
				t.Errorf("example %d#%d for %s is tagged %v", id, ordinal, theme, p.Tags.Themes)
			}
			if !strings.HasPrefix(p.Text, strings.TrimSuffix(text, "…")) {
				t.Errorf("example %d#%d: text %.80q is not the passage's", id, ordinal, text)
			}
			return
		}
	}
	t.Errorf("example %d#%d: no such passage", id, ordinal)
}

// formatJSON reads /api/v1/uitvoeringsplan?q.
func (g *genCorpus) formatJSON(t *testing.T, q url.Values) planFormatJSON {
	t.Helper()
	r := g.get(t, "/api/v1/uitvoeringsplan?"+q.Encode())
	if r.status != http.StatusOK {
		t.Fatalf("api: status %d: %.300s", r.status, r.body)
	}
	var f planFormatJSON
	if err := json.Unmarshal([]byte(r.body), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkFormatErrors sends wrong answers: the questionnaire comes back
// (422) with a Dutch message beside each wrong field.
func (g *genCorpus) checkFormatErrors(t *testing.T) {
	cases := []struct {
		name, query, field, msg string
	}{
		{"onbekende gemeente", "gemeente=Atlantis&periode=2025-2028&prioriteit=1.1", "gemeente", "geen Nederlandse gemeente"},
		{"geen gemeente", "periode=2025-2028&prioriteit=1.1", "gemeente", "Vul de naam of de CBS-code"},
		{"periode te vroeg", "gemeente=Utrecht&periode=1980-1983&prioriteit=1.1", "periode", "ligt vóór 1990"},
		{"periode omgekeerd", "gemeente=Utrecht&periode=2028-2025&prioriteit=1.1", "periode", "Bedoelt u 2025-2028?"},
		{"periode geen jaar", "gemeente=Utrecht&periode=volgend+jaar&prioriteit=1.1", "periode", "Vul de periode in"},
		{"onbekende prioriteit", "gemeente=Utrecht&periode=2025&prioriteit=9.9", "prioriteit", "uit de lijst"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := g.get(t, "/uitvoeringsplan/format?"+c.query)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", r.status)
			}
			if got := r.html(t).Find("#veld-" + c.field + " .veldfout").Text(); !strings.Contains(got, c.msg) {
				t.Errorf("message beside %s: %q, want %q", c.field, got, c.msg)
			}
			a := g.get(t, "/api/v1/uitvoeringsplan?"+c.query)
			if a.status != http.StatusUnprocessableEntity || !strings.Contains(a.body, c.field) {
				t.Errorf("api: status %d: %.200s", a.status, a.body)
			}
		})
	}
}
