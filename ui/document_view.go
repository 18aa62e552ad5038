package ui

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// documentPage is the view of one plan.
type documentPage struct {
	Layout       layoutData
	Title        string
	TypeLabel    string
	Type         string
	Gemeenten    []string // "Arnhem (Gelderland)"
	Periode      string
	Vastgesteld  string
	Pages        string // "48 pagina's"
	FileName     string
	FileSize     string
	FileKind     string // "PDF", "HTML"
	SourceURL    string // the web address the file came from, if any
	SourceHost   string // its host name, shown as the link text
	Added        string
	FileURL      string
	LikeURL      string // plans like this one
	PassageCount string
	Contents     []tocEntry
	Passages     []documentPassage
	Velden       []veldShare     // share of the text per veld
	Priorities   []string        // the priorities found, as theme labels
	Checklist    checklistView   // the kwaliteitstoets
	OCR          ocrView         // pages read by OCR
	Lifecycle    []lifecycleStep // predecessors, its IVP, follow-ups, successors
}

// tocEntry is an outermost heading with the passage where it starts.
type tocEntry struct {
	Text, Anchor string
}

// documentPassage is one passage in reading order with the headings that
// start at it.
type documentPassage struct {
	Anchor     string // id of the element: passage-N
	PageLabel  string
	PageURL    string
	Headings   []headingView
	Paragraphs []string
	Tags       tagsView
	OCR        bool // the text is (partly) from a page read by OCR
}

// headingView is a heading at a level 2..6 (the title is level 1).
type headingView struct {
	Level int
	Text  string
}

// newDocumentPage builds the view of plan d with its passages.
func (h *handler) newDocumentPage(d corpus.Document, passages []corpus.Passage) documentPage {
	name, src := sourceName(d)
	p := documentPage{Layout: h.layout(d.Title, true), Title: d.Title,
		TypeLabel: d.Type.Label(), Type: string(d.Type), Periode: periode(d.Periode()),
		Vastgesteld: isoDatum(d.Vastgesteld), FileName: name, FileSize: grootte(d.Size),
		FileKind: fileKind(d.MediaType), SourceURL: src, SourceHost: hostOf(src),
		Added: datum(d.Created), FileURL: fileURL(d.ID, 0), LikeURL: "/?like=" + strconv.FormatInt(d.ID, 10),
		PassageCount: aantal(len(passages), "passage", "passages")}
	if d.Pages > 0 {
		p.Pages = aantal(d.Pages, "pagina", "pagina's")
	}
	for _, g := range d.Gemeenten {
		p.Gemeenten = append(p.Gemeenten, h.gemeenteLabel(g))
	}
	p.Passages, p.Contents = documentPassages(d.ID, passages)
	for i, ps := range passages {
		p.Passages[i].Tags = h.passageTags(ps)
	}
	p.Velden, p.Priorities = h.veldOverview(passages)
	p.Checklist = checklistViewOf(d.ID, corpus.CheckPlan(passages))
	p.OCR = ocrViewOf(d, func(n int) string { return fileURL(d.ID, n) })
	return p
}

// documentPassages lays the passages out in reading order, with a heading
// wherever the heading path changes, and lists the outermost headings.
func documentPassages(id int64, passages []corpus.Passage) ([]documentPassage, []tocEntry) {
	var out []documentPassage
	var toc []tocEntry
	var prev []string
	for _, ps := range passages {
		dp := documentPassage{Anchor: "passage-" + strconv.Itoa(ps.Ordinal),
			PageLabel: pagina(ps.PageFrom, ps.PageTo), PageURL: fileURL(id, ps.PageFrom),
			Paragraphs: paragraphs(ps.Text), OCR: ps.OCR}
		first := firstChange(prev, ps.Headings)
		for i := first; i < len(ps.Headings); i++ {
			dp.Headings = append(dp.Headings, headingView{Level: min(i+2, 6), Text: ps.Headings[i]})
		}
		if first == 0 && len(ps.Headings) > 0 {
			toc = append(toc, tocEntry{Text: ps.Headings[0], Anchor: dp.Anchor})
		}
		out, prev = append(out, dp), ps.Headings
	}
	return out, toc
}

// hostOf is the host of a web address without "www.", for link texts.
func hostOf(webURL string) string {
	u, err := url.Parse(webURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// firstChange is the index of the first heading in cur that differs from
// prev, or len(cur) when cur adds nothing new.
func firstChange(prev, cur []string) int {
	for i := range cur {
		if i >= len(prev) || prev[i] != cur[i] {
			return i
		}
	}
	return len(cur)
}

// sourceName is the file name to show and to offer on download, and the
// web address of the source when it came from one.
func sourceName(d corpus.Document) (name, webURL string) {
	src := strings.TrimSpace(d.Source)
	if u, err := url.Parse(src); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		webURL, src = src, u.Path
	}
	name = path.Base(strings.ReplaceAll(src, `\`, "/"))
	if name == "." || name == "/" || name == "" {
		name = "document-" + strconv.FormatInt(d.ID, 10) + extension(d.MediaType)
	}
	return name, webURL
}

func fileKind(mediaType string) string {
	switch mediaType {
	case "application/pdf":
		return "PDF"
	case "text/html":
		return "HTML"
	}
	return "bestand"
}

func extension(mediaType string) string {
	switch mediaType {
	case "application/pdf":
		return ".pdf"
	case "text/html":
		return ".html"
	}
	return ""
}

var (
	blankLine = regexp.MustCompile(`\n[ \t]*\n`)
	// bullet starts a line that is a list item and keeps its line break.
	bullet = regexp.MustCompile(`^\s*([•·▪◦*–-]|\d+[.)]|[a-z][.)])\s`)
)

// paragraphs splits passage text on blank lines and unwraps the lines of
// each paragraph, keeping the line breaks before list items.
func paragraphs(text string) []string {
	var out []string
	for _, para := range blankLine.Split(strings.TrimSpace(text), -1) {
		var b strings.Builder
		for i, line := range strings.Split(para, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
				continue
			case i > 0 && bullet.MatchString(line):
				b.WriteString("\n")
			case i > 0:
				b.WriteString(" ")
			}
			b.WriteString(line)
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}
