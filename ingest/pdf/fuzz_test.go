package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// stream is an uncompressed stream object with dictionary entries dict.
func stream(dict, data string) string {
	return fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

// fuzzSeeds are small PDFs that reach the interpreter's operators: text
// positioning, TJ arrays, quotes, a form XObject, a rotated page, a
// Type3-less font without widths and an inherited media box.
func fuzzSeeds() [][]byte {
	font := "<</Type/Font/Subtype/Type1/BaseFont/Helvetica-Bold/Encoding/WinAnsiEncoding>>"
	page := func(content int, extra string) string {
		return fmt.Sprintf("<</Type/Page/Parent 2 0 R/Contents %d 0 R/Resources<</Font<</F1 3 0 R>>/XObject<</X1 6 0 R>>>>%s>>", content, extra)
	}
	text := "BT /F1 12 Tf 72 720 Td (Integraal veiligheids-) Tj 0 -14 TD (plan) Tj T* [(wo)-20(on)-300(en)] TJ " +
		"(en) ' 2 1 (leefomgeving) \" 1 0 0 1 300 400 Tm <4E6F6F7264> Tj ET q 1 0 0 1 50 50 cm /X1 Do Q"
	return [][]byte{
		pdftest.Assemble(
			"<</Type/Catalog/Pages 2 0 R>>",
			"<</Type/Pages/Kids[4 0 R 7 0 R]/Count 2/MediaBox[0 0 595 842]>>",
			font,
			page(5, ""),
			stream("", text),
			stream("/Type/XObject/Subtype/Form/BBox[0 0 200 200]/Resources<</Font<</F1 3 0 R>>>>", "BT /F1 9 Tf 0 0 Td (Pagina 1 van 2) Tj ET"),
			page(8, "/Rotate 90"),
			stream("", "BT /F1 10 Tf 0 1 -1 0 100 100 Tm (Noord-Brabant) Tj ET"),
		),
		[]byte("%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[2 0 R]/Count 1>> endobj\n%%EOF"),
		[]byte("%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n" +
			"3 0 obj <</Type/Page/Parent 2 0 R/Contents 4 0 R>> endobj\n4 0 obj <</Length 99999>> stream\nBT (x) Tj ET\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF"),
	}
}

// FuzzExtract reads every page of arbitrary bytes. Panics of the library
// are recovered inside Open and Page; the fuzzer finds panics that escape,
// pages beyond the limit and lines that would break the layout code.
func FuzzExtract(f *testing.F) {
	f.Add(sample(f))
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Open(data, 20)
		if err != nil {
			return
		}
		if r.NumPages() > 20 {
			t.Fatalf("%d pages, limit 20", r.NumPages())
		}
		for i := 1; i <= r.NumPages(); i++ {
			p, _ := r.Page(i)
			checkLines(t, p)
		}
	})
}

// checkLines fails on lines the layout code cannot use: empty or invalid
// text, or coordinates that are not finite numbers.
func checkLines(t *testing.T, p Page) {
	t.Helper()
	for _, l := range p.Lines {
		if strings.TrimSpace(l.Text) == "" || !utf8.ValidString(l.Text) {
			t.Errorf("page %d: line text %q", p.Number, l.Text)
		}
		for _, v := range []float64{l.X, l.W, l.Y, l.Size} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("page %d: line %q at %v,%v width %v size %v", p.Number, l.Text, l.X, l.Y, l.W, l.Size)
				break
			}
		}
	}
}

func TestFuzzSeedsRead(t *testing.T) {
	r, err := Open(fuzzSeeds()[0], 20)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for i := 1; i <= r.NumPages(); i++ {
		p, err := r.Page(i)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, lineTexts(p)...)
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{"veiligheids-", "plan", "woon en", "Pagina 1 van 2", "Noord-Brabant"} {
		if !strings.Contains(got, want) {
			t.Errorf("seed PDF: %q missing from\n%s", want, got)
		}
	}
}
