package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// maxPassage is the longest passage in characters: short paragraphs under
// one heading are merged up to it, longer ones are cut at sentence ends
// into balanced pieces. Passages come out between 300 and 1,500
// characters, except where a heading closes a shorter section.
const maxPassage = 1500

// heading is one step of a heading path.
type heading struct {
	level int
	text  string
}

// splitter packs blocks into passages.
type splitter struct {
	out      []corpus.Passage
	path     []heading
	parts    []string
	kinds    []blockKind
	size     int
	from, to int
}

// split turns blocks into passages at heading boundaries, merging short
// blocks and cutting long ones. Headings are not part of any passage's
// text; they form its heading path.
func split(blocks []block) []corpus.Passage {
	s := &splitter{}
	for _, b := range blocks {
		if b.kind == headingBlock {
			s.flush()
			s.enter(heading{b.level, b.text})
			continue
		}
		for _, piece := range cut(b.text) {
			if strings.TrimSpace(piece) != "" {
				s.add(piece, b)
			}
		}
	}
	s.flush()
	return s.out
}

// enter makes h the innermost heading, closing deeper and equal levels.
func (s *splitter) enter(h heading) {
	n := len(s.path)
	for n > 0 && s.path[n-1].level >= h.level {
		n--
	}
	s.path = append(s.path[:n:n], h)
}

func (s *splitter) add(text string, b block) {
	n := utf8.RuneCountInString(text)
	if s.size > 0 && s.size+n > maxPassage {
		s.flush()
	}
	if s.size == 0 {
		s.from = b.from
	}
	s.parts = append(s.parts, text)
	s.kinds = append(s.kinds, b.kind)
	s.size += n + 2 // the separator before the next part is at most 2 characters
	s.to = b.to
}

// flush closes the passage being built.
func (s *splitter) flush() {
	if len(s.parts) == 0 {
		return
	}
	var b strings.Builder
	for i, p := range s.parts {
		if i > 0 {
			b.WriteString(separator(s.kinds[i-1], s.kinds[i]))
		}
		b.WriteString(p)
	}
	headings := make([]string, len(s.path))
	for i, h := range s.path {
		headings[i] = h.text
	}
	s.out = append(s.out, corpus.Passage{
		Ordinal: len(s.out), PageFrom: s.from, PageTo: s.to, Headings: headings, Text: b.String(),
	})
	s.parts, s.kinds, s.size = s.parts[:0], s.kinds[:0], 0
}

// separator puts list items and table rows on lines of their own and a
// blank line between paragraphs.
func separator(prev, next blockKind) string {
	if prev == paraBlock || next == paraBlock {
		return "\n\n"
	}
	return "\n"
}

// cut splits text longer than maxPassage into as few balanced pieces as
// fit, at sentence ends where possible, else at spaces.
func cut(text string) []string {
	n := utf8.RuneCountInString(text)
	if n <= maxPassage {
		return []string{text}
	}
	k := (n + maxPassage - 1) / maxPassage
	i := cutPoint(text, len(text)/k)
	if i <= 0 || i >= len(text) {
		return []string{text}
	}
	return append(cut(strings.TrimSpace(text[:i])), cut(strings.TrimSpace(text[i:]))...)
}

// cutPoint returns the byte offset nearest target that ends a sentence,
// within half a piece of it; else the space nearest target; else the rune
// boundary at target.
func cutPoint(text string, target int) int {
	best, bestSpace := -1, -1
	for i := target / 2; i < min(len(text), target+target/2); i++ {
		if text[i] != ' ' {
			continue
		}
		if bestSpace < 0 || abs(i-target) < abs(bestSpace-target) {
			bestSpace = i
		}
		if sentenceEnd(text, i) && (best < 0 || abs(i-target) < abs(best-target)) {
			best = i
		}
	}
	switch {
	case best > 0:
		return best
	case bestSpace > 0:
		return bestSpace
	}
	for i := range text { // rune starts; an invalid byte is a rune of its own
		if i >= target {
			return i
		}
	}
	return len(text)
}

// sentenceEnd reports whether the space at i follows a sentence end and
// precedes the start of a new sentence.
func sentenceEnd(text string, i int) bool {
	if i < 2 || i+1 >= len(text) {
		return false
	}
	p := strings.TrimRight(text[:i], ")”\"'’")
	if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "!") && !strings.HasSuffix(p, "?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '•' || r == '“' || r == '"'
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
