// Package ui is the web front end of ivp: the Dutch search pages for
// municipal safety advisers (OOV-adviseurs) and the CCV, the document pages,
// the original files, a JSON API under /api/v1 and the /healthz and /readyz
// probes.
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
// consumes (Searcher, Documents, Readiness) and cmd passes the
// implementations in. ui never writes to the store or the index.
package ui
