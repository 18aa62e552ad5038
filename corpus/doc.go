// Package corpus is the source of truth of ivp: the domain types (Document,
// Passage, Gemeente, DocType) and the Store that keeps document metadata and
// passages in SQLite and the original files content-addressed on disk.
//
// Everything else in ivp (the search index, the web pages) is derived from
// what the Store holds and can be rebuilt from it.
//
// corpus imports no other ivp package. It must not know about Bleve, Gin or
// PDF parsing.
package corpus
