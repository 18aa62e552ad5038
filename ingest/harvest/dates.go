package harvest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	isoDate   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dmyDate   = regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b`)
	dutchDate = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(\d{4})\b`)
)

// months maps the Dutch month names and their abbreviations to numbers.
var months = map[string]int{"januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3,
	"april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12}

// findDate returns the first valid date in s as YYYY-MM-DD: written as
// 2024-03-12, 12-03-2024, 12/3/2024 or 12 maart 2024; "" when none.
func findDate(s string) string {
	type cand struct {
		at      int
		y, m, d int
	}
	var best *cand
	consider := func(at int, y, m, d string) {
		c := cand{at: at, y: atoi(y), m: atoi(m), d: atoi(d)}
		if month, ok := months[strings.ToLower(m)]; ok {
			c.m = month
		}
		if validDate(c.y, c.m, c.d) && (best == nil || c.at < best.at) {
			best = &c
		}
	}
	for _, m := range isoDate.FindAllStringSubmatchIndex(s, 3) {
		consider(m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]])
	}
	for _, m := range dmyDate.FindAllStringSubmatchIndex(s, 3) {
		consider(m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]])
	}
	for _, m := range dutchDate.FindAllStringSubmatchIndex(s, 3) {
		consider(m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]])
	}
	if best == nil {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", best.y, best.m, best.d)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func validDate(y, m, d int) bool {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}
