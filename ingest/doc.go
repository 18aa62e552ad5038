// Package ingest turns bytes into corpus documents: it detects the type
// (PDF or HTML, by content), extracts the text page by page (pdf/, html/),
// normalises it, drops running headers, footers and the table of contents,
// splits it into passages with page numbers and heading paths, and detects
// the plan's metadata (gemeenten, periode, documenttype, vaststellingsdatum,
// title).
//
// The Pipeline stores what it extracted in corpus.Store and hands it to an
// index through the small Indexer interface declared here. ingest imports
// corpus only; it never imports indexer, search or ui. A panic in a parser
// is recovered and becomes that file's error.
package ingest
