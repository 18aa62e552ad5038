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

// pageList names pages in Dutch: "Pagina 3 is", "Pagina's 1, 2 en 5 zijn",
// "Pagina's 1 tot en met 10 zijn".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return "Pagina " + strconv.Itoa(pages[0]) + " is"
	}
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		switch {
		case j-i >= 2: // three or more in a row
			parts = append(parts, strconv.Itoa(pages[i])+" tot en met "+strconv.Itoa(pages[j]))
		case j > i:
			parts = append(parts, strconv.Itoa(pages[i]), strconv.Itoa(pages[j]))
		default:
			parts = append(parts, strconv.Itoa(pages[i]))
		}
		i = j + 1
	}
	if len(parts) == 1 {
		return "Pagina's " + parts[0] + " zijn"
	}
	return "Pagina's " + strings.Join(parts[:len(parts)-1], ", ") + " en " + parts[len(parts)-1] + " zijn"
}
