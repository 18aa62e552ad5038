package pdf

import (
	"fmt"
	"slices"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestColumnBands draws two columns of text below what spans the page (a
// heading, a table row, a paragraph line) and checks that the page reads
// band by band: what spans the page in place, the columns left first.
func TestColumnBands(t *testing.T) {
	tests := []struct {
		name  string
		above []string // drawn across the page above the columns, as cells at 25, 80 and 140 mm
		want  []string
	}{
		{"columns only", nil, nil},
		{"heading above", []string{"3 Prioriteiten en de aanpak van de gemeente in de komende jaren"},
			[]string{"3 Prioriteiten en de aanpak van de gemeente in de komende jaren"}},
		{"table above", []string{"Thema", "Trekker gemeente", "Planning"}, []string{"Thema", "Trekker gemeente", "Planning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := columnPage(t, tt.above)
			want := tt.want
			for _, side := range []string{"links", "rechts"} {
				for i := range 6 {
					want = append(want, columnLine(side, i))
				}
			}
			if got := lineTexts(p); !slices.Equal(got, want) {
				t.Errorf("lines:\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// columnLine is line i of a column: lines of one column are about as
// wide, so that they fill it.
func columnLine(side string, i int) string {
	return fmt.Sprintf("regel %d van de kolom %s met tekst", i+1, side)
}

// columnPage draws cells across the page at 30 mm and two columns of six
// lines below them, and reads the page.
func columnPage(t *testing.T, above []string) Page {
	data := build(t, func(f *fpdf.Fpdf) {
		f.AddPage()
		f.SetFont("Helvetica", "", 10)
		for i, s := range above {
			f.Text([]float64{25, 80, 140}[i], 30, s)
		}
		for i := range 6 {
			y := 45 + 5*float64(i)
			f.Text(25, y, columnLine("links", i))
			f.Text(110, y, columnLine("rechts", i))
		}
	})
	r, err := Open(data, 10)
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
