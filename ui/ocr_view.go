package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// ocrView is what a page says about the pages of a plan read by OCR.
type ocrView struct {
	Summary string   // "Pagina's 1 en 2 zijn gescand ..."; "" when none
	Rows    []ocrRow // every page OCR tried, for curators
}

// ocrRow is one page OCR tried, with how sure it was.
type ocrRow struct {
	Page       int
	PageURL    string
	Confidence string // "92%"
	Words      int
	Note       string // why the page gave no text; "" when it did
	Rotation   string // "gedraaid 180°"; "" when upright
	Low        bool   // read, but with low confidence: worth a look
}

// lowConfidence is the confidence below which a curator should check a
// page read by OCR against the original.
const lowConfidence = 80

// ocrViewOf describes the OCR pages of d; fileURL links page n of the
// original.
func ocrViewOf(d corpus.Document, fileURL func(page int) string) ocrView {
	var v ocrView
	if pages := d.OCRPageNumbers(); len(pages) > 0 {
		v.Summary = fmt.Sprintf("%s gescand en met OCR gelezen; de tekst ervan kan leesfouten bevatten.", pageList(pages))
	}
	for _, p := range d.OCR {
		r := ocrRow{Page: p.Page, PageURL: fileURL(p.Page), Confidence: strconv.Itoa(int(p.Confidence+0.5)) + "%",
			Words: p.Words, Note: p.Note, Low: p.Note == "" && p.Confidence < lowConfidence}
		if p.Rotation != 0 {
			r.Rotation = fmt.Sprintf("gedraaid %d°", p.Rotation)
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}

// pageList names pages in Dutch: "Pagina 3 is", "Pagina's 1, 2 en 5 zijn".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return "Pagina " + strconv.Itoa(pages[0]) + " is"
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = strconv.Itoa(p)
	}
	return "Pagina's " + strings.Join(s[:len(s)-1], ", ") + " en " + s[len(s)-1] + " zijn"
}
