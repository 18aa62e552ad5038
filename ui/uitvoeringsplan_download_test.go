package ui_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// checkDocx downloads the .docx, parses every XML part and finds the
// chapters as Heading1, the tables and the examples' texts.
func (g *genCorpus) checkDocx(t *testing.T, q url.Values, prios []string) {
	r := g.get(t, "/uitvoeringsplan/format.docx?"+q.Encode())
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), ".docx") {
		t.Fatalf("status %d, %q", r.status, r.header.Get("Content-Disposition"))
	}
	z, err := zip.NewReader(bytes.NewReader([]byte(r.body)), int64(len(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]bool{}
	var body docxBody
	for _, zf := range z.File {
		parts[zf.Name] = true
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if err := parseXML(data, zf.Name == "word/document.xml", &body); err != nil {
			t.Errorf("%s: %v", zf.Name, err)
		}
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if !parts[p] {
			t.Errorf("no part %s", p)
		}
	}
	f := g.formatJSON(t, q)
	var want []string
	for _, c := range append(f.Chapters, f.Process...) {
		want = append(want, c.Title)
	}
	if !slices.Equal(body.headings["Heading1"], want) {
		t.Errorf("Heading1 %v, want %v", body.headings["Heading1"], want)
	}
	if n := len(body.tables); n != 6*len(prios)+len(f.Process) {
		t.Errorf("%d tables, want %d", n, 6*len(prios)+len(f.Process))
	}
	text := strings.Join(body.paras, "\n")
	for _, c := range f.Chapters {
		for _, e := range c.Examples {
			if !strings.Contains(text, e.Text) {
				t.Errorf("example %.60q not in the docx", e.Text)
			}
		}
	}
	independentReader(t, []byte(r.body), want)
}

// docxBody is what the test reads of word/document.xml.
type docxBody struct {
	headings map[string][]string // style → paragraph texts
	paras    []string
	tables   []int // rows per table
}

// parseXML parses an XML part; for the document it collects its
// paragraphs, their styles and its tables.
func parseXML(data []byte, document bool, b *docxBody) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	if b.headings == nil {
		b.headings = map[string][]string{}
	}
	var style, text string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !document {
			continue
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "p":
				style, text = "", ""
			case "pStyle":
				style = attr(el, "val")
			case "tbl":
				b.tables = append(b.tables, 0)
			case "tr":
				b.tables[len(b.tables)-1]++
			}
		case xml.CharData:
			text += string(el)
		case xml.EndElement:
			if el.Name.Local == "p" {
				b.paras = append(b.paras, text)
				if style != "" {
					b.headings[style] = append(b.headings[style], text)
				}
			}
		}
	}
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// independentReader converts the docx with pandoc when it is installed
// and checks the chapters are in its text.
func independentReader(t *testing.T, docx []byte, chapters []string) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Log("pandoc is not installed: the .docx was checked by parsing its XML only")
		return
	}
	cmd := exec.Command(pandoc, "-f", "docx", "-t", "plain")
	cmd.Stdin = bytes.NewReader(docx)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc: %v", err)
	}
	for _, c := range chapters {
		if !strings.Contains(string(out), c) {
			t.Errorf("pandoc finds no %q", c)
		}
	}
}

// checkFormatPDF downloads the PDF and reads it back with pdftotext:
// every chapter, every table and the first example are in it.
func (g *genCorpus) checkFormatPDF(t *testing.T, q url.Values) {
	text := pdfTextOf(t, g.get(t, "/uitvoeringsplan/format.pdf?"+q.Encode()), "format-uitvoeringsplan.pdf")
	f := g.formatJSON(t, q)
	for _, c := range append(f.Chapters, f.Process...) {
		if !strings.Contains(text, c.Title) {
			t.Errorf("the PDF has no chapter %q", c.Title)
		}
		for _, tb := range c.Tables {
			if !strings.Contains(text, tb.Title+" "+tb.Columns[0]) {
				t.Errorf("%s: the PDF has no table %q", c.Title, tb.Title)
			}
		}
		if len(c.Examples) > 0 {
			words := strings.Fields(c.Examples[0].Text)
			if want := strings.Join(words[:min(6, len(words))], " "); !strings.Contains(text, want) {
				t.Errorf("%s: the PDF lacks the example %q", c.Title, want)
			}
		}
	}
}
