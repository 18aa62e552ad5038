// Package html extracts the main text of a web page (a municipal page that
// publishes a safety plan as HTML) as a list of blocks: headings with their
// level, paragraphs, list items and table rows, in reading order.
//
// It keeps the main content only: the first of main, article, [role=main]
// and #content, else the body; navigation, site header and footer, asides,
// scripts, styles, forms and cookie banners (class or id containing
// "cookie") are dropped. The page's character set is honoured.
//
// html uses github.com/PuerkitoBio/goquery and imports no other ivp
// package. It does not split passages or detect metadata; package ingest
// does that for PDF and HTML alike.
package html
