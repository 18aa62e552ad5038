package gen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestVariety checks the figure: across 300 plans, fewer than 5%
// of the distinct sentences over 40 characters occur more than once. It
// builds the plans' text without laying it out.
func TestVariety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 300 plans")
	}
	specs, err := planSpecs(Options{Out: "x", Plans: 300, Seed: DefaultSeed}, loadGemeenten(t))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	total := 0
	for _, s := range specs {
		for _, b := range buildModel(s).blocks {
			for _, sent := range sentences(b) {
				if utf8.RuneCountInString(sent) > 40 {
					counts[sent]++
					total++
				}
			}
		}
	}
	repeated, inRepeated := 0, 0
	for _, n := range counts {
		if n > 1 {
			repeated++
			inRepeated += n
		}
	}
	share := float64(repeated) / float64(len(counts))
	t.Logf("%d sentences, %d distinct; %.2f%% of the distinct ones occur more than once (%.1f%% of all occurrences)",
		total, len(counts), 100*share, 100*float64(inRepeated)/float64(total))
	if share >= 0.05 {
		t.Errorf("%.2f%% of distinct sentences repeat, want under 5%%", 100*share)
	}
}

// sentences splits a paragraph at full stops followed by a space, and a
// list into its items.
func sentences(b block) []string {
	switch b.kind {
	case blockPara:
		var out []string
		s := b.text
		for {
			i := strings.Index(s, ". ")
			if i < 0 {
				return append(out, s)
			}
			out = append(out, s[:i+1])
			s = s[i+2:]
		}
	case blockBullets:
		return b.items
	}
	return nil
}
