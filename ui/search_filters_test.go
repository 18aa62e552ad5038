package ui_test

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// chipLinks maps the text of each chip on a page to its link.
func chipLinks(doc *goquery.Document) map[string]string {
	out := map[string]string{}
	doc.Find(".chips a.chip").Each(func(_ int, s *goquery.Selection) {
		text := strings.Join(strings.Fields(strings.ReplaceAll(s.Text(), "(filter verwijderen)", "")), " ")
		out[strings.TrimSuffix(text, " ×")] = s.AttrOr("href", "")
	})
	return out
}

// queryOf reads the q parameter of a search link.
func queryOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("q")
}

func TestTypedFilterIsARemovableChip(t *testing.T) {
	f := newFixture(t)
	all := total(t, f.get(t, query("/", "q", "cameratoezicht")).html(t))
	page := query("/", "q", "cameratoezicht gemeente:Amsterdam")
	doc := f.get(t, page).html(t)
	if n := total(t, doc); n != 1 {
		t.Fatalf("gemeente:Amsterdam finds %d plans, want 1", n)
	}
	chip, ok := chipLinks(doc)["Gemeente: Amsterdam"]
	if !ok {
		t.Fatalf("no chip for the typed filter; chips %v", chipLinks(doc))
	}
	if q := queryOf(t, chip); q != "cameratoezicht" {
		t.Errorf("the chip links to q=%q, want the query without the filter", q)
	}
	href, _, chosen := facetLink(t, doc, "gemeente", "GM0363")
	if !chosen || href == page || href != chip {
		t.Errorf("facet value Amsterdam: chosen %v, link %q; want chosen, linking where the chip does (%q)", chosen, href, chip)
	}
	if n := total(t, f.get(t, chip).html(t)); n != all {
		t.Errorf("after removing the typed filter #aantal is %d, want %d", n, all)
	}
	wis := doc.Find(".chips a.wissen").AttrOr("href", "")
	if q := queryOf(t, wis); q != "cameratoezicht" {
		t.Errorf("filters wissen keeps q=%q, want the query without typed filters", q)
	}
}

func TestTypedFilterWithoutPlansIsShown(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, query("/", "q", "gemeente:Oudewater,Ede")).html(t)
	if n := total(t, doc); n != 1 {
		t.Fatalf("gemeente:Oudewater,Ede finds %d plans, want Ede's", n)
	}
	chips := chipLinks(doc)
	if q := queryOf(t, chips["Gemeente: Oudewater"]); q != "gemeente:Ede" {
		t.Errorf("the Oudewater chip leaves q=%q, want gemeente:Ede (chips %v)", q, chips)
	}
	// The chosen value is in view, not folded away at the end of the list.
	chosen := doc.Find(`.facet[data-facet=gemeente] > ul a.facetwaarde.gekozen`)
	var labels []string
	chosen.Each(func(_ int, s *goquery.Selection) { labels = append(labels, s.AttrOr("data-value", "")) })
	slices.Sort(labels)
	if !slices.Equal(labels, []string{"GM0228", "GM0589"}) {
		t.Errorf("chosen gemeenten in view %v, want Ede and Oudewater", labels)
	}
	if msg := doc.Find(".meldingen").Text(); !strings.Contains(msg, "actieve filters") {
		t.Errorf("notice %q does not point at the active filters", msg)
	}
}

func TestFilterParamsTakeNames(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, byName, byCode string
		values               []string
	}{
		{"gemeente", "Amsterdam", "GM0363", nil},
		{"gemeente", "'s-Gravenhage", "GM0518", nil},
		{"provincie", "gelderland", "Gelderland", nil},
		{"thema", "Veilig uitgaan", "2.3", []string{"q", "cameratoezicht"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.byName, func(t *testing.T) {
			want := f.searchKeys(t, query("/api/v1/search", append(tt.values, tt.name, tt.byCode)...))
			if len(want) == 0 {
				t.Fatalf("%s=%s finds nothing", tt.name, tt.byCode)
			}
			if got := f.searchKeys(t, query("/api/v1/search", append(tt.values, tt.name, tt.byName)...)); !slices.Equal(got, want) {
				t.Errorf("API %s=%s finds %v, want %v", tt.name, tt.byName, got, want)
			}
			r := f.get(t, query("/", append(tt.values, tt.name, tt.byName)...))
			if r.status != http.StatusOK {
				t.Fatalf("page %s=%s: status %d", tt.name, tt.byName, r.status)
			}
			if got := f.resultKeys(t, r.html(t)); !sameSet(got, want) {
				t.Errorf("page %s=%s finds %v, want %v", tt.name, tt.byName, got, want)
			}
		})
	}
	r := f.get(t, query("/api/v1/search", "gemeente", "Atlantis"))
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "naam") {
		t.Errorf("unknown gemeente: status %d %s; want 400 saying a name is fine", r.status, r.body)
	}
}

func TestStartPageFacetsInform(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, "/").html(t)
	if doc.Find(`.facet[data-facet=thema] a.facetwaarde[data-value="0.visie-inleiding"]`).Length() != 0 {
		t.Error("the thema facet lists the structural theme Visie en inleiding")
	}
	veld := doc.Find(`.facet[data-facet=veld]`)
	if !strings.Contains(veld.Find(".facet-uitleg").Text(), "Aandeel") {
		t.Errorf("the veld facet does not say it shows shares: %q", veld.Text())
	}
	var sum int
	veld.Find("a.facetwaarde .telling").Each(func(_ int, s *goquery.Selection) {
		n, err := strconv.Atoi(strings.TrimSuffix(s.Text(), "%"))
		if err != nil || !strings.HasSuffix(s.Text(), "%") {
			t.Errorf("veld count %q is not a percentage", s.Text())
		}
		sum += n
	})
	if sum < 98 || sum > 102 {
		t.Errorf("veld shares add up to %d%%, want 100", sum)
	}
	var all, twee int
	for _, p := range plans {
		for _, pg := range p.passages {
			if p.status == corpus.StatusPublished {
				all++
				if tagsFor(pg.headings).Veld == 2 {
					twee++
				}
			}
		}
	}
	want := strconv.Itoa(int(math.Round(100*float64(twee)/float64(all)))) + "%"
	if got := veld.Find(`a.facetwaarde[data-value="2"] .telling`).Text(); got != want {
		t.Errorf("veld 2 shows %q, want its share of the passages, %s", got, want)
	}
	// With words the veld facet counts plans again.
	words := f.get(t, query("/", "q", "cameratoezicht")).html(t)
	if _, n, _ := facetLink(t, words, "veld", "2"); n == 0 {
		t.Error("with words the veld facet has no plan count")
	}
}

func TestSearchWordingSingular(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, query("/", "q", "cameratoezicht")).html(t)
	ams := doc.Find(`.facet[data-facet=gemeente] a.facetwaarde[data-value="GM0363"]`)
	if sr := ams.Find(".sr").Text(); !strings.Contains(sr, "1 plan") || strings.Contains(sr, "1 plannen") {
		t.Errorf("screen-reader count %q, want 1 plan", sr)
	}
	one := f.get(t, query("/", "q", "cameratoezicht", "gemeente", "GM0363")).html(t)
	if got := strings.Join(strings.Fields(one.Find(".aantal").Text()), " "); !strings.HasPrefix(got, "1 plan gevonden") {
		t.Errorf("count reads %q, want 1 plan gevonden", got)
	}
	if strings.Contains(one.Text(), "1 plannen") {
		t.Error("the page says 1 plannen")
	}
	if d := one.Find(`meta[name=description]`).AttrOr("content", ""); !strings.Contains(d, "1 plan gevonden") {
		t.Errorf("meta description %q", d)
	}
	if d := f.get(t, "/").html(t).Find(`meta[name=description]`).AttrOr("content", ""); len(d) < 50 {
		t.Errorf("start page meta description %q", d)
	}
}

func TestDocumentOffersSimilarPlans(t *testing.T) {
	f := newFixture(t)
	id := strconv.FormatInt(f.ids["ams"], 10)
	doc := f.get(t, "/documenten/"+id).html(t)
	like := doc.Find(`.acties a[href="/?like=` + id + `"]`)
	if like.Length() != 1 {
		t.Fatal("the plan page has no link to similar plans")
	}
	page := f.get(t, like.AttrOr("href", "")).html(t)
	if h := page.Find("#resultaten-kop").Text(); h != "Vergelijkbare plannen" {
		t.Errorf("heading %q, want Vergelijkbare plannen", h)
	}
	if page.Find("#allewoorden").Length() != 0 {
		t.Errorf("a like search counts plans with all words: %q", page.Find("#allewoorden").Text())
	}
	if title := page.Find("title").Text(); !strings.HasPrefix(title, "Vergelijkbare plannen") {
		t.Errorf("title %q", title)
	}
	if chip := page.Find(".chips a.chip").Text(); !strings.Contains(chip, "Integraal Veiligheidsplan Amsterdam 2023-2026") || !strings.Contains(chip, "(Amsterdam)") {
		t.Errorf("chip %q does not name the plan", chip)
	}
}
