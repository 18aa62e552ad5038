// Package ingest turns bytes into corpus documents: it detects the type
// (PDF or HTML, by content), extracts the text page by page (pdf/, html/),
// normalises it, drops running headers, footers and the table of contents,
// splits it into passages with page numbers and heading paths, and detects
// the plan's metadata (gemeenten, periode, documenttype, vaststellingsdatum,
// title). Metadata detection keeps its own tokens, because gemeente names
// are matched whole ("'s-Hertogenbosch", "Súdwest-Fryslân"), but ignores
// diacritics through corpus/nl.
//
// The Curator (review*.go) takes submissions (an upload or the URL of an
// HTML plan, checked by content and size while it streams in), extracts
// and tags them and stores them as pending; approve, reject, edit,
// withdraw and replace change the store and the index together, undoing
// the store change when the index refuses it.
//
// The Pipeline stores what it extracted in corpus.Store and hands it to an
// index through the small Indexer interface declared here. ingest imports
// corpus and corpus/nl only; it never imports indexer, search or ui. A panic in a parser
// is recovered and becomes that file's error.
//
// A hang or a runaway allocation inside the PDF library cannot be stopped
// from inside the process, so with Options.Worker set Extract runs each
// file in a worker process (the ivp binary re-executed with a hidden
// subcommand that calls ServeWorker; in tests the test binary, through
// TestMain). The parent sends the options as gob on the worker's stdin,
// followed by the file's bytes, or gives it the path of a file to read
// itself (ExtractFile: an upload spooled to disk never passes through the
// parent); it reads the result from the worker's stdout and kills it at
// Options.Timeout ("tijdslimiet overschreden"). The worker holds itself to
// Options.MemoryLimit before it reads the file: on Linux a hard limit on
// its data memory (RLIMIT_DATA), at which its next allocation fails
// ("geheugenlimiet overschreden"), and a Go soft limit below it; elsewhere
// only the soft limit, which HardMemoryLimit reports. A worker that dies
// otherwise (a runtime fatal error, the kernel's OOM killer) gives
// ErrPanic. A file without a text layer is refused with ErrNoText and its
// page count in Error.Pages, which the pipeline records with the rejection.
//
// With Options.OCR set (the paths of pdftoppm and tesseract), the pages of
// a PDF with no text layer but an image are read by OCR instead (ocr/,
// read_ocr*.go), page by page in the extraction, so in the worker under
// its limits: the time limit grows by OCR.PageTimeout for each such page,
// each page is held to that limit alone, a file with more than
// OCR.MaxPages such pages is refused ("te veel gescande pagina's voor
// OCR"), and a page too large or holding nothing legible is left without
// text, with a note. The document lists the pages read (corpus.OCRPage,
// with their confidence) and their passages carry the OCR mark; a curator
// can have a page read again with more effort (Curator.RereadPage). Progress
// per page reaches the caller through WithProgress, from the worker as
// replies that precede its result.
package ingest
