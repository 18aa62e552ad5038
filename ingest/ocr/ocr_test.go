package ocr

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"4\t1\t1\t1\t1\t0\t300\t600\t1000\t40\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t300\t600\t200\t40\t96\tVeiligheid\n" +
		"5\t1\t1\t1\t1\t2\t520\t600\t90\t40\t12\t_~\n" + // a speck read as letters
		"5\t1\t1\t1\t1\t3\t620\t600\t680\t40\t0\taangiftebereidheid\n" + // right, but unsure
		"5\t1\t2\t1\t1\t1\t300\t700\t100\t60\t90\tKop\n"
	p := parseTSV(tsv, 72.0/300)
	want := []string{"Veiligheid aangiftebereidheid", "Kop"}
	var got []string
	for _, l := range p.Lines {
		got = append(got, l.Text)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("lines %q, want %q", got, want)
	}
	l := p.Lines[0]
	if math.Abs(l.X-72) > 0.01 || math.Abs(l.Y-153.6) > 0.01 || math.Abs(l.W-240) > 0.01 {
		t.Errorf("line at x %.2f y %.2f w %.2f, want 72, 153.6, 240 points", l.X, l.Y, l.W)
	}
	if p.Lines[1].Size <= l.Size || p.Lines[1].Block != 2 {
		t.Errorf("the taller line of block 2 has size %.1f (body %.1f), block %d", p.Lines[1].Size, l.Size, p.Lines[1].Block)
	}
	if p.Words != 3 {
		t.Errorf("%d words kept, want 3", p.Words)
	}
}

func TestResolution(t *testing.T) {
	e := Engine{}
	tests := []struct {
		name string
		w, h float64
		dpi  int
		err  error
	}{
		{"A4", 595, 842, 300, nil},
		{"A1 is drawn coarser", 1684, 2384, 278, nil},
		{"20,000 points square", 20000, 20000, 0, ErrTooLarge},
		{"no size", 0, 842, 0, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dpi, err := e.Resolution(tt.w, tt.h)
			if dpi != tt.dpi || !errors.Is(err, tt.err) {
				t.Errorf("Resolution = %d, %v; want %d, %v", dpi, err, tt.dpi, tt.err)
			}
		})
	}
	if err := e.CheckImage(20000, 20000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("CheckImage(20000, 20000) = %v, want ErrTooLarge", err)
	}
}

func TestRotateAndPGM(t *testing.T) {
	g := gray{w: 3, h: 2, pix: []byte{1, 2, 3, 4, 5, 6}}
	cw, _ := g.rotate(90)
	if cw.w != 2 || cw.h != 3 || !slices.Equal(cw.pix, []byte{4, 1, 5, 2, 6, 3}) {
		t.Errorf("90° clockwise: %d×%d %v", cw.w, cw.h, cw.pix)
	}
	back, _ := cw.rotate(270)
	if !slices.Equal(back.pix, g.pix) {
		t.Errorf("90° then 270°: %v, want %v", back.pix, g.pix)
	}
	half, _ := g.rotate(180)
	if !slices.Equal(half.pix, []byte{6, 5, 4, 3, 2, 1}) {
		t.Errorf("180°: %v", half.pix)
	}
	dec, err := decodePGM(g.encodePGM())
	if err != nil || dec.w != 3 || !slices.Equal(dec.pix, g.pix) {
		t.Errorf("PGM round trip: %v %+v", err, dec)
	}
	if _, err := decodePGM([]byte("P6\n3 2\n255\n")); !errors.Is(err, ErrProgram) {
		t.Errorf("colour image: %v, want ErrProgram", err)
	}
}

// TestDeskew draws level lines of "text", slants them and finds the slant.
func TestDeskew(t *testing.T) {
	g := gray{w: 1200, h: 1600, pix: make([]byte, 1200*1600)}
	for i := range g.pix {
		g.pix[i] = 255
	}
	for y := 200; y < 1400; y += 50 {
		for x := 150; x < 1050; x++ {
			if x%40 < 30 { // words and spaces
				for d := 0; d < 12; d++ {
					g.pix[(y+d)*g.w+x] = 0
				}
			}
		}
	}
	for _, deg := range []float64{-2, 1.4} {
		if got := g.turn(-deg).skew(); math.Abs(got-deg) > 0.25 {
			t.Errorf("lines slanted %.1f°: skew %.2f°", deg, got)
		}
	}
	if got := g.skew(); math.Abs(got) >= minSkew {
		t.Errorf("level lines: skew %.2f°, want below %.1f°", got, minSkew)
	}
}

// TestDespeckle scatters specks over bars of "text": the page is found
// speckled and the specks go, the bars stay; the clean page is left alone.
func TestDespeckle(t *testing.T) {
	g := gray{w: 600, h: 800, pix: make([]byte, 600*800)}
	for i := range g.pix {
		g.pix[i] = 255
	}
	for y := 100; y < 700; y += 40 {
		for x := 60; x < 540; x++ {
			for d := 0; d < 10; d++ {
				g.pix[(y+d)*g.w+x] = 0
			}
		}
	}
	if g.speckled() {
		t.Error("a clean page is taken to be speckled")
	}
	dusty := gray{w: g.w, h: g.h, pix: slices.Clone(g.pix)}
	for i := 0; i < len(dusty.pix); i += 97 { // about 1% of the pixels
		dusty.pix[i] = 0
	}
	if !dusty.speckled() {
		t.Fatal("a dusty page is not taken to be speckled")
	}
	clean := dusty.despeckle()
	left := 0
	for y := 1; y < g.h-1; y++ {
		for x := 1; x < g.w-1; x++ {
			if i := y*g.w + x; g.pix[i] == 255 && clean.pix[i] < 128 {
				left++
			}
		}
	}
	if left > 0 {
		t.Errorf("%d specks left after despeckle", left)
	}
	if clean.pix[105*g.w+300] != 0 {
		t.Error("a bar of text was wiped out")
	}
}
