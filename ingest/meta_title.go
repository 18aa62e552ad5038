package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus/nl"
)

// A document whose first page has no text (a cover that is a picture)
// shows its title nowhere as text on the cover. The title is then taken
// from the PDF's Info dictionary when that is plausible, else from the
// running header, which often repeats it on every page.

var (
	// fileNameRE matches titles that are file names or paths.
	fileNameRE = regexp.MustCompile(`(?i)\.(?:docx?|dotx?|pdf|pptx?|xlsx?|odt|rtf|txt|indd|qxp)$|\\|^/|^[a-z]:|^[^\s]*_[^\s]*$`)
	// genericTitleRE matches titles that name a program or template, not
	// the document.
	genericTitleRE = regexp.MustCompile(`(?i)^(?:microsoft (?:word|powerpoint|excel)\b|untitled|naamloos|document\s*\d*$|presentati(?:e|on)\s*\d*$|titel$|title$|sjabloon|template)`)
	// docWordRE matches words that documents are called by: a running
	// header that holds one can be a title.
	docWordRE = regexp.MustCompile(`(?i)plan|nota\b|rapport|beleid|programma|visie|strategie|agenda|monitor|verslag|onderzoek|analyse|evaluatie|terugblik|begroting|notitie|advies|veiligheidsbeeld`)
)

// coverHints is what the pages tell about the title before the running
// headers and footers are removed.
type coverHints struct {
	blank  bool   // the first page has no text
	header string // the running header, when it looks like a title
	front  string // the text of the first pages with text
}

func readCover(pages []page) coverHints {
	return coverHints{
		blank:  len(pages) > 0 && len(pages[0].lines) == 0,
		header: runningHeader(pages),
		front:  frontWithText(pages, frontPages),
	}
}

// title chooses the title of a document without text on its first page:
// the Info title when plausible, else the running header, else fallback.
func (c coverHints) title(info, fallback string) string {
	if plausibleInfo(info, c.front) {
		return info
	}
	if c.header != "" {
		return c.header
	}
	return fallback
}

// plausibleInfo reports whether an Info /Title can be the document's
// title: no file name or program name, and most of its words occur in
// the first pages.
func plausibleInfo(t, front string) bool {
	if !isTitle(t) || fileNameRE.MatchString(t) || genericTitleRE.MatchString(t) {
		return false
	}
	front = nl.Fold(front)
	n, found := 0, 0
	for _, w := range strings.Fields(nl.Fold(t)) {
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		n++
		if strings.Contains(front, w) {
			found++
		}
	}
	return n > 0 && 2*found >= n
}

// runningHeader returns the line at the top of most pages that looks like
// a title, read before the furniture is removed; "" when there is none.
func runningHeader(pages []page) string {
	counts := map[string]int{}
	var order []string
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range edgeIndexes(p) {
			l := p.lines[i]
			if seen[l.text] || p.height > 0 && l.y > p.height/2 || !headerTitle(l.text) {
				continue
			}
			seen[l.text] = true
			if counts[l.text]++; counts[l.text] == 1 {
				order = append(order, l.text)
			}
		}
	}
	best, n := "", max(2, (len(pages)+1)/2)-1
	for _, t := range order {
		if counts[t] > n {
			best, n = t, counts[t]
		}
	}
	return best
}

// headerTitle reports whether a running header can be a title: it names
// a kind of document and is no gemeente's name or page number.
func headerTitle(t string) bool {
	lower := nl.Fold(t)
	return isTitle(t) && docWordRE.MatchString(t) && !pageNumberRE.MatchString(t) &&
		!strings.HasPrefix(lower, "gemeente") && !strings.Contains(lower, "pagina")
}
