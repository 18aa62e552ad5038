package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/search"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"getal klein", getal(7), "7"},
		{"getal duizend", getal(1234), "1.234"},
		{"getal miljoen", getal(uint64(12345678)), "12.345.678"},
		{"getal negatief", getal(-1234), "-1.234"},
		{"datum", datum(time.Date(2023, 3, 14, 10, 0, 0, 0, time.UTC)), "14 maart 2023"},
		{"datum leeg", datum(time.Time{}), ""},
		{"iso-datum", isoDatum("2024-12-01"), "1 december 2024"},
		{"geen iso-datum", isoDatum("voorjaar 2024"), "voorjaar 2024"},
		{"grootte bytes", grootte(512), "512 bytes"},
		{"grootte kB", grootte(84_400), "84 kB"},
		{"grootte MB", grootte(1_260_000), "1,3 MB"},
		{"één plan", aantal(1, "plan", "plannen"), "1 plan"},
		{"plannen", aantal(1200, "plan", "plannen"), "1.200 plannen"},
		{"pagina", pagina(3, 3), "p. 3"},
		{"paginabereik", pagina(3, 5), "p. 3–5"},
		{"hoofdletter", capitalize("onbekend documenttype"), "Onbekend documenttype"},
		{"periode", periode("2023-2026"), "2023–2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"regels worden samengevoegd", "Het college zet\nin op preventie.", []string{"Het college zet in op preventie."}},
		{"witregel scheidt alinea's", "Eerste.\n\nTweede.\n \nDerde.", []string{"Eerste.", "Tweede.", "Derde."}},
		{"opsomming houdt regels", "Wij doen:\n• toezicht\n- handhaving\n1. nazorg", []string{"Wij doen:\n• toezicht\n- handhaving\n1. nazorg"}},
		{"leeg", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphs(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFirstChange(t *testing.T) {
	tests := []struct {
		name      string
		prev, cur []string
		want      int
	}{
		{"eerste passage", nil, []string{"1", "1.1"}, 0},
		{"zelfde kopjes", []string{"1", "1.1"}, []string{"1", "1.1"}, 2},
		{"nieuwe paragraaf", []string{"1", "1.1"}, []string{"1", "1.2"}, 1},
		{"dieper", []string{"1"}, []string{"1", "1.1"}, 1},
		{"terug naar hoofdstuk", []string{"1", "1.1"}, []string{"1"}, 1},
		{"nieuw hoofdstuk", []string{"1", "1.1"}, []string{"2"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstChange(tt.prev, tt.cur); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPaging(t *testing.T) {
	tests := []struct {
		name        string
		page, total int
		want        string // page numbers, * marks the current, … a gap
	}{
		{"één pagina", 1, 8, ""},
		{"twee pagina's", 1, 15, "*1 2"},
		{"begin", 1, 200, "*1 2 3 … 20"},
		{"midden", 10, 200, "1 … 8 9 *10 11 12 … 20"},
		{"einde", 20, 200, "1 … 18 19 *20"},
		{"geen gat van één", 4, 200, "1 2 3 *4 5 6 … 20"},
		{"geen gat voor één pagina", 5, 200, "1 2 3 4 *5 6 7 … 20"},
		{"geen gat voor één pagina aan het eind", 16, 200, "1 … 14 15 *16 17 18 19 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := search.Request{Query: "toezicht", Page: tt.page, Size: 10}
			p := paging(r, &search.Result{Total: uint64(tt.total), Page: tt.page, Size: 10})
			var parts []string
			for _, l := range p.Pages {
				switch {
				case l.Gap:
					parts = append(parts, "…")
				case l.Current:
					parts = append(parts, "*"+itoa(l.Number))
				default:
					parts = append(parts, itoa(l.Number))
				}
			}
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if (p.Prev == "") != (tt.page == 1) || (p.Next == "" && tt.total > tt.page*10) {
				t.Errorf("prev %q next %q", p.Prev, p.Next)
			}
		})
	}
}

func itoa(n int) string { return getal(n) }

func TestToggleURL(t *testing.T) {
	r := search.Request{Query: "camera toezicht", Provincies: []string{"Gelderland"}, Jaren: []int{2024}, Page: 3, Size: 20}
	tests := []struct {
		name, facet, value string
		on                 bool
		want               string
	}{
		{"waarde toevoegen", "provincie", "Utrecht", false, "/?jaar=2024&provincie=Gelderland&provincie=Utrecht&q=camera+toezicht&size=20"},
		{"waarde verwijderen", "provincie", "Gelderland", true, "/?jaar=2024&q=camera+toezicht&size=20"},
		{"jaar verwijderen", "jaar", "2024", true, "/?provincie=Gelderland&q=camera+toezicht&size=20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := toggleURL(r, tt.facet, tt.value, tt.on); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if len(r.Provincies) != 1 || r.Provincies[0] != "Gelderland" {
		t.Errorf("toggleURL changed the request: %v", r.Provincies)
	}
}
