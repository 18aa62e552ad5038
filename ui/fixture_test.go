package ui_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// page is one passage of a test plan: where it is and what it says.
type page struct {
	from, to int
	headings []string
	text     string
}

// plan is a test plan; key names it in tests.
type plan struct {
	key         string
	title       string
	typ         corpus.DocType
	start, end  int
	vastgesteld string
	gemeenten   []string
	status      corpus.Status
	passages    []page
}

var (
	hInl    = []string{"1 Inleiding"}
	hCamera = []string{"3 Aanpak", "3.2 Cameratoezicht"}
	hOnder  = []string{"3 Aanpak", "3.3 Ondermijning"}
	hJeugd  = []string{"4 Jeugd en veiligheid"}
)

// plans is the test corpus: published plans in several provinces, one plan
// of two gemeenten and one plan that is not published.
var plans = []plan{
	{"ams", "Integraal Veiligheidsplan Amsterdam 2023-2026", corpus.TypeIVP, 2023, 2026, "2023-03-14", []string{"GM0363"}, corpus.StatusPublished, []page{
		{1, 1, hInl, "Dit integraal veiligheidsplan beschrijft de prioriteiten van de gemeente voor de komende vier jaar.\n\nHet plan is opgesteld met politie, Openbaar Ministerie en bewoners."},
		{12, 12, hCamera, "In het uitgaansgebied rond het Leidseplein en het Rembrandtplein zetten we cameratoezicht in tijdens de weekendnachten."},
		{12, 13, hCamera, "De beelden worden live uitgekeken door de politie, zodat bij incidenten direct kan worden ingegrepen.\n- Leidseplein\n- Rembrandtplein"},
		{14, 14, hOnder, "De aanpak van ondermijning richt zich op witwassen en misbruik van vastgoed."},
	}},
	{"arn", "Integraal Veiligheidsplan Arnhem 2024-2027", corpus.TypeIVP, 2024, 2027, "2024-01-25", []string{"GM0202"}, corpus.StatusPublished, []page{
		{3, 3, hInl, "Arnhem kiest voor vier prioriteiten: uitgaansgeweld, ondermijning, jeugd en zorg en veiligheid."},
		{9, 9, hCamera, "Op de Korenmarkt breiden we het cameratoezicht uit en sluiten we een horecaconvenant."},
	}},
	{"nijm", "Veiligheidsanalyse Nijmegen 2023", corpus.TypeVeiligheidsanalyse, 2023, 2023, "", []string{"GM0268"}, corpus.StatusPublished, []page{
		{5, 5, []string{"2 Cijfers"}, "Het aantal woninginbraken daalde met twaalf procent ten opzichte van 2021."},
		{7, 7, []string{"3 Binnenstad"}, "Het cameratoezicht in de binnenstad draagt volgens ondernemers bij aan het gevoel van veiligheid."},
	}},
	{"ede", "Jaarplan veiligheid Ede 2025", corpus.TypeUitvoeringsplan, 2025, 2025, "2024-12-10", []string{"GM0228"}, corpus.StatusPublished, []page{
		{2, 2, hJeugd, "Jeugdoverlast bij hangplekken pakken we aan met jongerenwerk en buurtsportcoaches."},
	}},
	{"achterhoek", "Regionaal veiligheidsplan Achterhoek 2023-2026", corpus.TypeIVP, 2023, 2026, "2023-02-02", []string{"GM0197", "GM1859", "GM1586", "GM0294"}, corpus.StatusPublished, []page{
		{4, 4, hOnder, "Vakantieparken in het buitengebied vragen aandacht vanwege ondermijning en illegale bewoning."},
		{6, 6, hCamera, "Op bedrijventerreinen onderzoeken we samen met ondernemers de inzet van cameratoezicht."},
	}},
	{"rdam", "Uitvoeringsplan veiligheid Rotterdam 2024", corpus.TypeUitvoeringsplan, 2024, 2024, "", []string{"GM0599"}, corpus.StatusPublished, []page{
		{8, 8, hCamera, "In winkelgebieden en rond metrostations wordt het cameratoezicht gemoderniseerd."},
	}},
	{"denhaag", "Integraal Veiligheidsplan Den Haag 2023-2026", corpus.TypeIVP, 2023, 2026, "2022-12-15", []string{"GM0518"}, corpus.StatusPublished, []page{
		{10, 10, hCamera, "Rond het Plein en in Scheveningen is cameratoezicht een vast onderdeel van de aanpak van uitgaansgeweld."},
	}},
	{"utr", "Evaluatie veiligheidsbeleid Utrecht 2019-2022", corpus.TypeEvaluatie, 2019, 2022, "2023-06-01", []string{"GM0344"}, corpus.StatusPublished, []page{
		{3, 3, []string{"Samenvatting"}, "Woninginbraak en fietsendiefstal namen af; het aantal meldingen van overlast steeg."},
	}},
	{"gron", "Integraal Veiligheidsplan Groningen 2024-2027", corpus.TypeIVP, 2024, 2027, "2024-03-20", []string{"GM0014"}, corpus.StatusPublished, []page{
		{11, 11, hCamera, "Op de Grote Markt en in het stationsgebied houden we cameratoezicht in stand."},
	}},
	{"maas", "Integraal Veiligheidsplan Maastricht 2023-2026", corpus.TypeIVP, 2023, 2026, "", []string{"GM0935"}, corpus.StatusPublished, []page{
		{6, 6, []string{"Drugsoverlast"}, "Drugsoverlast in de binnenstad vraagt om een stevige aanpak met cameratoezicht en extra handhaving."},
	}},
	{"leeuw", "Veiligheid & leefbaarheid: plan Leeuwarden 2023-2026", corpus.TypeIVP, 2023, 2026, "", []string{"GM0080"}, corpus.StatusPublished, []page{
		{2, 2, []string{"Doelen"}, "We streven naar minder dan <50> incidenten per jaar in het stationsgebied & de binnenstad."},
	}},
	{"zwolle", "Concept veiligheidsplan Zwolle 2025-2028", corpus.TypeIVP, 2025, 2028, "", []string{"GM0193"}, corpus.StatusPending, []page{
		{1, 1, hCamera, "Dit concept noemt cameratoezicht maar is nog niet vastgesteld."},
	}},
}

// planByKey returns the test plan with the given key.
func planByKey(t testing.TB, key string) plan {
	t.Helper()
	for _, p := range plans {
		if p.key == key {
			return p
		}
	}
	t.Fatalf("no test plan %q", key)
	return plan{}
}

// fixture is a store and index holding plans, served by ui.New.
type fixture struct {
	store   *corpus.Store
	ix      *indexer.Indexer
	handler http.Handler
	ids     map[string]int64  // plan key → document ID
	keys    map[int64]string  // document ID → plan key
	files   map[string][]byte // plan key → original file
}

// newFixture builds the real store, index and handler in temporary
// directories, holding the test corpus plans.
func newFixture(t testing.TB) *fixture { t.Helper(); return newFixtureOf(t, plans) }

// newFixtureOf builds a fixture holding the plans ps.
func newFixtureOf(t testing.TB, ps []plan) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	f := &fixture{store: store, ids: map[string]int64{}, keys: map[int64]string{}, files: map[string][]byte{}}
	for _, p := range ps {
		f.add(t, p)
	}
	f.ix, err = indexer.Open(ctx, t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.ix.Close() })
	if _, err := f.ix.Rebuild(ctx, store); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	f.handler, err = ui.New(ui.Options{Version: "test", Logger: log}, search.New(f.ix), store, f.ix)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// tagsFor tags a test passage by its section, as the tagger would.
func tagsFor(headings []string) corpus.Tags {
	switch strings.Join(headings, "/") {
	case strings.Join(hCamera, "/"):
		return corpus.Tags{Veld: 2, Themes: []string{"2.3"}}
	case strings.Join(hOnder, "/"):
		return corpus.Tags{Veld: 5, Themes: []string{"5.2"}}
	case strings.Join(hJeugd, "/"):
		return corpus.Tags{Veld: 3, Themes: []string{"3.1"}}
	}
	return corpus.Tags{Veld: 0, Themes: []string{"0.visie-inleiding"}}
}

// add stores one plan with a PDF of as many pages as its passages reach.
func (f *fixture) add(t testing.TB, p plan) {
	t.Helper()
	d := corpus.Document{Title: p.title, Type: p.typ, PeriodStart: p.start, PeriodEnd: p.end,
		Vastgesteld: p.vastgesteld, Source: "https://www.example.nl/documenten/" + p.key + ".pdf",
		MediaType: "application/pdf", Status: p.status, ExtractorVersion: "test"}
	for _, code := range p.gemeenten {
		g, ok := f.store.Gemeenten().ByCode(code)
		if !ok {
			t.Fatalf("unknown gemeente %s", code)
		}
		d.Gemeenten = append(d.Gemeenten, g)
	}
	var ps []corpus.Passage
	for i, pg := range p.passages {
		ps = append(ps, corpus.Passage{Ordinal: i, PageFrom: pg.from, PageTo: pg.to, Headings: pg.headings,
			Text: pg.text, Tags: tagsFor(pg.headings)})
		d.Pages = max(d.Pages, pg.to)
	}
	data := pdfFile(t, p.title, d.Pages)
	id, _, err := f.store.Add(context.Background(), d, ps, data)
	if err != nil {
		t.Fatal(err)
	}
	f.ids[p.key], f.keys[id], f.files[p.key] = id, p.key, data
}

// pdfFile makes a small PDF with one line of text per page.
func pdfFile(t testing.TB, title string, pages int) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetFont("Helvetica", "", 14)
	for i := 1; i <= max(pages, 1); i++ {
		pdf.AddPage()
		pdf.Cell(0, 10, tr(fmt.Sprintf("%s, pagina %d", title, i)))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// response is an answered request.
type response struct {
	status int
	header http.Header
	body   string
}

// get requests target from the handler.
func (f *fixture) get(t testing.TB, target string) response {
	t.Helper()
	return f.do(t, httptest.NewRequest(http.MethodGet, target, nil))
}

func (f *fixture) do(t testing.TB, req *http.Request) response {
	t.Helper()
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

// html parses the body of a response as HTML.
func (r response) html(t testing.TB) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// resultKeys are the plan keys of the results on a search page, in order.
func (f *fixture) resultKeys(t testing.TB, doc *goquery.Document) []string {
	t.Helper()
	var out []string
	doc.Find(".resultaat").Each(func(_ int, s *goquery.Selection) {
		var id int64
		fmt.Sscan(s.AttrOr("data-id", ""), &id)
		out = append(out, f.keys[id])
	})
	return out
}

// matching returns the keys of published plans with a passage containing
// word whose gemeenten satisfy keep (nil keeps all).
func matching(word string, keep func(p plan) bool) []string {
	var out []string
	for _, p := range plans {
		if p.status != corpus.StatusPublished || (keep != nil && !keep(p)) {
			continue
		}
		for _, pg := range p.passages {
			if strings.Contains(strings.ToLower(pg.text), word) {
				out = append(out, p.key)
				break
			}
		}
	}
	return out
}

// inProvincie reports whether one of p's gemeenten lies in prov.
func inProvincie(prov string) func(p plan) bool {
	gm, _ := corpus.LoadGemeenten()
	return func(p plan) bool {
		for _, code := range p.gemeenten {
			if g, _ := gm.ByCode(code); g.Provincie == prov {
				return true
			}
		}
		return false
	}
}

// query builds a search URL.
func query(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return path + "?" + v.Encode()
}
