package gen

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"github.com/go-pdf/fpdf"
)

// Size of the picture of an image-only cover, in pixels (A4 at 50 dpi).
const coverPxW, coverPxH = 413, 585

// imageCover writes page 1 as one picture, as when a designed cover is
// pasted in as a scan: an accent band, grey bars where the title would be
// and no text a reader could extract. The title is still in the running
// header and in the document information.
func (r *renderer) imageCover() {
	r.newPage()
	data := coverPNG(r.m.style.accent, r.m.spec.seed)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	r.pdf.RegisterImageOptionsReader("cover", opt, bytes.NewReader(data))
	r.pdf.ImageOptions("cover", 0, 0, pageW, pageH, false, opt, 0, "")
	r.fresh = false
}

// coverPNG draws the cover picture; seed varies the bars.
func coverPNG(accent [3]int, seed uint64) []byte {
	img := image.NewRGBA(image.Rect(0, 0, coverPxW, coverPxH))
	fill(img, image.Rect(0, 0, coverPxW, coverPxH), color.RGBA{255, 255, 255, 255})
	ac := color.RGBA{uint8(accent[0]), uint8(accent[1]), uint8(accent[2]), 255}
	fill(img, image.Rect(0, 0, coverPxW, 140), ac)
	grey := color.RGBA{120, 120, 120, 255}
	for i := range 3 {
		w := 180 + int((seed>>(8*i))%150)
		fill(img, image.Rect(50, 190+i*34, 50+w, 212+i*34), ac)
	}
	for i := range 2 {
		fill(img, image.Rect(50, 470+i*18, 50+120+int((seed>>(8*i+24))%100), 478+i*18), grey)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding to memory does not fail
	}
	return buf.Bytes()
}

func fill(img *image.RGBA, rect image.Rectangle, c color.RGBA) {
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}
