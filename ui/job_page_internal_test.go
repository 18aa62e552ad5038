package ui

import (
	"testing"
	"time"
)

func TestProgressOf(t *testing.T) {
	cases := []struct {
		name                 string
		done, total          int
		elapsed              time.Duration
		progress, rate, left string
		percent              int
	}{
		{"quarter", 30, 120, 10 * time.Second, "30 van 120 documenten", "3,0 documenten per seconde", "nog ongeveer 30 s", 25},
		{"fast", 900, 1000, 3 * time.Second, "900 van 1000 documenten", "300 documenten per seconde", "nog ongeveer 333 ms", 90},
		{"long", 10, 1000, 50 * time.Second, "10 van 1000 documenten", "0,2 documenten per seconde", "nog ongeveer 1 u 22 min", 1},
		{"nothing yet", 0, 50, time.Second, "0 van 50 documenten", "", "", 0},
		{"total unknown", 0, 0, time.Second, "gestart; het aantal documenten is nog niet bekend", "", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, pct, rate, left := progressOf(c.done, c.total, c.elapsed)
			if p != c.progress || pct != c.percent || rate != c.rate || left != c.left {
				t.Errorf("progressOf(%d, %d, %s) = %q, %d, %q, %q; want %q, %d, %q, %q", c.done, c.total, c.elapsed,
					p, pct, rate, left, c.progress, c.percent, c.rate, c.left)
			}
		})
	}
}
