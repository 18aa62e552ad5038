// Package geo holds the map of the 342 Dutch municipalities of 2025
// (embedded TopoJSON, data/README.md names the source and attribution) and
// decodes it into rings of RD New coordinates in metres.
//
// geo imports nothing of ivp; it knows nothing of SVG or HTML (the web
// front end projects the rings onto its own drawing).
package geo
