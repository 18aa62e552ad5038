// Package search turns a user's query into Bleve requests and the results
// into pages of plans.
//
// A query is parsed by ParseQuery (words, "phrases", -exclusions, OR,
// field filters such as gemeente:Ede or jaar:2023..2026; invalid syntax
// degrades to plain text with a Dutch notice), widened with the thesaurus
// (data/thesaurus.tsv) and compiled into groups of alternatives. The plan
// index finds the matching plans; facets are counted in plans as bitmap
// intersections (bitfacets.go); the best plans are re-ranked by their best
// passages in the passage index (rank.go), which also gives the passages
// shown, highlighted by our own Highlighter. A quoted phrase selects plans
// through its passages, mapped to plans by an array per snapshot of the
// passage index (phraseplans.go). "Meer zoals dit" (Like) and
// "bedoelde u" (Suggest) work from the index's terms. Results are cached
// per index generation.
//
// Words are corpus/nl's: the highlighter reads a passage with nl.Spans and
// marks a word when one of its index terms is a query term, and the
// thesaurus matches on nl's exact forms, so both agree with the index.
//
// search is read-only: it never writes to the index or the store. It may
// import indexer (for field names, the analyzers and the serving index),
// corpus and corpus/nl.
package search
