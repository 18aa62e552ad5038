package ingest

import (
	"fmt"

	"github.com/ccv/ivp/ingest/html"
)

// readHTML extracts the main content of a page as one page of blocks.
func readHTML(name string, data []byte) (*layout, error) {
	h, err := html.Parse(data)
	if err != nil {
		return nil, fail(name, ErrUnsupported, err)
	}
	doc := &layout{media: mediaHTML, extra: h.Title + "\n" + h.SiteName}
	p := page{number: 1}
	for _, hb := range h.Blocks {
		b := block{text: normalizeLine(hb.Text), from: 1, to: 1}
		switch hb.Kind {
		case html.Heading:
			b.kind, b.level = headingBlock, hb.Level
			if doc.title == "" && hb.Level == 1 {
				doc.title = b.text
			}
		case html.ListItem:
			b.kind = itemBlock
		case html.TableRow:
			b.kind = rowBlock
		}
		if b.text == "" {
			continue
		}
		doc.blocks = append(doc.blocks, b)
		p.lines = append(p.lines, line{text: b.text})
	}
	doc.pages = []page{p}
	if doc.letters() < minLetters {
		e := fail(name, ErrNoText, fmt.Errorf("%d letters", doc.letters()))
		e.Reason = "geen tekst gevonden"
		return nil, e
	}
	if doc.title == "" {
		doc.title = h.Title
	}
	return doc, nil
}
