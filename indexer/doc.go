// Package indexer turns what corpus.Store holds into the Bleve indexes that
// search reads, and rebuilds them without downtime.
//
// There are two indexes per generation: a plan index (one Bleve document
// per plan: its metadata, title and text split by veld with the headings
// above it) that finds the matching plans and holds the facet fields, and
// a passage index (one Bleve document per passage: stemmed text, its exact
// words and their consecutive pairs for phrases, headings, tags, pages)
// that ranks and supplies the passages shown. mapping.go is
// the one place where field names live; analysis*.go defines the Dutch
// analyzers that index and query share as bleve adapters over corpus/nl,
// which decides what a word is (tokens, folding, apostrophe plural, stop
// words, stems, compound parts).
//
// Add and Remove change the serving generation at once (an approval is
// searchable within seconds); changes made while a rebuild runs are
// replayed into the new generation before the swap.
//
// A rebuild writes a fresh generation directory from the store and swaps
// it in through bleve IndexAliases; the serving index is never rebuilt in
// place. It reads the store while earlier batches are written, several at
// a time (Options.RebuildWorkers). indexer imports corpus and corpus/nl
// only; it never extracts files.
package indexer
