// Package harvest finds plans on public web sites: it reads listing pages
// (a gemeente's page on safety policy, search results of the gemeenteblad
// or of a regulations register), follows the links a CSS selector picks to
// PDF and HTML documents, and puts every new document into the review
// queue as geoogst, with the address it came from, the listing that linked
// it and what the listing showed of it (title, date).
//
// It is polite: it obeys robots.txt (and its Crawl-delay), sends at most
// one request per Options.HostInterval to a host, names itself with a
// contact address, asks conditionally (ETag, If-Modified-Since), limits
// every document in size and time, and follows redirects only to http(s)
// on public addresses. A document already stored (same file, or same address with
// the same content) is not stored again; a document changed at its
// address is stored as a new version for the curator to review.
//
// A bad source (unreachable, a listing on which the selector finds
// nothing, an error or login page) is recorded with a Dutch reason and
// never stops the other sources.
//
// It may import corpus and ingest; it must not import indexer or ui:
// harvested documents are pending and reach the index only when a curator
// approves them.
package harvest
