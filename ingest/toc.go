package ingest

import (
	"regexp"
	"strings"
)

// Patterns of a table of contents.
var (
	tocTitleRE  = regexp.MustCompile(`(?i)^(inhoudsopgave|inhoud|inhoudstafel|table of contents|contents)\s*:?$`)
	dotLeaderRE = regexp.MustCompile(`(\.\s?){4,}\s*\d{1,4}$|…{2,}\s*\d{1,4}$|[·_]{4,}\s*\d{1,4}$`)
	tocEntryRE  = regexp.MustCompile(`^\S.{0,120}?\s\d{1,4}$`)
)

// markTOC finds the pages of the table of contents (a page titled
// Inhoudsopgave or Inhoud, or one full of dot leaders, and the pages that
// continue it) and drops their entries; dot-leader lines elsewhere go too.
// It works on rows, so an entry whose page number is set apart at the
// right margin counts as one line.
func markTOC(pages []page) {
	for i := range pages {
		p := &pages[i]
		rows := rowTexts(p.lines)
		leaders, entries := tocCounts(rows)
		n := len(rows)
		switch {
		case hasTOCTitle(rows) && entries*2 >= n-1:
			p.toc = true
		case n > 0 && leaders >= 3 && leaders*10 >= n*3:
			p.toc = true
		case i > 0 && pages[i-1].toc && n > 0 && entries*2 >= n:
			p.toc = true
		}
		p.lines = dropTOCRows(p.lines, rows, p.toc)
	}
}

// rowText is the text of the lines that share a baseline, and their
// indexes in the page.
type rowText struct {
	text  string
	lines []int
}

func rowTexts(lines []line) []rowText {
	var rows []rowText
	for i, l := range lines {
		n := len(rows)
		if n > 0 && sameRow(lines[rows[n-1].lines[0]], l) {
			rows[n-1].text += " " + l.text
			rows[n-1].lines = append(rows[n-1].lines, i)
			continue
		}
		rows = append(rows, rowText{text: l.text, lines: []int{i}})
	}
	return rows
}

// tocCounts counts dot-leader rows and rows that end in a page number.
func tocCounts(rows []rowText) (leaders, entries int) {
	for _, r := range rows {
		if dotLeaderRE.MatchString(r.text) {
			leaders++
		}
		if tocEntryRE.MatchString(r.text) {
			entries++
		}
	}
	return leaders, entries
}

func hasTOCTitle(rows []rowText) bool {
	for i, r := range rows {
		if i >= 5 {
			break
		}
		if tocTitleRE.MatchString(r.text) {
			return true
		}
	}
	return false
}

// dropTOCRows removes dot-leader rows anywhere and, on a TOC page, its
// title, entries and the short rows between them; longer prose stays.
func dropTOCRows(lines []line, rows []rowText, toc bool) []line {
	drop := map[int]bool{}
	for _, r := range rows {
		t := r.text
		gone := dotLeaderRE.MatchString(t) ||
			toc && (tocTitleRE.MatchString(t) || tocEntryRE.MatchString(t) || len(t) < 80 && !strings.HasSuffix(t, "."))
		for _, i := range r.lines {
			drop[i] = gone
		}
	}
	return without(lines, drop)
}
