package pdf

import (
	"slices"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestRaisedRunsJoinTheirLine draws a footnote marker, a small figure
// raised above the baseline after a paragraph's last word, and checks it
// stays on that line instead of splitting the paragraph; small text that
// is a line of its own stays one.
func TestRaisedRunsJoinTheirLine(t *testing.T) {
	tests := []struct {
		name  string
		rise  float64 // mm above the baseline
		size  float64 // points
		words string
		want  []string
	}{
		{"marker 1.4 mm", 1.4, 6.5, "1", []string{"de taken op het gebied van", "brandweerzorg en crisisbeheersing. 1", "Een nieuwe alinea."}},
		{"marker 2 mm", 2, 6.5, "12", []string{"de taken op het gebied van", "brandweerzorg en crisisbeheersing. 12", "Een nieuwe alinea."}},
		{"marker 0.7 mm", 0.7, 6.5, "1", []string{"de taken op het gebied van", "brandweerzorg en crisisbeheersing. 1", "Een nieuwe alinea."}},
		{"level marker", 0, 6.5, "3", []string{"de taken op het gebied van", "brandweerzorg en crisisbeheersing.3", "Een nieuwe alinea."}},
		{"small line above", 3.5, 6.5, "Bron", []string{"de taken op het gebied van", "Bron", "brandweerzorg en crisisbeheersing.", "Een nieuwe alinea."}},
		{"wide small text", 1.4, 6.5, "een lange toelichting in klein schrift", []string{"de taken op het gebied van",
			"een lange toelichting in klein schrift", "brandweerzorg en crisisbeheersing.", "Een nieuwe alinea."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := build(t, func(f *fpdf.Fpdf) {
				f.AddPage()
				f.SetFont("Helvetica", "", 10)
				f.Text(25, 40, "de taken op het gebied van")
				last := "brandweerzorg en crisisbeheersing."
				f.Text(25, 45, last)
				x := 25 + f.GetStringWidth(last) + 0.2
				f.SetFont("Helvetica", "", tt.size)
				f.Text(x, 45-tt.rise, tt.words)
				f.SetFont("Helvetica", "", 10)
				f.Text(25, 55, "Een nieuwe alinea.")
			})
			r, err := Open(data, 10)
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Page(1)
			if err != nil {
				t.Fatal(err)
			}
			if got := lineTexts(p); !slices.Equal(got, tt.want) {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
		})
	}
}
