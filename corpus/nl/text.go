package nl

// Span is one word of a text with its analysis.
type Span struct {
	Start, End int // byte offsets of the word in the text
	*Word
}

// Spans returns the words of text in order with their offsets and
// analyses; no word is dropped. A highlighter's view of a passage.
func Spans(text string) []Span {
	toks := AppendTokens(make([]Token, 0, len(text)/6), text)
	out := make([]Span, len(toks))
	for i, t := range toks {
		out[i] = Span{Start: t.Start, End: t.End, Word: Analyze(text[t.Start:t.End])}
	}
	return out
}

// ExactTerms returns the forms of the words of text, in order: the terms
// of the exact field, stop words included.
func ExactTerms(text string) []string {
	return collect(text, func(w *Word, out []string) []string { return append(out, w.Form) })
}

// QueryTerms returns the stems of the words of text that are no stop
// words, in order: what a search for text looks up in the stemmed fields.
// Compounds are not split: a query "woninginbraak" asks for that word.
func QueryTerms(text string) []string {
	return collect(text, func(w *Word, out []string) []string {
		if w.Stop {
			return out
		}
		return append(out, w.Stem)
	})
}

// IndexTerms returns the terms the stemmed fields hold for text, in
// order: each word's Terms, compound parts included.
func IndexTerms(text string) []string {
	return collect(text, func(w *Word, out []string) []string { return append(out, w.Terms...) })
}

func collect(text string, add func(*Word, []string) []string) []string {
	var toks [32]Token
	var out []string
	for _, t := range AppendTokens(toks[:0], text) {
		out = add(Analyze(text[t.Start:t.End]), out)
	}
	return out
}
