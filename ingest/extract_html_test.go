package ingest

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestExtractHTMLFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/gemeente_ivp.html")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := newTestExtractor(t).Extract(context.Background(), "https://www.zeist.nl/ivp", data)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	all := allText(ex)
	t.Run("furniture absent", func(t *testing.T) {
		for _, bad := range []string{"cookies", "Accepteren", "Afval en containers", "Parkeren", "Zoeken", "Postbus", "Privacyverklaring", "Zie ook", "Direct naar de inhoud", "dataLayer", "Home"} {
			if strings.Contains(all, bad) {
				t.Errorf("found %q in\n%s", bad, all)
			}
		}
	})
	t.Run("headings", func(t *testing.T) {
		checkPassage(t, ex.Passages, "We versterken de samenwerking", []string{"Integraal Veiligheidsplan 2024-2027", "Prioriteiten", "Ondermijning"}, 1)
		checkPassage(t, ex.Passages, "Jongeren die overlast", []string{"Integraal Veiligheidsplan 2024-2027", "Prioriteiten", "Jeugd en veiligheid"}, 1)
	})
	t.Run("lists and tables", func(t *testing.T) {
		for _, want := range []string{"• Integrale controles op bedrijventerreinen", "• Trainingen voor makelaars",
			"Thema | Doel | Trekker", "Jeugd | Minder jeugdoverlast in de wijken | Jongerenwerk"} {
			if !strings.Contains(all, want) {
				t.Errorf("missing %q in\n%s", want, all)
			}
		}
	})
	t.Run("metadata", func(t *testing.T) {
		d := ex.Document
		if d.Title != "Integraal Veiligheidsplan 2024-2027" || d.Type != corpus.TypeIVP || d.PeriodStart != 2024 ||
			d.PeriodEnd != 2027 || d.Vastgesteld != "2023-11-07" || d.MediaType != "text/html" || d.Pages != 1 {
			t.Errorf("document = %+v", d)
		}
		if got := d.GemeenteNames(); !slices.Equal(got, []string{"Zeist"}) {
			t.Errorf("gemeenten = %v, want [Zeist]", got)
		}
	})
}
