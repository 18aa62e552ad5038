// Package nl is the one Dutch text layer of ivp: what a word is and what
// it means for matching. The index, the query parser, the highlighter, the
// tagger, metadata detection and the checklist all go through it, so they
// agree on every word.
//
// It provides:
//   - folding (Fold, FoldBytes): lower case, diacritics removed,
//     compatibility forms decomposed ("Geïntegreerde" = "geintegreerde",
//     "ĳ" = "ij"); Unaccent does the same but keeps the case, for names;
//   - one tokenizer with byte offsets (AppendTokens): a word is a run of
//     letters, digits and combining marks, with apostrophes between
//     letters, full stops between letters or digits, commas between
//     digits and underscores inside it; hyphens, slashes and all other
//     punctuation separate words;
//   - the apostrophe plural and possessive (StripApostrophes: "camera's"
//     and "BOA’s" are camera and boa; "zo'n" is zon);
//   - the Dutch stop words (IsStop) and the Snowball Dutch stem (Stem;
//     words of up to three bytes and numbers are their own stem);
//   - compounds (Compounds): a dictionary of known words found inside
//     compound words as head or modifier, under one set of rules (linking
//     morphemes, prefixes that are no modifiers, derivational suffixes).
//     Parts splits a stem against the reviewed dictionary of policy words
//     in data/compound_parts.txt, which the index uses; the tagger builds
//     a Compounds of its taxonomy terms;
//   - Analyze: the analysis of one word (its form, stem, stop-word flag and
//     index terms), remembered in a bounded, concurrency-safe memo so that
//     callers need no caches of their own; Spans, ExactTerms, QueryTerms
//     and IndexTerms apply it to a text.
//
// nl is a leaf: it imports no other ivp package, only the standard
// library, golang.org/x/text and bleve's Snowball stemmer and Dutch
// stop-word list. Every package may import it. It must not know about
// indexes, documents or the taxonomy, and it holds no state apart from
// the memo, which never changes an answer.
package nl
