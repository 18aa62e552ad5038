// Package tag labels passages with a veiligheidsveld (1-5, or 0 for process
// and general text), secondary velden, themes and a confidence.
//
// The method is a weighted lexicon over the taxonomy's indicator terms
// (corpus.Taxonomy, data files a curator can extend without a rebuild):
// text is read into words, folded and stemmed by corpus/nl, exactly as the
// index reads it; a word that is not a term itself matches a one-word term
// as the head or the modifier of a compound ("woninginbraak" → "inbraak")
// under the compound rules of nl.Compounds, the index's own. Every match
// is a vote for a theme in a veld. Headings give their votes to the
// passages under them, and a bullet list inherits from the paragraph that
// leads into it. The labelling rules of taxonomy.md decide the veld: three
// or more velden in one passage is an overview (veld 0), process words
// outweighing the safety words is veld 0, otherwise the strongest veld
// wins and the runners-up become secondary.
//
// tag imports corpus and corpus/nl only. It holds no mutable state after
// New (nl remembers the analysis of words), and it is safe for concurrent
// use. Eval and the labelled set in testdata/ measure it;
// BenchmarkTagLongPassages its speed (make bench).
package tag
