package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the fields of a submission and of a curator's edit. The forms
// check them to say what is wrong; the services check them again.
const (
	MaxContactNameRunes = 200  // the contact's name on a submission
	MaxEmailRunes       = 254  // the contact's e-mail (RFC 5321 counts bytes; the forms count characters)
	MaxNoteRunes        = 4000 // the note of a submission
	MaxTitleRunes       = 500  // a document's title as a curator edits it
	MaxReasonRunes      = 2000 // the reason of a rejection or withdrawal
	FirstPlanYear       = 1990 // the earliest first year of a plan period
	MaxPlanYears        = 20   // the longest span from first to last year
	PlanYearsAhead      = 15   // how far past this year a period may start
)

// LengthProblem says in Dutch that text is longer than max characters,
// naming it by what ("De naam"), or is "" when it is not.
func LengthProblem(what, text string, max int) string {
	n := utf8.RuneCountInString(text)
	if n <= max {
		return ""
	}
	return fmt.Sprintf("%s is te lang: %s tekens, hoogstens %s.", what, number(n), number(max))
}

// PeriodProblem says in Dutch what is wrong with a plan period from start
// to end (end 0: the year start only) in year now, or is "" when nothing is.
func PeriodProblem(start, end, now int) string {
	last := now + PlanYearsAhead
	switch {
	case start < FirstPlanYear:
		return fmt.Sprintf("Het eerste jaar (%d) ligt vóór %d. Vul een jaar vanaf %d in.", start, FirstPlanYear, FirstPlanYear)
	case start > last:
		return fmt.Sprintf("Het eerste jaar (%d) ligt te ver vooruit: uiterlijk %d.", start, last)
	case end != 0 && end < start:
		return fmt.Sprintf("Het laatste jaar (%d) ligt vóór het eerste (%d). Bedoelt u %d-%d?", end, start, end, start)
	case end != 0 && end > start+MaxPlanYears:
		return fmt.Sprintf("De periode %d-%d beslaat %d jaar; een plan loopt hoogstens %d jaar.", start, end, end-start, MaxPlanYears)
	}
	return ""
}

// ThisYear is the year PeriodProblem measures "too far ahead" from.
func ThisYear() int { return time.Now().Year() }

// DateProblem says in Dutch what is wrong with a date typed as
// YYYY-MM-DD, or is "" when it is a real date.
func DateProblem(s string) string {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return ""
	}
	if len(s) == len(time.DateOnly) && s[4] == '-' && s[7] == '-' && digits(s[:4]+s[5:7]+s[8:]) {
		return "De datum " + s + " bestaat niet. Controleer de maand en de dag."
	}
	return "Vul de datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-14."
}

func digits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// number writes n with a dot between thousands: 9.000.
func number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
