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
//     words of up to three bytes and numbers are their own stem; a double
//     consonant Snowball leaves after removing a suffix is undoubled, so
//     "diefstallen" is diefstal like "diefstal");
//   - compounds, under one set of rules (compound_rules.go: linking
//     morphemes -s-, -en- and -er-, prefixes and particles that are no
//     modifiers, suffixes that are no parts). The splitter covers a word
//     with the fewest parts from OpenTaal's Dutch word list (the words of
//     the list that are parts of other words in it, data/opentaal_parts.txt.gz,
//     BSD or CC-BY 3.0, see data/opentaal_README.md), preferring the
//     reviewed domain parts of data/compound_parts.txt, which are never
//     split themselves; it splits each part again, and keeps a word whole
//     when its parts are rarer parts of the list's words than the word
//     itself. Parts gives the index the stems of all parts; Compounds, a
//     dictionary of known words (the tagger's terms), finds them among
//     the same parts (Find), so the index and the tagger agree. The
//     splits were measured against testdata/compounds.tsv
//     (TestGoldSplits);
//   - Analyze: the analysis of one word (its form, stem, stop-word flag and
//     index terms), remembered in a bounded, concurrency-safe memo so that
//     callers need no caches of their own; Spans, ExactTerms, QueryTerms
//     and IndexTerms apply it to a text.
//
// nl is a leaf: it imports no other ivp package, only the standard
// library, golang.org/x/text and bleve's Snowball stemmer and Dutch
// stop-word list. Every package may import it. It must not know about
// indexes, documents or the taxonomy, and it holds no state apart from
// its memos and the splitter's dictionary, read once from embedded data
// on first use (about 20 ms and 4 MB), none of which changes an answer.
package nl
