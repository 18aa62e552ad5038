package ui_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// TestMatrixGenerated checks every cell of the speerpunten matrix of a
// generated corpus against the truth, the links to the passages, sorting
// and the highlighted gemeente.
func TestMatrixGenerated(t *testing.T) {
	g := newGenCorpus(t)
	truth := g.truthBeeld(t, thisYear())
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("cellen", func(t *testing.T) {
		doc := g.matrixPage(t, "/speerpunten")
		g.checkMatrix(t, doc, truth, tax, func(string) bool { return true })
	})
	t.Run("gefilterd", func(t *testing.T) {
		doc := g.matrixPage(t, "/speerpunten?provincie=Noord-Brabant")
		keep := registers(t).filter(t, "provincie=Noord-Brabant")
		g.checkMatrix(t, doc, truth, tax, keep)
	})
	t.Run("sorteren en markeren", func(t *testing.T) {
		var focus string
		for c, tf := range truth {
			if tf.status == "geldend" && (focus == "" || c < focus) {
				focus = c
			}
		}
		doc := g.matrixPage(t, "/speerpunten?sort=5.2&gemeente="+focus)
		var states []string
		doc.Find(".matrix tbody tr").Each(func(_ int, s *goquery.Selection) {
			states = append(states, cellState(s.Find("td").Eq(1+columnOf(doc, "5.2"))))
		})
		if !slices.IsSortedFunc(states, func(a, b string) int { return rankOf(a) - rankOf(b) }) || states[0] != "speerpunt" {
			t.Errorf("sorted on 5.2, the column reads %v", states)
		}
		if got := doc.Find("tr.uitgelicht").AttrOr("id", ""); got != "rij-"+focus {
			t.Errorf("highlighted row %q, want rij-%s", got, focus)
		}
	})
	t.Run("fout", func(t *testing.T) {
		for _, q := range []string{"sort=9.9", "gemeente=Atlantis", "regio=VR0"} {
			if r := g.get(t, "/speerpunten?"+q); r.status != http.StatusBadRequest {
				t.Errorf("%s: status %d", q, r.status)
			}
		}
	})
}

func (g *genCorpus) matrixPage(t *testing.T, path string) *goquery.Document {
	t.Helper()
	r := g.get(t, path)
	if r.status != http.StatusOK {
		t.Fatalf("%s: status %d %.300s", path, r.status, r.body)
	}
	return r.html(t)
}

// checkMatrix: one row per gemeente with a plan in force that keep
// passes, and each cell priority, treated or absent as in the truth, with
// a link to a passage of a plan in force that has the theme.
func (g *genCorpus) checkMatrix(t *testing.T, doc *goquery.Document, truth map[string]*truthFacts, tax *corpus.Taxonomy, keep func(string) bool) {
	t.Helper()
	var cols []string
	doc.Find(".matrix thead th.m-thema a").Each(func(_ int, s *goquery.Selection) {
		u := s.AttrOr("href", "")
		cols = append(cols, u[strings.Index(u, "sort=")+5:][:strings.IndexAny(u[strings.Index(u, "sort=")+5:]+"&", "&")])
	})
	rows := map[string]bool{}
	doc.Find(".matrix tbody tr").Each(func(_ int, s *goquery.Selection) {
		code := strings.TrimPrefix(s.AttrOr("id", ""), "rij-")
		rows[code] = true
		tf := truth[code]
		s.Find("td").Slice(1, goquery.ToEnd).Each(func(i int, td *goquery.Selection) {
			th := cols[i]
			want := "niet gevonden"
			switch {
			case tf.prios[th]:
				want = "speerpunt"
			case g.treats(tax, tf, th):
				want = "behandeld"
			}
			if got := cellState(td); got != want {
				t.Errorf("%s × %s: %s, truth %s", code, th, got, want)
			}
			if href, ok := td.Find("a").Attr("href"); ok && !g.passageHas(href, th) {
				t.Errorf("%s × %s links to %s, which lacks the theme", code, th, href)
			}
		})
	})
	if len(cols) < 5 || len(rows) == 0 {
		t.Fatalf("matrix of %d rows and columns %v", len(rows), cols)
	}
	t.Logf("%d gemeenten × %d themes", len(rows), len(cols))
	for code, tf := range truth {
		if want := tf.status == "geldend" && keep(code); rows[code] != want {
			t.Errorf("%s: in the matrix %v, want %v", code, rows[code], want)
		}
	}
}

// treats says a theme occurs in a passage of a plan in force.
func (g *genCorpus) treats(tax *corpus.Taxonomy, tf *truthFacts, theme string) bool {
	for _, i := range tf.inForce {
		for _, p := range g.truth[i].Passages {
			if slices.Contains(p.Themes, theme) {
				return true
			}
		}
	}
	return false
}

// passageHas says the passage /documenten/{id}#passage-{n} has theme.
func (g *genCorpus) passageHas(href, theme string) bool {
	path, frag, _ := strings.Cut(href, "#passage-")
	id, _ := strconv.ParseInt(strings.TrimPrefix(path, "/documenten/"), 10, 64)
	n, _ := strconv.Atoi(frag)
	i := slices.Index(g.ids, id)
	return i >= 0 && n < len(g.truth[i].Passages) && slices.Contains(g.truth[i].Passages[n].Themes, theme)
}

// cellState reads a cell: its hidden word, and an empty cell is absent.
func cellState(td *goquery.Selection) string {
	if w := strings.TrimSpace(td.Find(".sr").Text()); w != "" {
		return w
	}
	if strings.TrimSpace(td.Text()) == "" {
		return "niet gevonden"
	}
	return "?" + td.Text()
}

func rankOf(s string) int {
	return map[string]int{"speerpunt": 0, "behandeld": 1, "niet gevonden": 2}[s]
}

// columnOf is the index of a theme's column among the theme columns.
func columnOf(doc *goquery.Document, theme string) int {
	col := -1
	doc.Find(".matrix thead th.m-thema a").EachWithBreak(func(i int, s *goquery.Selection) bool {
		if strings.Contains(s.AttrOr("href", ""), "sort="+theme) {
			col = i
			return false
		}
		return true
	})
	return col
}
