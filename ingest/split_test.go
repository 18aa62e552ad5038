package ingest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func para(text string, page int) block {
	return block{kind: paraBlock, text: text, from: page, to: page}
}

func head(level int, text string, page int) block {
	return block{kind: headingBlock, level: level, text: text, from: page, to: page}
}

// sentences returns n sentences of about 100 characters.
func sentences(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = "De gemeente werkt met partners aan de aanpak van overlast en criminaliteit in wijk nummer " + string(rune('A'+i%26)) + "."
	}
	return strings.Join(s, " ")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		blocks   []block
		passages int
		headings [][]string
		pages    [][2]int
	}{
		{
			name:     "short paragraphs merge under one heading",
			blocks:   []block{head(1, "1 Inleiding", 1), para(sentences(1), 1), para(sentences(1), 1), para(sentences(1), 2)},
			passages: 1, headings: [][]string{{"1 Inleiding"}}, pages: [][2]int{{1, 2}},
		},
		{
			name: "heading closes a passage and nests",
			blocks: []block{head(1, "3 Prioriteiten", 4), para(sentences(3), 4),
				head(2, "3.1 Ondermijning", 5), para(sentences(4), 5),
				head(2, "3.2 Jeugd", 6), para(sentences(4), 6),
				head(1, "4 Uitvoering", 7), para(sentences(4), 7)},
			passages: 4,
			headings: [][]string{{"3 Prioriteiten"}, {"3 Prioriteiten", "3.1 Ondermijning"}, {"3 Prioriteiten", "3.2 Jeugd"}, {"4 Uitvoering"}},
			pages:    [][2]int{{4, 4}, {5, 5}, {6, 6}, {7, 7}},
		},
		{
			name:     "long paragraph cut at sentence ends",
			blocks:   []block{head(1, "Analyse", 2), para(sentences(40), 2)},
			passages: 3, headings: [][]string{{"Analyse"}, {"Analyse"}, {"Analyse"}}, pages: [][2]int{{2, 2}, {2, 2}, {2, 2}},
		},
		{
			name:     "text before any heading",
			blocks:   []block{para(sentences(5), 1)},
			passages: 1, headings: [][]string{{}}, pages: [][2]int{{1, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := split(tt.blocks)
			if len(ps) != tt.passages {
				t.Fatalf("got %d passages, want %d: %+v", len(ps), tt.passages, ps)
			}
			for i, p := range ps {
				n := utf8.RuneCountInString(p.Text)
				if n > maxPassage || n < 90 {
					t.Errorf("passage %d has %d characters", i, n)
				}
				if !slices.Equal(p.Headings, tt.headings[i]) && !(len(p.Headings) == 0 && len(tt.headings[i]) == 0) {
					t.Errorf("passage %d headings %q, want %q", i, p.Headings, tt.headings[i])
				}
				if p.PageFrom != tt.pages[i][0] || p.PageTo != tt.pages[i][1] || p.Ordinal != i {
					t.Errorf("passage %d: ordinal %d pages %d-%d, want %v", i, p.Ordinal, p.PageFrom, p.PageTo, tt.pages[i])
				}
			}
		})
	}
}

func TestSplitSizes(t *testing.T) {
	var blocks []block
	for i := range 60 {
		blocks = append(blocks, para(sentences(1+i%7), 1+i/6))
	}
	ps := split(blocks)
	for i, p := range ps {
		n := utf8.RuneCountInString(p.Text)
		if n > maxPassage || n < 300 && i < len(ps)-1 {
			t.Errorf("passage %d has %d characters, want 300-%d", i, n, maxPassage)
		}
	}
}

func TestCutKeepsText(t *testing.T) {
	text := sentences(37)
	pieces := cut(text)
	if len(pieces) < 3 {
		t.Fatalf("got %d pieces", len(pieces))
	}
	for i, p := range pieces {
		if !strings.HasSuffix(p, ".") {
			t.Errorf("piece %d does not end a sentence: %q", i, p[max(0, len(p)-20):])
		}
	}
	if strings.Join(pieces, " ") != text {
		t.Error("pieces do not add up to the text")
	}
}
