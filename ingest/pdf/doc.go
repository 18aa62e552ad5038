// Package pdf reads the text layer of a PDF, page by page, as lines with
// their position, dominant font size and boldness, so that the caller can
// recognise headings, running headers and footers, and columns.
//
// It uses github.com/ledongthuc/pdf for the file structure, objects,
// streams, encryption and fonts' character maps, and rebuilds words and
// lines from glyph positions instead of using GetPlainText, which glues
// words together. The glyphs come from a content-stream interpreter of its
// own (built on the library's exported Interpret and Value API) rather
// than from Page.Content: measured on 40 Dutch government PDFs, Page.Content
// gives no widths for two-byte (CID) fonts, so words split at random, and
// skips form XObjects, so whole documents came out empty; it also re-reads
// each font at every font change. With the interpreter the median word F1
// against pdftotext went from 0.994 to 0.997, the worst file from 0 to 0.98,
// and a 131-page file from 3.2 s to 0.3 s.
//
// Lines are built from runs of glyphs drawn one after another on one
// baseline; runs are grouped into lines by baseline and sorted by X, and a
// space goes where the gap exceeds a fraction of the font size, or where a
// run starts well inside the previous one (OCR layers). A small run raised
// above a baseline (a footnote marker) joins the line below it. Pages whose
// text runs sideways are turned upright. Columns are found per horizontal
// band: rows of text that leave a common gutter free form a band, read
// column by column, while headings, paragraphs and tables that span the
// page stay in place above and below.
//
// Before giving up on a file it tries cheap repairs: junk before the
// header, a PDF 2.0 header, junk after the last %%EOF, and a rebuilt
// cross-reference table when the original one is missing, broken or loops.
// Files encrypted in a way the library cannot read (RC4 under 128 bits,
// V4 with RC4, AES-256 R5/R6) are decrypted here when the empty user (or
// owner) password opens them (decrypt*.go) and then read; a file that
// needs a real password is reported as ErrEncrypted.
//
// The library panics on hostile input, also from Open and Page; Open and
// Reader.Page recover and return ErrPanic, so one bad page loses only that
// page. Its content-stream lexer loops for ever on a stream that ends
// inside a hex string (found by FuzzExtract); such streams are recognised
// and skipped before they reach it. Other hangs inside the library cannot
// be interrupted from here: callers that read untrusted files should run
// extraction in a worker process with a deadline and a memory limit (as
// package ingest does).
//
// pdf imports no other ivp package. It knows nothing about passages,
// gemeenten or the store.
package pdf
