package ui_test

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// total reads the number of plans found from #aantal.
func total(t testing.TB, doc *goquery.Document) int {
	t.Helper()
	s := doc.Find("#aantal")
	if s.Length() != 1 {
		t.Fatalf("want one #aantal, got %d", s.Length())
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s.Text(), ".", ""))
	if err != nil {
		t.Fatalf("#aantal %q: %v", s.Text(), err)
	}
	return n
}

func TestSearchPage(t *testing.T) {
	f := newFixture(t)
	gelderland := inProvincie("Gelderland")
	tests := []struct {
		name     string
		target   string
		want     []string // plan keys, in any order
		contains []string // in the body
	}{
		{"zoekwoord vindt plannen met markering", query("/", "q", "cameratoezicht"),
			matching("cameratoezicht", nil), []string{"Zoekresultaten", "<mark>cameratoezicht</mark>"}},
		{"provincie filtert", query("/", "q", "cameratoezicht", "provincie", "Gelderland"),
			matching("cameratoezicht", gelderland), []string{"Provincie:</span> Gelderland"}},
		{"gemeente filtert en toont de naam", query("/", "q", "cameratoezicht", "gemeente", "gm0363"),
			[]string{"ams"}, []string{"Gemeente:</span> Amsterdam"}},
		{"type filtert", query("/", "type", "evaluatie"), []string{"utr"}, []string{"Documenttype:</span> Evaluatie"}},
		{"jaar filtert op looptijd", query("/", "jaar", "2020"), []string{"utr"}, nil},
		{"twee provincies is of", query("/", "q", "cameratoezicht", "provincie", "Limburg", "provincie", "Groningen"),
			[]string{"maas", "gron"}, nil},
		{"niet gepubliceerd plan wordt niet gevonden", query("/", "q", "concept"), nil, []string{"Geen plannen gevonden"}},
		{"tekst wordt ontsnapt", query("/", "q", "stationsgebied incidenten"), []string{"leeuw", "gron", "ams", "rdam"},
			[]string{"Veiligheid &amp; leefbaarheid", "&lt;50&gt;"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.get(t, tt.target)
			if r.status != http.StatusOK {
				t.Fatalf("status %d, want 200: %s", r.status, r.body)
			}
			doc := r.html(t)
			got := f.resultKeys(t, doc)
			if !sameSet(got, tt.want) {
				t.Errorf("results %v, want %v", got, tt.want)
			}
			if n := total(t, doc); n != len(tt.want) {
				t.Errorf("#aantal %d, want %d", n, len(tt.want))
			}
			for _, s := range tt.contains {
				if !strings.Contains(strings.ToLower(r.body), strings.ToLower(s)) {
					t.Errorf("page lacks %q", s)
				}
			}
			if strings.Contains(r.body, "<50>") || strings.Contains(r.body, "<script") {
				t.Error("page contains unescaped text")
			}
		})
	}
}

func TestSearchPageNewest(t *testing.T) {
	f := newFixture(t)
	r := f.get(t, "/")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	doc := r.html(t)
	if h := doc.Find("#resultaten-kop").Text(); h != "Nieuwste plannen" {
		t.Errorf("heading %q, want Nieuwste plannen", h)
	}
	if n, want := total(t, doc), len(plans)-1; n != want {
		t.Errorf("#aantal %d, want every published plan (%d)", n, want)
	}
	keys := f.resultKeys(t, doc)
	if len(keys) != 10 || keys[0] != "ede" {
		t.Errorf("results %v, want 10 starting with the 2025 plan", keys)
	}
	if doc.Find(".resultaat .passage").Length() != 0 {
		t.Error("without a query no passages are shown")
	}
	if doc.Find(`form#zoekform label[for=q]`).Text() != "Zoeken in veiligheidsplannen" {
		t.Error("the query box has no label")
	}
}

func TestSearchPageShowsPassages(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, query("/", "q", "cameratoezicht", "gemeente", "GM0363")).html(t)
	res := doc.Find(`.resultaat`)
	id := strconv.FormatInt(f.ids["ams"], 10)
	if res.AttrOr("data-id", "") != id {
		t.Fatalf("result data-id %q, want %s", res.AttrOr("data-id", ""), id)
	}
	if href := res.Find("h3 a").AttrOr("href", ""); href != "/documenten/"+id {
		t.Errorf("title links to %q", href)
	}
	meta := res.Find(".meta").Text()
	for _, want := range []string{"Amsterdam", "Noord-Holland", "2023–2026", "Integraal veiligheidsplan"} {
		if !strings.Contains(meta, want) {
			t.Errorf("meta %q lacks %q", meta, want)
		}
	}
	ps := res.Find(".passage")
	if ps.Length() < 1 || ps.Length() > 3 {
		t.Fatalf("%d passages, want 1 to 3", ps.Length())
	}
	link := ps.First().Find("a.passagelink")
	if href := link.AttrOr("href", ""); !strings.HasPrefix(href, "/documenten/"+id+"#passage-") || link.Find(".paginanummer").Text() != "p. 12" {
		t.Errorf("passage link %q %q, want /documenten/%s#passage-… \"p. 12\"", href, link.Find(".paginanummer").Text(), id)
	}
	if h := ps.First().Find(".kopjes").Text(); h != "3 Aanpak › 3.2 Cameratoezicht" {
		t.Errorf("heading path %q", h)
	}
	if ps.First().Find(".snippet mark").Length() == 0 {
		t.Error("snippet has no <mark>")
	}
}

// facetLink finds the link of one facet value and reads its count.
func facetLink(t *testing.T, doc *goquery.Document, facet, value string) (href string, count int, chosen bool) {
	t.Helper()
	link := doc.Find(fmt.Sprintf(`.facet[data-facet=%s] a.facetwaarde[data-value=%q]`, facet, value))
	if link.Length() != 1 {
		t.Fatalf("no facet link for %s %s", facet, value)
	}
	count, _ = strconv.Atoi(strings.Fields(link.Find(".telling").Text())[0])
	return link.AttrOr("href", ""), count, link.HasClass("gekozen")
}

func TestFacetLinksToggleFilters(t *testing.T) {
	f := newFixture(t)
	start := query("/", "q", "cameratoezicht")
	doc := f.get(t, start).html(t)
	all := total(t, doc)
	href, count, _ := facetLink(t, doc, "provincie", "Gelderland")
	want := matching("cameratoezicht", inProvincie("Gelderland"))
	if count != len(want) {
		t.Errorf("facet count %d, want %d", count, len(want))
	}

	filtered := f.get(t, href).html(t)
	if n := total(t, filtered); n != count {
		t.Errorf("after the facet link #aantal is %d, the facet said %d", n, count)
	}
	if got := f.resultKeys(t, filtered); !sameSet(got, want) {
		t.Errorf("results %v, want %v", got, want)
	}
	if v := filtered.Find("input[name=q]").AttrOr("value", ""); v != "cameratoezicht" {
		t.Errorf("query box holds %q", v)
	}
	if filtered.Find(`form#zoekform input[type=hidden][name=provincie][value=Gelderland]`).Length() != 1 {
		t.Error("the form does not keep the provincie filter")
	}
	off, _, chosen := facetLink(t, filtered, "provincie", "Gelderland")
	if !chosen {
		t.Fatal("the chosen value is not shown as chosen")
	}
	if chip := filtered.Find(".chips a.chip"); chip.Length() != 1 || chip.AttrOr("href", "") != off {
		t.Errorf("want one chip removing the filter, got %d", chip.Length())
	}
	if n := total(t, f.get(t, off).html(t)); n != all {
		t.Errorf("after removing the filter #aantal is %d, want %d", n, all)
	}
	if wis := filtered.Find(".facetten a.wissen").AttrOr("href", ""); wis != start {
		t.Errorf("filters wissen links to %q, want %q", wis, start)
	}
}

func TestSearchPaging(t *testing.T) {
	f := newFixture(t)
	all := matching("cameratoezicht", nil)
	doc := f.get(t, query("/", "q", "cameratoezicht", "size", "3")).html(t)
	pages := doc.Find(".paginering a.pagina")
	if want := (len(all) + 2) / 3; pages.Length() != want {
		t.Errorf("%d page links, want %d", pages.Length(), want)
	}
	if doc.Find(".paginering a.vorige").Length() != 0 {
		t.Error("page 1 links to a previous page")
	}
	next := doc.Find(".paginering a.volgende").AttrOr("href", "")
	if !strings.Contains(next, "page=2") || !strings.Contains(next, "size=3") || !strings.Contains(next, "q=cameratoezicht") {
		t.Fatalf("next link %q loses the query or size", next)
	}
	seen := f.resultKeys(t, doc)
	for p := 2; next != ""; p++ {
		doc = f.get(t, next).html(t)
		if cur := doc.Find(".paginering a.huidig").Text(); !strings.HasSuffix(cur, strconv.Itoa(p)) {
			t.Errorf("current page %q, want %d", cur, p)
		}
		seen = append(seen, f.resultKeys(t, doc)...)
		next = doc.Find(".paginering a.volgende").AttrOr("href", "")
	}
	if !sameSet(seen, all) || len(seen) != len(all) {
		t.Errorf("pages together hold %v, want each of %v once", seen, all)
	}
}

func TestSearchBadParams(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, query, want string
	}{
		{"pagina geen getal", "page=abc", "paginanummer"},
		{"pagina negatief", "page=-1", "paginanummer"},
		{"te veel per pagina", "size=1000", "aantal per pagina"},
		{"jaar geen getal", "jaar=abc", "jaar"},
		{"onbekend type", "type=notulen", "documenttype"},
		{"onbekende gemeente", "gemeente=GM9999", "gemeente"},
		{"onbekende provincie", "provincie=Atlantis", "provincie"},
		{"te lange zoekvraag", "q=" + strings.Repeat("a", 501), "te lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.get(t, "/?"+tt.query)
			if r.status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", r.status)
			}
			msg := r.html(t).Find(".foutmelding").Text()
			if !strings.Contains(strings.ToLower(msg), tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
			if !strings.Contains(r.header.Get("Content-Type"), "text/html") {
				t.Errorf("content type %q", r.header.Get("Content-Type"))
			}
		})
	}
}

// sameSet reports whether a and b hold the same keys, ignoring order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

func TestSearchPageAllWords(t *testing.T) {
	f := newFixture(t)
	r := f.get(t, query("/", "q", "stationsgebied incidenten"))
	doc := r.html(t)
	if keys := f.resultKeys(t, doc); len(keys) < 2 || keys[0] != "leeuw" {
		t.Errorf("results %v, want leeuw (both words) first and the plans with one word after it", keys)
	}
	if got := strings.TrimSpace(doc.Find("#allewoorden").Text()); got != "· 1 plan bevat alle woorden" {
		t.Errorf("#allewoorden %q, want the one plan with both words", got)
	}
	api := f.get(t, query("/api/v1/search", "q", "stationsgebied incidenten"))
	if !strings.Contains(api.body, `"all_words":1`) {
		t.Errorf("api lacks all_words 1: %.200s", api.body)
	}
	one := f.get(t, query("/", "q", "stationsgebied")).html(t)
	if one.Find("#allewoorden").Length() != 0 {
		t.Error("one word: the page should not count plans with all words")
	}
}
