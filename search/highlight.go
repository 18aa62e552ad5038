package search

import (
	"html"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

// SnippetLength is about how many characters of a passage a snippet shows.
const SnippetLength = 240

// Highlighter marks the words of passages that match a parsed query: its
// words (as the index analyzer matches them, so "inbraak" marks
// "woninginbraak" and "camera" marks "camera's"), its exact phrases, and
// the thesaurus alternatives of its words. It needs no term vectors. It is
// read-only after NewHighlighter and safe for concurrent use.
type Highlighter struct {
	terms    map[string]int // query-analyzer term -> query item it belongs to
	prefixes []string       // the first bytes of every term, to skip most words cheaply
	phrases  []hlPhrase
	items    int // query items so far; each word, phrase or span is one
}

// hlPhrase is a sequence of words that must follow each other.
type hlPhrase struct {
	words []string // exact terms, or query-analyzer terms when stemmed
	exact bool     // the user's quoted phrase: exact terms, stop words count
	item  int
}

func (h *Highlighter) addPrefix(term string) {
	if p := hlPrefix(term); !slices.Contains(h.prefixes, p) {
		h.prefixes = append(h.prefixes, p)
	}
}

// hlPrefix is the start of a stem that a word must contain to be worth
// analysing: compound parts are substrings of the word, and stemming
// changes a word's end, at most undoubling the vowel before its last
// consonant ("taak" -> tak, "straat" -> strat).
func hlPrefix(stem string) string {
	if len(stem) <= 4 {
		return stem[:max(1, len(stem)-1)]
	}
	return stem[:4]
}

// NewHighlighter prepares the terms of q (its clauses, not its exclusions)
// and, when th is not nil, of their thesaurus alternatives.
func NewHighlighter(q ParsedQuery, th *Thesaurus) *Highlighter {
	h := &Highlighter{terms: map[string]int{}}
	var plain []string // the words, for thesaurus terms of several words
	for _, t := range q.Positive() {
		item := h.items
		h.items++
		if t.Phrase {
			h.addPhrase(nl.ExactTerms(t.Text), true, item)
			continue
		}
		plain = append(plain, t.Text)
		h.addWords(t.Text, item)
		if th != nil {
			h.addAlternatives(th.Expand(t.Text), item)
		}
	}
	if th != nil {
		for _, s := range th.Spans(plain) {
			h.addAlternatives(s.Alternatives, h.items)
			h.items++
		}
	}
	return h
}

func (h *Highlighter) addAlternatives(alts []Alternative, item int) {
	for _, alt := range alts {
		h.addWords(alt.Text, item)
	}
}

// addWords adds a word, or a stemmed phrase when text has several words.
func (h *Highlighter) addWords(text string, item int) {
	terms := nl.QueryTerms(text)
	if len(terms) > 1 {
		h.addPhrase(terms, false, item)
		return
	}
	for _, t := range terms {
		if _, ok := h.terms[t]; !ok {
			h.terms[t] = item
			h.addPrefix(t)
		}
	}
}

func (h *Highlighter) addPhrase(words []string, exact bool, item int) {
	if len(words) == 0 {
		return
	}
	h.phrases = append(h.phrases, hlPhrase{words: words, exact: exact, item: item})
	for _, w := range words {
		h.addPrefix(w)
	}
}

// hlWord is a word of a passage and what it matched.
type hlWord struct {
	nl.Span
	stems []string // its index terms, for candidate words only
	item  int      // the query item it matches, or -1
}

// Snippet returns about SnippetLength characters of text around its
// densest cluster of matches, HTML-escaped, with matching words wrapped in
// <mark> and "…" where the text was cut.
func (h *Highlighter) Snippet(text string) string {
	words := h.match(text)
	if len(words) == 0 {
		r := []rune(text)
		return html.EscapeString(string(r[:min(len(r), SnippetLength)]))
	}
	from, to := h.window(words)
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := words[from].Start
	if from == 0 {
		pos = 0
	}
	for i := from; i < to; i++ {
		w := words[i]
		if w.item < 0 {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:w.Start]))
		end := i
		for end+1 < to && words[end+1].item >= 0 && strings.TrimSpace(text[words[end].End:words[end+1].Start]) == "" {
			end++
		}
		b.WriteString("<mark>" + html.EscapeString(text[w.Start:words[end].End]) + "</mark>")
		pos, i = words[end].End, end
	}
	if to < len(words) {
		b.WriteString(html.EscapeString(text[pos:words[to-1].End]) + "…")
	} else {
		b.WriteString(html.EscapeString(text[pos:]))
	}
	return b.String()
}

// match finds the words of text that match a query item.
func (h *Highlighter) match(text string) []hlWord {
	spans := nl.Spans(text)
	words := make([]hlWord, len(spans))
	for i, w := range spans {
		words[i] = hlWord{Span: w, item: -1}
		if !h.candidate(w.Form) {
			continue
		}
		words[i].stems = w.Terms
		for _, s := range words[i].stems {
			if item, ok := h.terms[s]; ok {
				words[i].item = item
				break
			}
		}
	}
	for _, p := range h.phrases {
		p.mark(words)
	}
	return words
}

func (h *Highlighter) candidate(term string) bool {
	for _, p := range h.prefixes {
		if strings.Contains(term, p) {
			return true
		}
	}
	return false
}

// mark sets item on every run of words that spells the phrase. Stemmed
// phrases skip stop words, as the index does.
func (p hlPhrase) mark(words []hlWord) {
	for i := range words {
		run, ok := p.matchAt(words, i)
		if !ok {
			continue
		}
		for _, j := range run {
			words[j].item = p.item
		}
	}
}

func (p hlPhrase) matchAt(words []hlWord, i int) ([]int, bool) {
	var run []int
	for k := 0; k < len(p.words); i++ {
		if i >= len(words) {
			return nil, false
		}
		w := words[i]
		if !p.exact && w.Stop && len(run) > 0 {
			continue // a stop word inside a stemmed phrase
		}
		if !p.has(w, p.words[k]) {
			return nil, false
		}
		run = append(run, i)
		k++
	}
	return run, true
}

func (p hlPhrase) has(w hlWord, want string) bool {
	if p.exact {
		return w.Form == want
	}
	for _, s := range w.stems {
		if s == want {
			return true
		}
	}
	return false
}

// window picks the words [from, to) to show: the span of at most
// SnippetLength bytes with the most distinct matched items (then the most
// matches), widened with context on both sides.
func (h *Highlighter) window(words []hlWord) (from, to int) {
	best, bestScore := -1, 0
	for i, w := range words {
		if w.item < 0 {
			continue
		}
		seen := map[int]bool{}
		matches := 0
		for j := i; j < len(words) && words[j].End-w.Start <= SnippetLength; j++ {
			if words[j].item >= 0 {
				seen[words[j].item] = true
				matches++
			}
		}
		if score := len(seen)*1000 + matches; score > bestScore {
			best, bestScore = i, score
		}
	}
	start := 0
	if best >= 0 {
		last := best
		for j := best; j < len(words) && words[j].End-words[best].Start <= SnippetLength; j++ {
			if words[j].item >= 0 {
				last = j
			}
		}
		slack := SnippetLength - (words[last].End - words[best].Start)
		start = max(0, words[best].Start-slack/2)
	}
	for from = 0; from < len(words) && words[from].Start < start; from++ {
	}
	if from > 0 && words[from].Start <= SnippetLength/8 {
		from = 0 // do not cut a few words off the start
	}
	for to = from; to < len(words) && words[to].End-words[from].Start <= SnippetLength; to++ {
	}
	return from, max(to, from+1)
}
