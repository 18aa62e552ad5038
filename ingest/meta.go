package ingest

import (
	"regexp"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// frontPages is how many pages metadata is looked for on.
const frontPages = 3

// detectMeta fills in title, type, period, adoption date and gemeenten
// from the title and the first pages; texts are the page texts.
func (x *Extractor) detectMeta(d *corpus.Document, doc *layout, texts []string, fallback string) {
	d.Title = chooseTitle(doc, fallback)
	head := d.Title + "\n" + doc.extra
	cover, front := frontWithText(doc.pages, 1), frontWithText(doc.pages, frontPages)
	d.Type = detectType(head, cover, front)
	d.PeriodStart, d.PeriodEnd = detectPeriod(head, doc.frontText(1), front, d.Type)
	d.Vastgesteld = detectVastgesteld(front, doc.backText(2))
	d.Gemeenten = x.gm.detect(head, texts)
}

// frontWithText joins the first n pages that have text: a cover that is an
// image (or outlined text) must not hide the title page behind it.
func frontWithText(pages []page, n int) string {
	var with []page
	for _, p := range pages {
		if len(with) == n {
			break
		}
		if len(p.lines) > 0 {
			with = append(with, p)
		}
	}
	return textOf(with)
}

// chooseTitle takes the source's title, else the first heading, else the
// file name.
func chooseTitle(doc *layout, fallback string) string {
	if doc.title != "" {
		return doc.title
	}
	for _, b := range doc.blocks {
		if b.kind == headingBlock {
			return b.text
		}
	}
	return fallback
}

// typeRules recognise document types by the words used for them.
var typeRules = []struct {
	t  corpus.DocType
	re *regexp.Regexp
}{
	{corpus.TypeEvaluatie, regexp.MustCompile(`(?i)\b(?:tussen|eind|mid-?term)?evaluatie|\bterugblik\b|\bevaluation\b`)},
	{corpus.TypeUitvoeringsplan, regexp.MustCompile(`(?i)uitvoeringsplan|uitvoeringsprogramma|uitvoeringsagenda|jaarplan|jaarprogramma|jaarschijf|\bactieplan`)},
	{corpus.TypeVeiligheidsanalyse, regexp.MustCompile(`(?i)veiligheidsanalyse|veiligheidsbeeld|veiligheidsmonitor|analyse (?:van de )?veiligheid`)},
	{corpus.TypeIVP, regexp.MustCompile(`(?i)integra(?:al|le) veiligheidsplan|integraal veiligheidsbeleid|\bIVP\b|veiligheidsplan|veiligheidsbeleid|veiligheidsstrategie|veiligheidsagenda|kadernota (?:integrale )?veiligheid`)},
}

// detectType decides by the type word that comes first on the title,
// else on the cover; else by the type named most often on the first
// pages (an IVP on a tie); else anders.
func detectType(head, cover, front string) corpus.DocType {
	for _, text := range []string{head, cover} {
		if t, ok := firstType(text); ok {
			return t
		}
	}
	best, n := corpus.TypeAnders, 0
	for _, r := range typeRules {
		c := len(r.re.FindAllStringIndex(front, -1))
		if c > n || c == n && c > 0 && r.t == corpus.TypeIVP {
			best, n = r.t, c
		}
	}
	return best
}

// firstType returns the type whose word appears first in text.
func firstType(text string) (corpus.DocType, bool) {
	best, pos := corpus.TypeAnders, -1
	for _, r := range typeRules {
		if loc := r.re.FindStringIndex(text); loc != nil && (pos < 0 || loc[0] < pos) {
			best, pos = r.t, loc[0]
		}
	}
	return best, pos >= 0
}

// pdfTitle returns the largest text on the first page that has text: the
// consecutive lines in the largest size, skipping text that is only a
// gemeente's name, a year or a logo.
func pdfTitle(pages []page) string {
	for _, p := range pages[:min(2, len(pages))] {
		if t := largestText(p.lines); t != "" {
			return t
		}
	}
	return ""
}

// largestText tries the sizes of a page from large to small.
func largestText(lines []line) string {
	tried := map[float64]bool{}
	for range 3 {
		size := 0.0
		for _, l := range lines {
			if z := roundSize(l.size); !tried[z] && z > size {
				size = z
			}
		}
		if size == 0 {
			return ""
		}
		tried[size] = true
		if t := textInSize(lines, size); isTitle(t) {
			return t
		}
	}
	return ""
}

// textInSize joins the first run of consecutive lines in one size.
func textInSize(lines []line, size float64) string {
	var run []string
	for _, l := range lines {
		if roundSize(l.size) == size {
			run = append(run, l.text)
			continue
		}
		if len(run) > 0 {
			break
		}
	}
	return joinLines(run)
}

var notTitleRE = regexp.MustCompile(`(?i)^(gemeenten?\s+\S+|[\d\s\-–/]+|concept|definitief|versie.*)$`)

func isTitle(t string) bool {
	n := utf8.RuneCountInString(t)
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return n >= 4 && n <= 200 && letters >= 3 && !notTitleRE.MatchString(t)
}
