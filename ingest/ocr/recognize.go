package ocr

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minWordConf is the least confidence (0-100) of a word that is kept,
// unless it looks like a word (wordLike): below it Tesseract mostly reads
// specks, stamps and noise as letters, but it also gives long words it
// read right a confidence of 0 at times.
const minWordConf = 30

// sizeFactor turns the height of a line's median word into the font
// size it was set in, roughly.
const sizeFactor = 1.3

// Line is one line of recognised text.
type Line struct {
	Text  string
	X, W  float64 // left edge and width, points
	Y     float64 // bottom of the line, points from the top of the page
	Size  float64 // font size, estimated from the line's height, points
	Block int     // Tesseract's text block; lines of one block are one column
}

// Page is what Read found on one page.
type Page struct {
	Width, Height float64 // the page as read (after turning), points
	Lines         []Line
	Confidence    float64 // mean confidence of the words, by letters, 0-100
	Words         int     // words kept, those of at least minWordConf
	Rotation      int     // degrees the page was turned clockwise to be read
	DPI           int
}

// recognize runs tesseract on g, drawn at dpi, and reads its TSV output.
func (e Engine) recognize(ctx context.Context, g gray, dpi int) (Page, error) {
	cmd := exec.CommandContext(ctx, e.Tesseract, "stdin", "stdout", "--dpi", strconv.Itoa(dpi), "-l", e.lang(), "--psm", "3", "tsv")
	// One thread each: pages run side by side instead, which costs less
	// than Tesseract's own threads on a busy machine.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(g.encodePGM())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return Page{}, ctx.Err()
		}
		return Page{}, fmt.Errorf("%w: tesseract: %w: %s", ErrProgram, err, lastLine(stderr.String()))
	}
	p := parseTSV(string(out), 72/float64(dpi))
	p.Width, p.Height, p.DPI = float64(g.w)*72/float64(dpi), float64(g.h)*72/float64(dpi), dpi
	return p, nil
}

// tsvWord is one word row of Tesseract's TSV.
type tsvWord struct {
	key                      string // block, paragraph and line
	block                    int
	left, top, width, height float64
	conf                     float64
	text                     string
}

// parseTSV reads the word rows (level 5) of Tesseract's TSV into lines;
// scale turns pixels into points.
func parseTSV(tsv string, scale float64) Page {
	var p Page
	var letters, weighted float64
	var cur []tsvWord
	flush := func() {
		if l, ok := lineOf(cur, scale); ok {
			p.Lines = append(p.Lines, l)
		}
		cur = cur[:0]
	}
	for _, row := range splitLines(tsv) {
		w, ok := wordRow(row)
		if !ok {
			continue
		}
		n := float64(utf8.RuneCountInString(w.text))
		letters, weighted = letters+n, weighted+n*w.conf
		if len(cur) > 0 && cur[0].key != w.key {
			flush()
		}
		if w.conf >= minWordConf || wordLike(w.text) {
			cur = append(cur, w)
			p.Words++
		}
	}
	flush()
	if letters > 0 {
		p.Confidence = weighted / letters
	}
	evenSizes(p.Lines)
	return p
}

// wordLike reports text of at least four letters and digits that has
// little else: "aangiftebereidheid", "2021", not "_—." or "‘i".
func wordLike(s string) bool {
	n, other := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		} else {
			other++
		}
	}
	return n >= 4 && other <= 2
}

// wordRow parses one TSV row of a recognised word.
func wordRow(row string) (tsvWord, bool) {
	f := strings.Split(row, "\t")
	if len(f) != 12 || f[0] != "5" || strings.TrimSpace(f[11]) == "" {
		return tsvWord{}, false
	}
	var n [7]float64
	for i := range n {
		v, err := strconv.ParseFloat(f[i+2], 64)
		if err != nil {
			return tsvWord{}, false
		}
		n[i] = v
	}
	return tsvWord{key: f[2] + "/" + f[3] + "/" + f[4], block: int(n[0]), left: n[4], top: n[5],
		width: n[6], height: f2(f[9]), conf: f2(f[10]), text: strings.TrimSpace(f[11])}, true
}

func f2(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// lineOf makes a line of the kept words of one Tesseract line.
func lineOf(words []tsvWord, scale float64) (Line, bool) {
	if len(words) == 0 {
		return Line{}, false
	}
	left, right, bottom := words[0].left, 0.0, 0.0
	texts := make([]string, len(words))
	heights := make([]float64, len(words))
	for i, w := range words {
		left = min(left, w.left)
		right, bottom = max(right, w.left+w.width), max(bottom, w.top+w.height)
		texts[i], heights[i] = w.text, w.height
	}
	// The median word, not the whole line: a speck beside one word makes
	// its box taller, and a slant the line's.
	slices.Sort(heights)
	return Line{Text: strings.Join(texts, " "), X: left * scale, W: (right - left) * scale, Y: bottom * scale,
		Size: heights[len(heights)/2] * scale * sizeFactor, Block: words[0].block}, true
}

// evenSizes gives lines of about the page's common height that height:
// a line without descenders is no smaller type, and only clearly larger
// lines (headings) keep a size of their own.
func evenSizes(lines []Line) {
	if len(lines) == 0 {
		return
	}
	sizes := make([]float64, len(lines))
	for i, l := range lines {
		sizes[i] = l.Size
	}
	slices.Sort(sizes)
	med := sizes[len(sizes)/2]
	for i := range lines {
		if r := lines[i].Size / med; r >= 0.7 && r <= 1.2 {
			lines[i].Size = med
		}
	}
}

func splitLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

func lastLine(s string) string {
	ls := splitLines(strings.TrimSpace(s))
	if len(ls) == 0 {
		return ""
	}
	return ls[len(ls)-1]
}
