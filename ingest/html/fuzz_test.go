package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse parses arbitrary bytes as a page; the seeds are the municipal
// pages of ../testdata. Blocks must have text, no surrounding white space,
// valid UTF-8 and a heading level only on headings.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<main><h1>a</h1><ul><li>b<table><tr><td>c</td></tr></table></li></ul></main>`))
	f.Add([]byte(`<ol start="7"><li>x<ol><li>y</li></ol></li></ol><dl><dt>a</dt><dd>b</dd></dl>`))
	f.Add([]byte("<meta charset=\"windows-1252\"><p>co\xf6rdinatie</p>"))
	pages, _ := filepath.Glob("../testdata/*.html")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			return
		}
		for _, b := range d.Blocks {
			checkBlock(t, b)
		}
	})
}

// checkBlock fails on a block that the passage splitter cannot use.
func checkBlock(t *testing.T, b Block) {
	t.Helper()
	switch {
	case b.Text == "" || strings.TrimSpace(b.Text) != b.Text:
		t.Errorf("block text %q", b.Text)
	case !utf8.ValidString(b.Text):
		t.Errorf("invalid UTF-8 in %q", b.Text)
	case (b.Kind == Heading) != (b.Level > 0) || b.Level > 6:
		t.Errorf("kind %d with level %d", b.Kind, b.Level)
	}
}
