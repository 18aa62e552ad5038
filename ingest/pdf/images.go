package pdf

import (
	"fmt"

	lpdf "github.com/ledongthuc/pdf"
)

// maxImageEntries bounds the XObject entries Images looks at on one page,
// forms included, so that a hostile resource tree cannot make it slow.
const maxImageEntries = 1000

// Image is an image a page draws, as its dictionary declares it; the
// image itself is not decoded.
type Image struct {
	Width, Height int // pixels
}

// Images lists the image XObjects in the resources of page n (from 1),
// those of the forms it uses included, e.g. to tell a scanned page from an
// empty one and to bound the work of rendering it. A panic in the library
// is recovered and returned as ErrPanic.
func (r *Reader) Images(n int) (out []Image, err error) {
	defer recoverAs(&err, fmt.Sprintf("page %d images", n))
	if n < 1 || n > len(r.pages) {
		return nil, fmt.Errorf("page %d: out of range 1-%d", n, len(r.pages))
	}
	seen := 0
	collectImages(inherited(r.pages[n-1].V, "Resources"), 0, &seen, &out)
	return out, nil
}

// collectImages appends the images of the XObjects in res, descending
// into forms up to maxFormDepth.
func collectImages(res lpdf.Value, depth int, seen *int, out *[]Image) {
	xs := res.Key("XObject")
	if xs.Kind() != lpdf.Dict {
		return
	}
	for _, name := range xs.Keys() {
		if *seen++; *seen > maxImageEntries {
			return
		}
		x := xs.Key(name)
		switch x.Key("Subtype").Name() {
		case "Image":
			*out = append(*out, Image{Width: int(x.Key("Width").Int64()), Height: int(x.Key("Height").Int64())})
		case "Form":
			if depth < maxFormDepth {
				collectImages(x.Key("Resources"), depth+1, seen, out)
			}
		}
	}
}
