// Package realtext reads the real-text set: public texts of real Dutch
// municipalities (plans, uitvoeringsplannen, begrotingen, regelingen, news
// items and web pages) that the project did not write, with passages
// labelled by hand after testdata/realtext/LABELLING.md.
//
// The repository keeps only facts about the texts (testdata/realtext/
// docs.tsv: URL, gemeenten, document type, length and SHA-256 of each text;
// passages.tsv: offset, length and a hash of each passage and its labels).
// The texts themselves are third-party and live in a git-ignored cache
// (testdata/realtext/cache/text/<id>.txt), written by `ivp realtext import`;
// Load verifies every text and passage against its hash. Code that needs
// the texts skips with ErrNoCache when the cache is absent.
//
// The set is split by gemeente into a dev half (looked at, built from) and
// a test half (only ever scored): see HalfOf.
//
// realtext imports corpus only; it never writes outside the cache.
package realtext
