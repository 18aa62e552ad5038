package ingest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzBlocks reads blocks from text, one a line: "#N text" is a heading of
// level N, "• text" a list item, a line with " | " a table row, anything
// else a paragraph; every third block starts a new page.
func fuzzBlocks(text string) []block {
	var out []block
	for i, l := range strings.Split(text, "\n") {
		b := block{kind: paraBlock, text: l, from: 1 + i/3, to: 1 + i/3}
		switch {
		case len(l) >= 2 && l[0] == '#' && l[1] >= '1' && l[1] <= '6':
			b.kind, b.level, b.text = headingBlock, int(l[1]-'0'), strings.TrimSpace(l[2:])
		case strings.HasPrefix(l, "• "):
			b.kind = itemBlock
		case strings.Contains(l, " | "):
			b.kind = rowBlock
		}
		out = append(out, b)
	}
	return out
}

// FuzzSplit checks the passage splitter: no text lost or doubled,
// passages within their size bound, in order, with sane pages.
func FuzzSplit(f *testing.F) {
	f.Add(sentences(30))
	f.Add(strings.Repeat("x", 4000))
	f.Add("#1 Inleiding\n" + sentences(3) + "\n#2 Aanpak\n• een\n• twee\nThema | Trekker\n" + sentences(20))
	f.Add("#3 diep\n#1 hoog\n\n" + strings.Repeat("Één woord. ", 400))
	f.Fuzz(func(t *testing.T, text string) {
		blocks := fuzzBlocks(text)
		ps := split(blocks)
		var want, got []string
		for _, b := range blocks {
			if b.kind != headingBlock {
				want = append(want, strings.Fields(b.text)...)
			}
		}
		for i, p := range ps {
			checkSplitPassage(t, i, p.Ordinal, p.PageFrom, p.PageTo, p.Text, utf8.ValidString(text))
			if i > 0 && p.PageFrom < ps[i-1].PageFrom {
				t.Errorf("passage %d starts on page %d, before passage %d (page %d)", i, p.PageFrom, i-1, ps[i-1].PageFrom)
			}
			got = append(got, strings.Fields(p.Text)...)
		}
		// A word longer than a passage is cut; nothing else may change.
		if !slices.Equal(got, want) && strings.Join(got, "") != strings.Join(want, "") {
			t.Errorf("text changed: %d words in, %d out", len(want), len(got))
		}
	})
}

// checkSplitPassage checks one passage's ordinal, pages, size and encoding.
func checkSplitPassage(t *testing.T, i, ordinal, from, to int, text string, validIn bool) {
	t.Helper()
	if ordinal != i {
		t.Errorf("passage %d has ordinal %d", i, ordinal)
	}
	if from < 1 || to < from {
		t.Errorf("passage %d: pages %d-%d", i, from, to)
	}
	if n := utf8.RuneCountInString(text); n > maxPassage+maxPassage/2 {
		t.Errorf("passage %d: %d characters", i, n)
	}
	if validIn && !utf8.ValidString(text) {
		t.Errorf("passage %d: invalid UTF-8 from valid input", i)
	}
}
