package ingest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/go-pdf/fpdf"
)

// fixtureLines are the body lines of the test plan, page by page after the
// cover and the table of contents. Lines are placed one by one, so line
// ends (and the hyphenations) are exactly as written here.
var fixtureLines = map[int][]string{
	3: {
		"De gemeente Oss werkt samen met partners aan een veilige woon- en",
		"leefomgeving. Dit integraal veiligheids-",
		"plan beschrijft de koers voor de jaren 2023 tot en met 2026 in Noord-",
		"Brabant en de regio.",
		"",
		"Het plan is opgesteld met inwoners, ondernemers, politie en de",
		"veiligheidsregio. Het bouwt voort op de evaluatie van het vorige plan.",
	},
	4: {
		"Criminelen maken misbruik van de legale wereld. De gemeente zet in",
		"op weerbare ondernemers en een sterke informatiepositie.",
		"",
		"Samen met het RIEC pakken we signalen van ondermijning op.",
	},
	5: {
		"Overlast door jongeren vraagt om een aanpak met jongerenwerk, politie",
		"en ouders. We investeren in preventie en vroegsignalering.",
	},
}

// fixtureHeadings are the headings on the body pages.
var fixtureHeadings = map[int][]struct {
	size float64
	text string
}{
	3: {{16, "1 Inleiding"}},
	4: {{16, "2 Prioriteiten"}, {13, "2.1 Ondermijning"}},
	5: {{13, "2.2 Jeugdoverlast"}},
}

// fixturePDF builds a five-page plan: a cover, a table of contents with dot
// leaders, and three body pages with bold headings, 11pt body text, a
// running header and a "Pagina N van M" footer.
func fixturePDF(t testing.TB) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	f.AliasNbPages("{nb}")
	f.SetHeaderFunc(func() {
		if f.PageNo() > 1 {
			f.SetFont("Helvetica", "", 9)
			f.Text(20, 12, "Integraal Veiligheidsplan Oss 2023-2026")
		}
	})
	f.SetFooterFunc(func() {
		if f.PageNo() > 1 {
			f.SetFont("Helvetica", "", 9)
			f.Text(95, 287, fmt.Sprintf("Pagina %d van {nb}", f.PageNo()))
		}
	})
	fixtureCover(f)
	fixtureTOC(f)
	for p := 3; p <= 5; p++ {
		fixtureBody(f, p)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}

func fixtureCover(f *fpdf.Fpdf) {
	f.AddPage()
	f.SetFont("Helvetica", "B", 24)
	f.Text(20, 80, "Integraal Veiligheidsplan 2023-2026")
	f.SetFont("Helvetica", "B", 16)
	f.Text(20, 95, "Gemeente Oss")
	f.SetFont("Helvetica", "", 11)
	f.Text(20, 110, "Vastgesteld door de gemeenteraad op 14 maart 2023")
}

func fixtureTOC(f *fpdf.Fpdf) {
	f.AddPage()
	f.SetFont("Helvetica", "B", 16)
	f.Text(20, 40, "Inhoudsopgave")
	f.SetFont("Helvetica", "", 11)
	for i, e := range []string{"1 Inleiding", "2 Prioriteiten", "2.1 Ondermijning", "2.2 Jeugdoverlast"} {
		f.Text(20, 55+float64(i)*8, fmt.Sprintf("%s %s %d", e, dots(60-len(e)), 3+i/2+i%2))
	}
}

func dots(n int) string { return string(bytes.Repeat([]byte("."), n)) }

func fixtureBody(f *fpdf.Fpdf, p int) {
	f.AddPage()
	y := 30.0
	for _, h := range fixtureHeadings[p] {
		f.SetFont("Helvetica", "B", h.size)
		f.Text(20, y, h.text)
		y += 10
		if h.text == "2 Prioriteiten" {
			continue
		}
		f.SetFont("Helvetica", "", 11)
		for _, l := range fixtureLines[p] {
			if l == "" {
				y += 4
				continue
			}
			f.Text(20, y, l)
			y += 5.5
		}
		y += 6
	}
}
