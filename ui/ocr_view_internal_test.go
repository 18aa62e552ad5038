package ui

import "testing"

// TestPageList: the pages read by OCR are named as a reader would, runs
// of three or more as a range.
func TestPageList(t *testing.T) {
	for _, tt := range []struct {
		pages []int
		want  string
	}{
		{[]int{4}, "Pagina 4 is"},
		{[]int{1, 2}, "Pagina's 1 en 2 zijn"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "Pagina's 1 tot en met 10 zijn"},
		{[]int{1, 3, 4, 5, 9}, "Pagina's 1, 3 tot en met 5 en 9 zijn"},
		{[]int{2, 3, 7}, "Pagina's 2, 3 en 7 zijn"},
	} {
		if got := pageList(tt.pages); got != tt.want {
			t.Errorf("pageList(%v) = %q, want %q", tt.pages, got, tt.want)
		}
	}
}
