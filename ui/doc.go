// Package ui is the web front end of ivp: the Dutch search pages for
// municipal safety advisers (OOV-adviseurs) and the CCV, the document pages,
// the original files, a JSON API under /api/v1 and the /healthz and /readyz
// probes. With Options.Submissions it also serves the public submission
// form (/indienen) and its status pages; with Options.Toets the
// kwaliteitstoets (/kwaliteitstoets, toets*.go): an uploaded plan kept as
// a draft, never indexed, read in the background while its link shows the
// progress, and its report (HTML, JSON, PDF); with Options.Curation and
// Options.Accounts the curator area (/beheer and /api/v1/beheer): login,
// review queue, review page with its actions, all documents, audit log.
// Every search has an Atom feed (/zoeken.atom, search_feed.go); the API
// is described in openapi.json, served at /api/v1/openapi.json and as the
// page /api; with Options.Metrics requests and searches are counted for
// Prometheus (metrics.go), served at /metrics behind the curator login
// or by cmd on an address of its own.
//
// The overview pages (/landelijk-beeld, /gemeenten/{code}, /speerpunten
// and their JSON twins) read every published plan from Documents and keep
// the result, a beeld, for one index generation (Searcher.Generation) and
// year; plan summaries (priorities, themes, kwaliteitstoets) are kept per
// plan version. The map (corpus/geo) and the matrix cells are rendered
// once per beeld through html/template or, for the cells, from escaped
// internal links only.
//
// Security lives here, at the boundary: sessions in an HttpOnly, SameSite
// cookie (Secure over TLS), a CSRF token on every state-changing request
// (bound to the session, or a signed double-submit cookie on the public
// forms), rate limits on submissions and logins (429), uploads read as a
// stream under a size limit and checked by their first bytes, redirects
// after login only to local /beheer paths, and a Content-Security-Policy
// without scripts on every answer. Every text from a document goes through
// html/template, never as template.HTML.
//
// New builds the whole http.Handler. All routes live in routes.go; handlers
// are short methods on handler that bind and validate the request, make one
// call to a dependency and render a typed page struct. Errors travel through
// one middleware (errors.go) that logs them with log/slog and answers with a
// Dutch error page or a JSON error. Templates and static files are embedded
// and parsed once, when New runs.
//
// ui may import corpus (domain types) and search (requests and results). It
// must not import ingest or indexer: it declares the small interfaces it
// consumes (Searcher, Documents, Readiness, and in curation.go
// Submissions, Curation and Accounts) and cmd passes the
// implementations in. ui never writes to the store or the index itself:
// submissions and curator actions go through those interfaces.
package ui
