package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
)

// Patterns of periods and dates.
var (
	periodRE  = regexp.MustCompile(`(?i)\b((?:19|20)\d\d)\s*(?:-|–|—|‐|‑|/|t/m|t\.m\.|tm|tot en met|tot)\s*((?:19|20)\d\d)\b`)
	yearRE    = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	months    = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
	vastRE    = regexp.MustCompile(`(?i)(?:vastgesteld|vaststelling|vastgestelde)[\s\S]{0,80}?\b(\d{1,2})\s+(` + months + `)\.?\s+((?:19|20)\d\d)\b`)
	vastNumRE = regexp.MustCompile(`(?i)(?:vastgesteld|vaststelling|vastgestelde)[\s\S]{0,80}?\b(\d{1,2})[-./](\d{1,2})[-./]((?:19|20)\d\d)\b`)
)

// monthNumbers maps Dutch month names and abbreviations to numbers.
var monthNumbers = map[string]int{
	"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
	"mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// detectPeriod finds the years a plan covers: a range ("2023-2026",
// "2024 t/m 2027", "2023 tot en met 2026") on the title, the cover or the
// first pages; for yearly plans, evaluations and analyses also a single
// year on the title.
func detectPeriod(head, cover, front string, t corpus.DocType) (int, int) {
	if t == corpus.TypeUitvoeringsplan {
		if s, e, ok := yearlyPeriod(head, front); ok {
			return s, e
		}
	}
	for _, text := range []string{head, cover} {
		if s, e, ok := firstPeriod(text); ok {
			return s, e
		}
	}
	if t != corpus.TypeIVP && t != corpus.TypeAnders {
		if m := yearRE.FindStringSubmatch(head); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y, y
		}
	}
	if m := planPeriodRE.FindStringSubmatch(front); m != nil {
		if s, e, ok := validPeriod(m[1], m[2]); ok {
			return s, e
		}
	}
	if s, e, ok := commonPeriod(front); ok {
		return s, e
	}
	return 0, 0
}

// planPeriodRE finds a range the text says is the plan's own: "dit plan
// voor 2021-2024", "voor de jaren 2023 tot en met 2026", "looptijd
// 2023-2026", "de planperiode 2024 t/m 2027".
var planPeriodRE = regexp.MustCompile(`(?i)(?:dit (?:plan|veiligheidsplan|ivp|document|beleidsplan)|deze (?:nota|kadernota)|voor de jaren|looptijd|planperiode|periode van)[^.\n]{0,60}?\b((?:19|20)\d\d)\s*(?:-|–|—|t/m|tot en met|tot)\s*((?:19|20)\d\d)\b`)

// yearlyPeriod is the year of a yearly plan: a range on its title, else a
// single year there, else the year its first pages name most often outside
// ranges (the range in "uitwerking van het integraal veiligheidsplan
// 2018-2021" is the parent plan's period, not this one's).
func yearlyPeriod(head, front string) (int, int, bool) {
	if s, e, ok := firstPeriod(head); ok {
		return s, e, true
	}
	if m := yearRE.FindStringSubmatch(head); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y, y, true
	}
	counts := map[string]int{}
	best := ""
	for _, m := range yearRE.FindAllStringSubmatch(periodRE.ReplaceAllString(front, " "), -1) {
		counts[m[1]]++
		if best == "" || counts[m[1]] > counts[best] {
			best = m[1]
		}
	}
	if best == "" {
		return 0, 0, false
	}
	y, _ := strconv.Atoi(best)
	return y, y, true
}

func firstPeriod(text string) (int, int, bool) {
	for _, m := range periodRE.FindAllStringSubmatch(text, -1) {
		if s, e, ok := validPeriod(m[1], m[2]); ok {
			return s, e, true
		}
	}
	return 0, 0, false
}

// commonPeriod returns the range named most often, the first on a tie.
func commonPeriod(text string) (int, int, bool) {
	counts := map[[2]int]int{}
	var order [][2]int
	for _, m := range periodRE.FindAllStringSubmatch(text, -1) {
		if s, e, ok := validPeriod(m[1], m[2]); ok {
			k := [2]int{s, e}
			if counts[k] == 0 {
				order = append(order, k)
			}
			counts[k]++
		}
	}
	best := -1
	for i, k := range order {
		if best < 0 || counts[k] > counts[order[best]] {
			best = i
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return order[best][0], order[best][1], true
}

func validPeriod(a, b string) (int, int, bool) {
	s, _ := strconv.Atoi(a)
	e, _ := strconv.Atoi(b)
	return s, e, e > s && e-s <= 12
}

// detectVastgesteld finds the date the plan was adopted ("vastgesteld
// door de raad op 14 maart 2023" → "2023-03-14") on the first pages, else
// on the last ones.
func detectVastgesteld(texts ...string) string {
	for _, text := range texts {
		if d := vastgesteld(text); d != "" {
			return d
		}
	}
	return ""
}

func vastgesteld(text string) string {
	for _, m := range vastRE.FindAllStringSubmatch(text, -1) {
		if d := isoDate(m[3], monthNumbers[strings.ToLower(m[2])], m[1]); d != "" {
			return d
		}
	}
	for _, m := range vastNumRE.FindAllStringSubmatch(text, -1) {
		mo, _ := strconv.Atoi(m[2])
		if d := isoDate(m[3], mo, m[1]); d != "" {
			return d
		}
	}
	return ""
}

// isoDate returns YYYY-MM-DD for a real date, else "".
func isoDate(year string, month int, day string) string {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC)
	if month < 1 || t.Day() != d || int(t.Month()) != month {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, month, d)
}
