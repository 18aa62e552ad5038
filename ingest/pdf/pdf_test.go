package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/go-pdf/fpdf"
)

// build makes a PDF with fpdf; draw adds the pages.
func build(t testing.TB, draw func(f *fpdf.Fpdf)) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	draw(f)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}

// sample has a bold 16pt heading, 11pt body lines, words drawn in
// fragments, a table row and a second page.
func sample(t testing.TB) []byte {
	return build(t, func(f *fpdf.Fpdf) {
		f.AddPage()
		f.SetFont("Helvetica", "B", 16)
		f.Text(20, 30, "2.1 Ondermijning")
		f.SetFont("Helvetica", "", 11)
		f.Text(20, 45, "Criminelen maken misbruik van de legale wereld.")
		x := 20.0
		for _, frag := range []string{"De", " ", "gemeente", " ", "veilig", "heid"} {
			if frag != " " {
				f.Text(x, 52, frag)
			}
			x += f.GetStringWidth(frag)
		}
		f.Text(20, 70, "Thema")
		f.Text(120, 70, "Trekker")
		f.AddPage()
		f.Text(20, 30, "Tweede pagina")
	})
}

func lineTexts(p Page) []string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, l.Text)
	}
	return out
}

func TestPageLines(t *testing.T) {
	r, err := Open(sample(t), 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.NumPages() != 2 {
		t.Fatalf("NumPages = %d, want 2", r.NumPages())
	}
	p, err := r.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2.1 Ondermijning", "Criminelen maken misbruik van de legale wereld.", "De gemeente veiligheid", "Thema", "Trekker"}
	if got := lineTexts(p); !slices.Equal(got, want) {
		t.Fatalf("lines = %q, want %q", got, want)
	}
	tests := []struct {
		name string
		line int
		size float64
		bold bool
	}{
		{"heading", 0, 16, true},
		{"body", 1, 11, false},
		{"fragments", 2, 11, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := p.Lines[tt.line]
			if l.Size != tt.size || l.Bold != tt.bold {
				t.Errorf("line %q: size %v bold %v, want %v %v", l.Text, l.Size, l.Bold, tt.size, tt.bold)
			}
		})
	}
	if p.Lines[3].Y != p.Lines[4].Y || p.Lines[4].X <= p.Lines[3].X+p.Lines[3].W {
		t.Errorf("table cells: %+v %+v", p.Lines[3], p.Lines[4])
	}
	if p.Lines[0].Y >= p.Lines[1].Y || p.Height < 840 || p.Height > 843 {
		t.Errorf("positions: heading y %v, body y %v, height %v", p.Lines[0].Y, p.Lines[1].Y, p.Height)
	}
	p2, err := r.Page(2)
	if err != nil || !slices.Equal(lineTexts(p2), []string{"Tweede pagina"}) || p2.Number != 2 {
		t.Errorf("page 2 = %+v, %v", p2, err)
	}
}

func TestRotatedPage(t *testing.T) {
	data := build(t, func(f *fpdf.Fpdf) {
		f.AddPage()
		f.SetFont("Helvetica", "", 11)
		f.TransformBegin()
		f.TransformRotate(90, 105, 148)
		f.Text(40, 100, "Een liggende tabel")
		f.Text(40, 110, "op een staande pagina")
		f.TransformEnd()
	})
	r, err := Open(data, 10)
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Page(1)
	want := []string{"Een liggende tabel", "op een staande pagina"}
	if err != nil || !slices.Equal(lineTexts(p), want) {
		t.Errorf("lines = %q, %v; want %q", lineTexts(p), err, want)
	}
}

// withPrevLoop appends an xref section whose /Prev points at itself; the
// library would follow it forever.
func withPrevLoop(data []byte) []byte {
	off := len(data) + 1
	return fmt.Appendf(bytes.Clone(data), "\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", off, off)
}

func TestRepairs(t *testing.T) {
	good := sample(t)
	brokenXref := bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1)
	tests := []struct {
		name string
		data []byte
	}{
		{"NUL padding after EOF", append(bytes.Clone(good), make([]byte, 500)...)},
		{"junk before header", append([]byte("Content-Type: application/pdf\r\n\r\n"), good...)},
		{"PDF 2.0 header", append([]byte("%PDF-2.0"), good[8:]...)},
		{"wrong startxref", brokenXref},
		{"no EOF marker", bytes.TrimSuffix(bytes.TrimSpace(good), []byte("%%EOF"))},
		{"xref Prev loop", withPrevLoop(good)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.data, 10)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			p, err := r.Page(2)
			if err != nil || !slices.Equal(lineTexts(p), []string{"Tweede pagina"}) {
				t.Errorf("page 2 = %q, %v", lineTexts(p), err)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	good := sample(t)
	locked := build(t, func(f *fpdf.Fpdf) {
		f.SetProtection(0, "geheim", "eigenaar")
		f.AddPage()
		f.SetFont("Helvetica", "", 11)
		f.Text(20, 20, "Vertrouwelijk")
	})
	tests := []struct {
		name string
		data []byte
		max  int
		want error
	}{
		{"empty", nil, 10, ErrDamaged},
		{"not a PDF", []byte("<html><body>hallo</body></html>"), 10, ErrDamaged},
		{"truncated", good[:len(good)/3], 10, ErrDamaged},
		{"too many pages", good, 1, ErrTooManyPages},
		{"password", locked, 10, ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Open(tt.data, tt.max); !errors.Is(err, tt.want) {
				t.Errorf("Open = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLooksBold(t *testing.T) {
	tests := []struct {
		font string
		want bool
	}{
		{"Helvetica-Bold", true}, {"Arial,Bold", true}, {"Calibri-Bold", true}, {"SourceSansPro-Semibold", true},
		{"HelveticaNeue-Bd", true}, {"Arial-Black", true}, {"Helvetica", false}, {"Calibri", false},
		{"TimesNewRomanPS-ItalicMT", false}, {"Verdana", false},
	}
	for _, tt := range tests {
		t.Run(tt.font, func(t *testing.T) {
			if got := looksBold(tt.font); got != tt.want {
				t.Errorf("looksBold(%q) = %v", tt.font, got)
			}
		})
	}
}
