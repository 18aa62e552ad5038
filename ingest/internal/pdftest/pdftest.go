// Package pdftest holds helpers shared by the tests of ingest and
// ingest/pdf: hand-built PDFs (raw objects, scans, and fpdf-made locked
// and text-less files) and the word-level F1 that extraction is
// measured with. Only tests import it.
package pdftest

import (
	"fmt"
	"strings"
)

// Assemble builds a PDF from object bodies (object i+1 is objs[i]) with a
// correct cross-reference table; object 1 must be the catalog.
func Assemble(objs ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// WordF1 is the F1 of two bags of words: 2·common / (|ref| + |got|), and 1
// when both are empty.
func WordF1(ref, got []string) float64 {
	if len(ref)+len(got) == 0 {
		return 1
	}
	bag := map[string]int{}
	for _, w := range ref {
		bag[w]++
	}
	common := 0
	for _, w := range got {
		if bag[w] > 0 {
			bag[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ref)+len(got))
}
