package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// Scan is one page of an image-only PDF: an 8-bit grey image drawn over
// the whole page.
type Scan struct {
	W, H  int    // pixels
	Pix   []byte // W*H grey values, row by row; nil: all black, not stored
	PageW float64
	PageH float64 // page size in points
}

// ScanPDF builds an image-only PDF, one Flate-compressed grey image per
// page and no text: what a scanner without OCR writes.
func ScanPDF(pages ...Scan) []byte {
	objs := []string{"<</Type/Catalog/Pages 2 0 R>>", ""}
	kids := make([]string, len(pages))
	for i, p := range pages {
		first := len(objs) + 1 // page, content, image
		kids[i] = fmt.Sprintf("%d 0 R", first)
		draw := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", p.PageW, p.PageH)
		objs = append(objs,
			fmt.Sprintf("<</Type/Page/Parent 2 0 R/MediaBox[0 0 %.2f %.2f]/Contents %d 0 R/Resources<</XObject<</Im0 %d 0 R>>>>>>",
				p.PageW, p.PageH, first+1, first+2),
			stream("", []byte(draw)),
			stream(fmt.Sprintf("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode",
				p.W, p.H), deflate(p)))
	}
	objs[1] = fmt.Sprintf("<</Type/Pages/Kids[%s]/Count %d>>", strings.Join(kids, " "), len(pages))
	return Assemble(objs...)
}

// stream is a stream object with extra dictionary entries dict.
func stream(dict string, data []byte) string {
	return fmt.Sprintf("<<%s/Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
}

// deflate compresses the page's pixels; nil pixels are written as black
// rows without holding the whole image, so huge pages stay cheap to make.
func deflate(p Scan) []byte {
	var b bytes.Buffer
	z, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	if p.Pix != nil {
		z.Write(p.Pix)
	} else {
		row := make([]byte, p.W)
		for y := 0; y < p.H; y++ {
			z.Write(row)
		}
	}
	z.Close()
	return b.Bytes()
}
