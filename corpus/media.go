package corpus

import (
	"bytes"
	"strings"
)

// Media types of the files the store keeps (Document.MediaType).
const (
	MediaPDF  = "application/pdf"
	MediaHTML = "text/html"
)

// SniffLen is how many leading bytes SniffMedia looks at.
const SniffLen = 1024

// SniffMedia returns the media type of a file by its first bytes, never by
// its name: MediaPDF when "%PDF-" occurs in the first SniffLen bytes,
// MediaHTML when they start (after a UTF-8 byte order mark and white
// space) with markup that names an HTML element, "" when data holds only
// white space, and "unknown" for anything else. Ingest and the upload
// forms share this rule, so a form never refuses what ingest takes.
func SniffMedia(data []byte) string {
	head := data[:min(len(data), SniffLen)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return MediaPDF
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 && len(bytes.TrimSpace(data)) == 0 {
		return ""
	}
	if looksHTML(trimmed) {
		return MediaHTML
	}
	return "unknown"
}

// htmlMarks are tags of which one, in the first bytes, makes markup HTML.
var htmlMarks = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<main",
	"<article", "<h1", "<div", "<p>", "<p "}

// looksHTML reports whether the start of a file is HTML markup.
func looksHTML(head []byte) bool {
	if len(head) == 0 || head[0] != '<' || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	h := strings.ToLower(string(head))
	for _, tag := range htmlMarks {
		if strings.Contains(h, tag) {
			return true
		}
	}
	return false
}
