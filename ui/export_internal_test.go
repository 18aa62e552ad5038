package ui

import (
	"slices"
	"testing"
)

// TestSafeCells: CSV cells that a spreadsheet would read as a formula get
// a leading apostrophe; numbers, negative ones too, stay numbers.
func TestSafeCells(t *testing.T) {
	in := []string{"=SUM(A1)", "+31 20", "@cmd", "-1", "-x", "Utrecht", "", "12", "3.5"}
	want := []string{"'=SUM(A1)", "'+31 20", "'@cmd", "-1", "'-x", "Utrecht", "", "12", "3.5"}
	if got := safeCells(in); !slices.Equal(got, want) {
		t.Errorf("safeCells(%q) = %q, want %q", in, got, want)
	}
}
