package ingest

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// siteFixture is a municipal web page as three common kinds of site build
// it, with what must and must not end up in the passages.
type siteFixture struct {
	file     string
	gemeente string
	doctype  corpus.DocType
	title    string
	absent   []string // menus, banners, sidebars, footers, share and feedback widgets
	present  []string // list items, numbered items, table rows
	passage  string   // the start of a passage ...
	headings []string // ... and its heading path
}

var siteFixtures = []siteFixture{
	{
		file: "gemeente_drupal_uitvoeringsplan.html", gemeente: "Amersfoort", doctype: corpus.TypeUitvoeringsplan,
		title:  "Uitvoeringsplan Veiligheid 2025",
		absent: []string{"cookies", "Afvalkalender", "Parkeervergunning", "Zoeken", "Overslaan", "Deel deze pagina", "LinkedIn", "Laatst gewijzigd", "Stadhuisplein", "Privacyverklaring", "Home"},
		present: []string{"1. Vier integrale controles op bedrijventerreinen", "3. Training ‘Herkennen van signalen’ voor toezichthouders",
			"Prioriteit | Budget | Trekker", "Ondermijning | € 240.000 | Team Openbare Orde"},
		passage: "In Schothorst en Kattenbroek", headings: []string{"Uitvoeringsplan Veiligheid 2025", "2. Veilige wijken"},
	},
	{
		file: "gemeente_wordpress_veiligheid.html", gemeente: "Hof van Twente", doctype: corpus.TypeIVP,
		title:   "Integrale veiligheid",
		absent:  []string{"Ga naar de inhoud", "Inwoners", "Ondernemers", "Delen:", "Facebook", "nuttig", "Laatste nieuws", "Kermis", "Postbus 54", "Accepteren", "cookies"},
		present: []string{"Kern | Woninginbraken 2022", "Goor | 31", "Bron: politie Oost-Nederland"},
		passage: "Leegstaande agrarische schuren", headings: []string{"Integrale veiligheid", "Onze prioriteiten", "Ondermijning in het buitengebied"},
	},
	{
		file: "gemeente_oud_cms_analyse.html", gemeente: "Súdwest-Fryslân", doctype: corpus.TypeVeiligheidsanalyse,
		title:  "Veiligheidsanalyse 2024",
		absent: []string{"Home", "English", "Zoek...", "Bestuur", "Vergunningen", "geholpen", "Print deze pagina", "Disclaimer", "Marktstraat"},
		present: []string{"3. Versterk de aanpak van personen met verward gedrag.", "4. Maak cybercriminaliteit een prioriteit",
			"Kern | 2022 | 2023", "Sneek | 412 | 468", "Vermenging van de onderwereld met de bovenwereld."},
		passage: "Sneek | 412", headings: []string{"Veiligheidsanalyse 2024", "Belangrijkste bevindingen", "Overlast", "Meldingen per kern"},
	},
}

func TestExtractHTMLSites(t *testing.T) {
	x := newTestExtractor(t)
	for _, f := range siteFixtures {
		t.Run(f.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + f.file)
			if err != nil {
				t.Fatal(err)
			}
			ex, err := x.Extract(context.Background(), "https://example.nl/"+f.file, data)
			if err != nil {
				t.Fatalf("extract: %v", err)
			}
			all := allText(ex) + strings.Join(passageHeadings(ex), "\n")
			for _, bad := range f.absent {
				if strings.Contains(all, bad) {
					t.Errorf("page furniture %q in the passages:\n%s", bad, all)
				}
			}
			for _, want := range f.present {
				if !strings.Contains(all, want) {
					t.Errorf("missing %q in\n%s", want, all)
				}
			}
			checkPassage(t, ex.Passages, f.passage, f.headings, 1)
			checkSiteMeta(t, f, ex.Document)
		})
	}
}

// checkSiteMeta checks the title, type and gemeente found on a page.
func checkSiteMeta(t *testing.T, f siteFixture, d corpus.Document) {
	t.Helper()
	if d.Title != f.title || d.Type != f.doctype || d.MediaType != "text/html" {
		t.Errorf("title %q type %q media %q, want %q %q text/html", d.Title, d.Type, d.MediaType, f.title, f.doctype)
	}
	if got := d.GemeenteNames(); !slices.Equal(got, []string{f.gemeente}) {
		t.Errorf("gemeenten = %v, want [%s]", got, f.gemeente)
	}
}

// passageHeadings returns every heading of every passage's path.
func passageHeadings(ex *Extracted) []string {
	var out []string
	for _, p := range ex.Passages {
		out = append(out, p.Headings...)
	}
	return out
}
