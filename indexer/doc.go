// Package indexer turns what corpus.Store holds into the Bleve indexes that
// search reads, and rebuilds them without downtime.
//
// There are two indexes per generation: a plan index (one Bleve document
// per plan: its metadata, title and full text) that ranks plans and counts
// facets in numbers of plans, and a passage index (one Bleve document per
// passage) that supplies the best passages, their pages and highlighted
// snippets for the plans on a result page. mapping.go is the one place where
// field names and analyzers live.
//
// A rebuild writes a fresh generation directory from the store and swaps
// it in through bleve IndexAliases; the serving index is never rebuilt in
// place. indexer imports corpus only; it never extracts files.
package indexer
