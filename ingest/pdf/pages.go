package pdf

import (
	"fmt"

	lpdf "github.com/ledongthuc/pdf"
)

// maxTreeDepth bounds the page tree walk; real files nest a few levels, a
// cyclic tree would otherwise never end.
const maxTreeDepth = 64

// walkPages lists the pages of the document in order. Unlike the library's
// Page it ignores /Count (often wrong in damaged files) and cannot loop on
// a cyclic tree.
func walkPages(r *lpdf.Reader, maxPages int) ([]lpdf.Page, error) {
	root := r.Trailer().Key("Root").Key("Pages")
	if root.IsNull() {
		return nil, fmt.Errorf("%w: no page tree", ErrDamaged)
	}
	w := pageWalker{max: maxPages, budget: 4*maxPages + 1000}
	if err := w.walk(root, 0); err != nil {
		return nil, err
	}
	return w.pages, nil
}

type pageWalker struct {
	pages  []lpdf.Page
	max    int
	budget int // nodes left to visit
}

func (w *pageWalker) walk(node lpdf.Value, depth int) error {
	w.budget--
	if depth > maxTreeDepth || w.budget < 0 {
		return fmt.Errorf("%w: page tree too deep or too large", ErrDamaged)
	}
	kids := node.Key("Kids")
	typ := node.Key("Type").Name()
	if typ == "Page" || kids.Kind() != lpdf.Array {
		if node.Kind() != lpdf.Dict || typ == "Pages" {
			return nil
		}
		if len(w.pages) >= w.max {
			return fmt.Errorf("%w: more than %d", ErrTooManyPages, w.max)
		}
		w.pages = append(w.pages, lpdf.Page{V: node})
		return nil
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), depth+1); err != nil {
			return err
		}
	}
	return nil
}
