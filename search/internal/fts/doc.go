// Package fts is the baseline the issue measures our search against: the
// faceted search "a user could build in a day" on SQLite FTS5, with no
// Dutch analysis. Passages go into one fts5 table (unicode61 tokenizer,
// diacritics removed) with their headings; plan metadata and passage tags
// go into plain tables with indexes on the join columns. Plans are ranked
// by the bm25 of their best passage; facets count plans, each filtered
// facet counted without its own filter.
//
// It is used by the relevance suite (Rank) and the large-corpus benchmark
// (Search) of package search, and by nothing in production. It may import
// corpus and the SQLite driver; it must not import search or indexer, so
// that it stays an independent peer.
package fts
