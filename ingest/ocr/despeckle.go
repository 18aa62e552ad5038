package ocr

import "slices"

// speckShare is the share of sampled pixels that are dark specks (at most
// two dark neighbours: a speck of a coarser scan drawn at a finer
// resolution covers a few pixels) above which a page is taken to be
// speckled and is cleaned; a clean page of text has a tenth of it.
const speckShare = 0.0005

// despeckle returns g with lone specks removed (a 3×3 median) when it is
// speckled, as a dusty or badly scanned page is; a clean page is left
// as it is, so that thin strokes stay whole.
func (g gray) despeckle() gray {
	if !g.speckled() {
		return g
	}
	return g.median3()
}

// speckled reports whether, on every fourth row, more than speckShare of
// the pixels are dark with at most two dark neighbours.
func (g gray) speckled() bool {
	lone, seen := 0, 0
	for y := 1; y < g.h-1; y += 4 {
		for x := 1; x < g.w-1; x++ {
			seen++
			if g.pix[y*g.w+x] < 128 && g.darkAround(x, y) <= 2 {
				lone++
			}
		}
	}
	return seen > 0 && float64(lone) > speckShare*float64(seen)
}

// darkAround counts the dark pixels among the eight around (x, y).
func (g gray) darkAround(x, y int) int {
	n := 0
	for dy := -1; dy <= 1; dy++ {
		row := g.pix[(y+dy)*g.w:]
		for dx := -1; dx <= 1; dx++ {
			if (dx != 0 || dy != 0) && row[x+dx] < 128 {
				n++
			}
		}
	}
	return n
}

// median3 returns g with every inner pixel replaced by the median of its
// 3×3 neighbourhood; the border is kept.
func (g gray) median3() gray {
	out := gray{w: g.w, h: g.h, pix: slices.Clone(g.pix)}
	var win [9]byte
	for y := 1; y < g.h-1; y++ {
		for x := 1; x < g.w-1; x++ {
			k := 0
			for dy := -1; dy <= 1; dy++ {
				row := g.pix[(y+dy)*g.w+x-1:]
				win[k], win[k+1], win[k+2] = row[0], row[1], row[2]
				k += 3
			}
			out.pix[y*g.w+x] = median9(&win)
		}
	}
	return out
}

// median9 returns the median of nine values, partly sorting them.
func median9(v *[9]byte) byte {
	for i := 0; i <= 4; i++ {
		m := i
		for j := i + 1; j < 9; j++ {
			if v[j] < v[m] {
				m = j
			}
		}
		v[i], v[m] = v[m], v[i]
	}
	return v[4]
}
