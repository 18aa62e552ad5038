package ui_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// TestOverviewGenerated checks the overview pages on a generated corpus
// against the generator's truth.
func TestOverviewGenerated(t *testing.T) {
	g := newGenCorpus(t)
	year := thisYear()
	truth := g.truthBeeld(t, year)
	t.Run("landelijk beeld", func(t *testing.T) { g.checkBeeld(t, truth, "") })
	for _, q := range []string{"provincie=Gelderland", "regio=VR13", "klasse=4", "provincie=Utrecht&klasse=5"} {
		t.Run("gefilterd "+q, func(t *testing.T) { g.checkBeeld(t, truth, q) })
	}
}

// checkBeeld compares every number of /landelijk-beeld?query with the
// truth.
func (g *genCorpus) checkBeeld(t *testing.T, truth map[string]*truthFacts, query string) {
	r := g.get(t, "/landelijk-beeld?"+query)
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %.300s", r.status, r.body)
	}
	doc := r.html(t)
	g.checkMap(t, doc, truth)
	regs := registers(t)
	checkCounts(t, doc, "#dekking-prov", coverageTruth(truth, func(code string) string { return regs.gm[code].Provincie }))
	checkCounts(t, doc, "#dekking-vr", coverageTruth(truth, func(code string) string { r, _ := regs.vr.Of(code); return r.Code }))
	checkCounts(t, doc, "#dekking-kl", coverageTruth(truth, func(code string) string { k, _ := regs.inw.InwonersKlasse(code); return k.Key() }))
	keep := regs.filter(t, query)
	themes, velden, checks := map[string]int{}, map[string]int{}, map[string]int{}
	plans := map[int]bool{}
	selected := 0
	for code, tf := range truth {
		if tf.status != "geldend" || !keep(code) {
			continue
		}
		selected++
		for th := range tf.prios {
			themes[th]++
		}
		for v := range tf.velden {
			velden[strconv.Itoa(v)]++
		}
		for _, i := range tf.inForce {
			plans[i] = true
		}
	}
	for i := range plans {
		for _, e := range g.truth[i].ChecklistPresent {
			checks[strconv.Itoa(e)]++
		}
	}
	if selected == 0 {
		t.Fatalf("no gemeente with a plan in force for %q: choose another filter", query)
	}
	checkCounts(t, doc, "#balken-thema", themes)
	checkCounts(t, doc, "#balken-veld", velden)
	checkChecklist(t, doc, checks)
	if want := fmt.Sprintf("Van de %d ", selected); !strings.Contains(doc.Find("#speerpunten-kop").Parent().Text(), want) {
		t.Errorf("speerpunten do not say %q", want)
	}
}

// checkMap checks one shape per gemeente with the class of its status,
// and the legend's counts.
func (g *genCorpus) checkMap(t *testing.T, doc *goquery.Document, truth map[string]*truthFacts) {
	shapes := doc.Find("svg.kaart-svg path.gm")
	if shapes.Length() != 342 {
		t.Errorf("%d shapes on the map, want 342", shapes.Length())
	}
	perStatus := map[string]int{}
	seen := map[string]bool{}
	shapes.Each(func(_ int, s *goquery.Selection) {
		code := s.AttrOr("data-code", "")
		tf, ok := truth[code]
		if !ok || seen[code] {
			t.Errorf("shape %q unknown or twice", code)
			return
		}
		seen[code] = true
		if want := "st-" + tf.status; !s.HasClass(want) {
			t.Errorf("%s has class %q, want %s", code, s.AttrOr("class", ""), want)
		}
		if s.Parent().AttrOr("href", "") != "/gemeenten/"+code || s.Find("title").Text() == "" {
			t.Errorf("%s: no link to its page or no title", code)
		}
		perStatus[tf.status]++
	})
	doc.Find(".legenda li").Each(func(_ int, s *goquery.Selection) {
		st := strings.TrimPrefix(s.Find(".vlakje").AttrOr("class", ""), "vlakje st-")
		if got := s.Find("strong").Text(); got != strconv.Itoa(perStatus[st]) {
			t.Errorf("legend %s says %s, truth %d", st, got, perStatus[st])
		}
	})
	if n := doc.Find(".gemeentetabel tbody tr").Length(); n != 342 {
		t.Errorf("%d rows in the table, want 342", n)
	}
}

// coverageTruth is "gemeenten with a plan in force / gemeenten" per group,
// written as the page writes it.
func coverageTruth(truth map[string]*truthFacts, group func(code string) string) map[string]int {
	total, with := map[string]int{}, map[string]int{}
	for code, tf := range truth {
		k := group(code)
		if k == "" {
			k = "9"
		}
		total[k]++
		if tf.status == "geldend" {
			with[k]++
		}
	}
	out := map[string]int{}
	for k, n := range total {
		out[k] = with[k]*1000 + n // both numbers in one, compared by checkCounts' coverage form
	}
	return out
}

// checkCounts compares the rows of a table (data-key → the number in its
// first numeric cell; for coverage tables count*1000+total) with want.
func checkCounts(t *testing.T, doc *goquery.Document, table string, want map[string]int) {
	t.Helper()
	got := map[string]int{}
	doc.Find(table + " tbody tr").Each(func(_ int, s *goquery.Selection) {
		cells := s.Find("td.getal")
		first := strings.Fields(cells.Eq(0).Text())
		n, _ := strconv.Atoi(first[0])
		if strings.HasPrefix(table, "#dekking") {
			c, _ := strconv.Atoi(strings.TrimSpace(cells.Eq(1).Text()))
			n = c*1000 + n
		}
		if n != 0 || strings.HasPrefix(table, "#balken-veld") || strings.HasPrefix(table, "#balken-toets") {
			got[s.AttrOr("data-key", "")] = n
		}
	})
	if len(got) == 0 {
		t.Fatalf("%s: no rows", table)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %s: page %d, truth %d", table, k, got[k], w)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok && n != 0 {
			t.Errorf("%s %s: page %d, truth none", table, k, n)
		}
	}
}

// regs are the registers the tests group gemeenten by.
type regs struct {
	gm  map[string]corpus.Gemeente
	vr  *corpus.Veiligheidsregios
	inw *corpus.Inwoners
}

func registers(t *testing.T) regs {
	t.Helper()
	gms, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	r := regs{gm: map[string]corpus.Gemeente{}}
	for _, g := range gms.All() {
		r.gm[g.Code] = g
	}
	if r.vr, err = corpus.LoadVeiligheidsregios(); err != nil {
		t.Fatal(err)
	}
	if r.inw, err = corpus.LoadInwoners(); err != nil {
		t.Fatal(err)
	}
	return r
}

// filter is the test's own reading of a filter query.
func (r regs) filter(t *testing.T, query string) func(code string) bool {
	t.Helper()
	conds := map[string]string{}
	for _, kv := range strings.Split(query, "&") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			conds[k] = v
		}
	}
	return func(code string) bool {
		vr, _ := r.vr.Of(code)
		k, _ := r.inw.InwonersKlasse(code)
		return (conds["provincie"] == "" || r.gm[code].Provincie == conds["provincie"]) &&
			(conds["regio"] == "" || vr.Code == conds["regio"]) &&
			(conds["klasse"] == "" || k.Key() == conds["klasse"])
	}
}

// checkChecklist compares the kwaliteitstoets with the truth: the page
// counts what the checklist detector (corpus.CheckPlan) finds in the
// text, and every count must equal the generator's.
func checkChecklist(t *testing.T, doc *goquery.Document, want map[string]int) {
	t.Helper()
	rows := doc.Find("#balken-toets tbody tr")
	if rows.Length() != len(corpus.Checklist) {
		t.Fatalf("%d checklist rows, want %d", rows.Length(), len(corpus.Checklist))
	}
	rows.Each(func(_ int, s *goquery.Selection) {
		k := s.AttrOr("data-key", "")
		n, _ := strconv.Atoi(strings.Fields(s.Find("td.getal").Text())[0])
		if n != want[k] {
			t.Errorf("kwaliteitstoets element %s: page %d plans, truth %d", k, n, want[k])
		}
	})
}
