package ingest

import (
	"fmt"
	"slices"
	"testing"
)

// textPage makes a page of 11pt lines on an 800pt page: the first two
// lines at the top, the last at the bottom, the others 20pt apart; lines
// given as "#16 text" are set in 16pt.
func textPage(n int, texts ...string) page {
	p := page{number: n, height: 800}
	for i, t := range texts {
		size := 11.0
		if len(t) > 4 && t[0] == '#' {
			size, t = 16, t[4:]
		}
		y := 180 + float64(i)*20
		switch i {
		case 0:
			y = 40
		case 1:
			y = 100
		case len(texts) - 1:
			y = 780
		}
		p.lines = append(p.lines, line{text: t, x: 50, w: 400, y: y, size: size})
	}
	return p
}

func pageLines(p page) []string {
	var out []string
	for _, l := range p.lines {
		out = append(out, l.text)
	}
	return out
}

func TestRemoveFurniture(t *testing.T) {
	var pages []page
	wijken := []string{"Noord", "", "Oost", "", "Zuid", ""}
	for n := 1; n <= 6; n++ {
		first := fmt.Sprintf("#16 Hoofdstuk %d", n/2)
		if n%2 == 1 {
			first = "Tekst over wijk " + wijken[n-1] + "."
		}
		pages = append(pages, textPage(n, "IVP Gemeente Ede 2023-2026", first, "Meer tekst over veiligheid.", fmt.Sprintf("Pagina %d van 6", n)))
	}
	pages[2].lines = append(pages[2].lines[:3], line{text: "12", y: 790, size: 9})
	pages[4] = columnsPage()
	removeFurniture(pages)
	tests := []struct {
		name string
		page int
		want []string
	}{
		{"header and footer gone", 0, []string{"Tekst over wijk Noord.", "Meer tekst over veiligheid."}},
		{"chapter heading stays", 1, []string{"Hoofdstuk 1", "Meer tekst over veiligheid."}},
		{"lone page number gone", 2, []string{"Tekst over wijk Oost.", "Meer tekst over veiligheid."}},
		{"header read mid-page gone, year ending a column stays", 4, []string{"Tekst over wijk Zuid.", "Links twee.",
			"Links drie.", "Links vier.", "Rechts een.", "Rechts twee.", "Rechts drie.", "2021"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageLines(pages[tt.page]); !slices.Equal(got, tt.want) {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkTOC(t *testing.T) {
	entry := func(y float64, text, page string) []line {
		return []line{{text: text, x: 50, w: 200, y: y, size: 11}, {text: page, x: 500, w: 10, y: y, size: 11}}
	}
	titled := page{number: 2, height: 800, lines: []line{{text: "Inhoud", x: 50, w: 80, y: 40, size: 16}}}
	for i, e := range []string{"Inleiding", "Prioriteiten", "Ondermijning", "Jeugd"} {
		titled.lines = append(titled.lines, entry(80+float64(i)*20, e, fmt.Sprint(3+i))...)
	}
	leaders := textPage(3, "1 Inleiding ........ 3", "2 Prioriteiten ..... 4", "2.1 Ondermijning .... 4",
		"Een gewone zin over het plan die langer is dan tachtig tekens en eindigt met een punt.", "x")
	body := textPage(4, "In 2023 waren er 45", "meldingen van overlast.", "x")
	pages := []page{textPage(1, "Integraal Veiligheidsplan", "x"), titled, leaders, body}
	markTOC(pages)
	tests := []struct {
		name string
		page int
		toc  bool
		want []string
	}{
		{"titled page with right-aligned numbers", 1, true, nil},
		{"dot leaders", 2, true, []string{"Een gewone zin over het plan die langer is dan tachtig tekens en eindigt met een punt."}},
		{"body page untouched", 3, false, []string{"In 2023 waren er 45", "meldingen van overlast.", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pages[tt.page]
			if p.toc != tt.toc || !slices.Equal(pageLines(p), tt.want) {
				t.Errorf("toc %v lines %q, want %v %q", p.toc, pageLines(p), tt.toc, tt.want)
			}
		})
	}
}

// columnsPage is page 5 in two columns as read: the running header's text
// comes between the columns, and the left column ends in a year, above
// the footer.
func columnsPage() page {
	p := page{number: 5, height: 800}
	for _, l := range []struct {
		text string
		y    float64
	}{
		{"Tekst over wijk Zuid.", 100}, {"Links twee.", 180}, {"Links drie.", 200}, {"Links vier.", 220},
		{"IVP Gemeente Ede 2023-2026", 40}, {"Rechts een.", 180}, {"Rechts twee.", 200}, {"Rechts drie.", 220},
		{"2021", 760}, {"Pagina 5 van 6", 780},
	} {
		p.lines = append(p.lines, line{text: l.text, x: 50, w: 200, y: l.y, size: 11})
	}
	return p
}
