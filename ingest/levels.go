package ingest

import "sort"

// maxLevel is the deepest heading level kept.
const maxLevel = 6

// style is how a heading looks.
type style struct {
	size float64
	bold bool
}

// assignLevels gives every heading a level. Numbered headings take the
// depth of their number; a style used by numbered headings gives the same
// level to unnumbered headings in that style; other styles sit one level
// below the deepest larger style (the largest one is level 1).
func assignLevels(blocks []block) {
	depths := map[style]map[int]int{}
	for _, b := range blocks {
		if b.kind == headingBlock && b.depth > 0 {
			s := styleOf(b)
			if depths[s] == nil {
				depths[s] = map[int]int{}
			}
			depths[s][b.depth]++
		}
	}
	levels := styleLevels(blocks, depths)
	for i := range blocks {
		b := &blocks[i]
		if b.kind != headingBlock {
			continue
		}
		b.level = levels[styleOf(*b)]
		if b.depth > 0 {
			b.level = b.depth
		}
		b.level = min(max(b.level, 1), maxLevel)
	}
}

func styleOf(b block) style { return style{roundSize(b.size), b.bold} }

// styleLevels orders the heading styles from large to small and gives
// each its level.
func styleLevels(blocks []block, depths map[style]map[int]int) map[style]int {
	var styles []style
	seen := map[style]bool{}
	for _, b := range blocks {
		if s := styleOf(b); b.kind == headingBlock && !seen[s] {
			seen[s] = true
			styles = append(styles, s)
		}
	}
	sort.Slice(styles, func(i, j int) bool {
		if styles[i].size != styles[j].size {
			return styles[i].size > styles[j].size
		}
		return styles[i].bold && !styles[j].bold
	})
	levels := map[style]int{}
	deepest := 0
	for _, s := range styles {
		l := deepest + 1
		if d, ok := commonest(depths[s]); ok {
			l = d
		}
		levels[s] = l
		deepest = max(deepest, l)
	}
	return levels
}

// commonest returns the most frequent key of counts.
func commonest(counts map[int]int) (int, bool) {
	best, n := 0, 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best, n > 0
}
