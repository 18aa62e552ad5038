// Package corpus is the source of truth of ivp: the domain types (Document,
// Passage, Gemeente, DocType) and the Store that keeps document metadata and
// passages in SQLite and the original files content-addressed on disk.
//
// The Store also keeps the curation records: curator accounts (bcrypt
// password hashes) and their sessions (only token hashes), public
// submissions with their status tokens, earlier versions of replaced files
// and the audit log; every change and its audit entry commit in one
// transaction. The gemeenten register (the 342 of 2025 and the former
// gemeenten of data/herindelingen.tsv that went into them), their CBS
// population classes
// (data/inwoners.tsv), their veiligheidsregio's (data/veiligheidsregios.tsv)
// and the taxonomy are embedded data; the map of the gemeenten is in
// corpus/geo.
//
// Everything else in ivp (the search index, the web pages) is derived from
// what the Store holds and can be rebuilt from it. Backup copies the store
// while it is in use (a database snapshot, the original files and a
// manifest of their hashes); Restore verifies such a copy and puts it in
// a new data directory.
//
// corpus imports no other ivp package apart from corpus/nl (the checklist
// matches folded text). It must not know about Bleve, Gin or PDF parsing.
package corpus
