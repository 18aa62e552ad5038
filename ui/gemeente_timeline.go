package ui

import "strconv"

// timelineView is a gemeente's plans drawn on a line of years: a bar per
// plan with a known period, newest on top, and a mark at this year. It
// repeats the table beside it for the eye; screen readers read the table.
type timelineView struct {
	W, H  int
	Years []timelineTick
	Bars  []timelineBar
	NowX  int
}

// timelineTick is a year on the axis.
type timelineTick struct {
	X     int
	Label string
}

// timelineBar is one plan on the timeline.
type timelineBar struct {
	X, Y, W int
	Type    string
	Title   string
	URL     string
}

// Sizes of the timeline, in its own units.
const (
	tlYear = 64 // width of a year
	tlRow  = 22 // height of a plan's row
	tlTop  = 22 // room for the year labels
)

// timelineOf draws the plans (newest first, as in the table); nil when
// none has a known period.
func timelineOf(plans []gemeentePlanView, periods [][2]int, year int) *timelineView {
	first, last := year, year
	for _, p := range periods {
		if p[0] > 0 {
			first, last = min(first, p[0]), max(last, p[1])
		}
	}
	if first == year && last == year && !anyPeriod(periods) {
		return nil
	}
	v := &timelineView{W: (last - first + 1) * tlYear, NowX: (year-first)*tlYear + tlYear/2}
	for y := first; y <= last; y++ {
		v.Years = append(v.Years, timelineTick{X: (y-first)*tlYear + tlYear/2, Label: strconv.Itoa(y)})
	}
	for i, p := range plans {
		s, e := periods[i][0], periods[i][1]
		if s == 0 {
			continue
		}
		v.Bars = append(v.Bars, timelineBar{X: (s-first)*tlYear + 2, W: (e-s+1)*tlYear - 4,
			Y: tlTop + len(v.Bars)*tlRow, Type: p.Type, Title: p.Label + " " + p.Periode + ": " + p.Title, URL: p.URL})
	}
	v.H = tlTop + len(v.Bars)*tlRow + 4
	return v
}

func anyPeriod(periods [][2]int) bool {
	for _, p := range periods {
		if p[0] > 0 {
			return true
		}
	}
	return false
}
