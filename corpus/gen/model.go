package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

type blockKind int

const (
	blockHeading blockKind = iota
	blockPara
	blockBullets
	blockTable
)

// block is one element of a plan's body in reading order.
type block struct {
	kind     blockKind
	level    int        // heading level, 1-3
	text     string     // heading or paragraph text
	items    []string   // bullet items
	numbered bool       // a numbered list rather than bullets
	footnote string     // a paragraph's footnote, without its number
	rows     [][]string // table rows; the first is the header
	caption  string     // table caption
	veld     int
	themes   []string
	// checklist are the checklist elements the block serves; secondary the
	// other velden of a passage that mixes velden.
	checklist []int
	secondary []int
}

// style is the house style of one plan's municipality.
type style struct {
	accent       [3]int
	justify      bool
	chapterPage  bool // every chapter starts on a new page
	numberDot    bool // "3. Prioriteiten" rather than "3 Prioriteiten"
	subheads     bool // priority sections have "Wat willen we bereiken?" parts
	veldChapters bool // one chapter per veld rather than one "overige thema's"
	footerRight  bool
	veldNaming   int  // which column of veldTitles the plan uses
	numbered     bool // action lists are numbered (1., 2., ...) rather than bulleted
	imageCover   bool // the cover is one picture, without a text layer
	hyphenate    bool // long words are split at line ends
	footnotes    bool // sources and laws are given in footnotes
	twoColumns   bool // chapters without tables or footnotes are set in two columns
	ligatures    bool // set in the Go fonts with ﬁ, ﬂ and typographic quotes
}

var accents = [][3]int{
	{0, 82, 147}, {0, 110, 90}, {150, 30, 45}, {90, 40, 120}, {200, 90, 0}, {30, 30, 30}, {0, 120, 160},
}

func newStyle(rng *rand.Rand) style {
	return style{
		accent:       pick(rng, accents),
		justify:      rng.IntN(2) == 0,
		chapterPage:  rng.IntN(10) < 7,
		numberDot:    rng.IntN(3) == 0,
		subheads:     rng.IntN(2) == 0,
		veldChapters: rng.IntN(3) > 0,
		footerRight:  rng.IntN(2) == 0,
		veldNaming:   rng.IntN(3),
		numbered:     rng.IntN(4) == 0,
		imageCover:   rng.IntN(12) == 0, // but see buildModel
		hyphenate:    rng.IntN(5) < 2,
		footnotes:    rng.IntN(3) == 0,
	}
}

// docModel is a plan's complete content, ready to lay out.
type docModel struct {
	spec    *planSpec
	title   string
	tagline string
	style   style
	blocks  []block
	prios   []string // priority headings as written
}

// builder appends blocks and keeps chapter and section numbers.
type builder struct {
	c       *composer
	st      style
	blocks  []block
	ch, sec int
	about   []string        // per chapter: what it is about
	lees    int             // index of the leeswijzer block; -1 when none
	covered map[string]bool // themes already given a section
	prios   []*bank
	lacks   lacks // checklist elements this plan leaves out
}

// veldTitle is the plan's name for veld v.
func (b *builder) veldTitle(v int) string { return veldTitles[v][b.st.veldNaming] }

// title expands a heading variant of the given role.
func (b *builder) title(key string) string {
	return b.c.expand(pick(b.c.rng, headings[key]), nil)
}

// chapter starts chapter n+1 with the given title.
func (b *builder) chapter(title, about string) {
	b.ch++
	b.sec = 0
	num := strconv.Itoa(b.ch)
	if b.st.numberDot {
		num += "."
	}
	b.heading(1, num+" "+title)
	b.about = append(b.about, about)
}

// section starts a numbered section in the current chapter.
func (b *builder) section(title string) {
	b.sec++
	b.heading(2, fmt.Sprintf("%d.%d %s", b.ch, b.sec, title))
}

// sub adds an unnumbered third-level heading.
func (b *builder) sub(title string) { b.heading(3, title) }

func (b *builder) heading(level int, text string) {
	b.blocks = append(b.blocks, block{kind: blockHeading, level: level, text: text})
}

// para adds a paragraph about bk, opening with generic lead templates.
func (b *builder) para(bk *bank, lead []string) {
	b.add(bk, block{kind: blockPara, text: b.c.paragraph(bk, lead)})
}

// paraAfter adds a paragraph about bk that opens with the given template.
func (b *builder) paraAfter(bk *bank, first string) {
	b.add(bk, block{kind: blockPara, text: b.c.compose([]string{first}, bk, minPara+b.c.rng.IntN(600))})
}

// bullets adds a list of actions from bk.
func (b *builder) bullets(bk *bank) {
	b.add(bk, block{kind: blockBullets, items: b.c.bullets(bk), numbered: b.st.numbered})
}

func (b *builder) add(bk *bank, bl block) {
	bl.veld, bl.themes = bk.veld, bk.themes
	if bl.checklist == nil {
		bl.checklist = shownIn(bk, defaultChecklist(bk), bl.text+"\n"+strings.Join(bl.items, "\n"), b.sectionHeading())
	}
	b.blocks = append(b.blocks, bl)
	if bk.kind == kindTheme {
		for _, t := range bk.themes {
			b.covered[t] = true
		}
	}
}

// sectionHeading is the text of the innermost heading so far below the
// chapter's, or "" when the chapter has none yet.
func (b *builder) sectionHeading() string {
	for i := len(b.blocks) - 1; i >= 0; i-- {
		if bl := b.blocks[i]; bl.kind == blockHeading {
			if bl.level == 1 {
				return ""
			}
			return bl.text
		}
	}
	return ""
}

// mark sets the checklist elements of the last block, replacing what its
// bank serves by default.
func (b *builder) mark(els ...int) {
	b.blocks[len(b.blocks)-1].checklist = els
}

// note gives the last block a footnote, in plans that use them; tpl is
// expanded for the plan.
func (b *builder) note(tpl string) {
	if b.st.footnotes {
		b.blocks[len(b.blocks)-1].footnote = b.c.slots(b.c.alternatives(tpl), nil)
	}
}

// has reports whether the plan includes checklist element el.
func (b *builder) has(el int) bool { return !b.lacks[el] }

// isCovered reports whether a theme of bk already has its own text.
func (b *builder) isCovered(bk *bank) bool {
	for _, t := range bk.themes {
		if b.covered[t] {
			return true
		}
	}
	return false
}

// leeswijzer reserves a paragraph that finish fills with the outline.
func (b *builder) leeswijzer() {
	b.lees = len(b.blocks)
	b.blocks = append(b.blocks, block{kind: blockPara, themes: []string{"0.metadata-navigatie"}, checklist: []int{elAfbakening}})
}

// finish writes the leeswijzer now that all chapters are known.
func (b *builder) finish() {
	if b.lees < 0 {
		return
	}
	verbs := []string{"beschrijft", "gaat in op", "behandelt", "bevat"}
	parts := []string{fmt.Sprintf("%s %s bestaat uit %d hoofdstukken.",
		pick(b.c.rng, []string{"Dit document", "Dit plan", "Deze nota"}), b.c.ofPlan(), len(b.about))}
	for i, a := range b.about[1:] {
		parts = append(parts, fmt.Sprintf("Hoofdstuk %d %s %s.", i+2, pick(b.c.rng, verbs), a))
	}
	parts = append(parts, b.c.vary(b.c.apos(pick(b.c.rng, leesSlot)), 0))
	b.blocks[b.lees].text = strings.Join(parts, " ")
}

// ofPlan is "van de gemeente X" or "van de gemeenten X en Y", with the
// plan's period.
func (c *composer) ofPlan() string {
	s := c.spec
	who := "van de gemeente " + s.gemeenten[0].Naam
	if len(s.gemeenten) > 1 {
		who = "van de gemeenten " + joinNL(s.names())
	}
	return who + " voor " + periodText(s.start, s.end)
}

var leesSlot = []string{
	"Wie snel wil weten waar we de komende jaren op inzetten, kan direct naar het hoofdstuk over de prioriteiten gaan.",
	"De hoofdstukken kunnen los van elkaar worden gelezen; waar nodig verwijzen we naar andere delen van het plan.",
	"Begrippen en afkortingen lichten we toe in de tekst, op de plek waar ze voor het eerst voorkomen.",
}

// figures adds a table of crime figures for the three years before year,
// followed by a paragraph that reads the table.
func (b *builder) figures(year int, bk *bank) {
	rng := b.c.rng
	scale := 0.4 + rng.Float64()*2
	head := []string{"Delict", strconv.Itoa(year - 3), strconv.Itoa(year - 2), strconv.Itoa(year - 1), "Trend"}
	rows := [][]string{head}
	var first string
	for _, i := range pickSorted(rng, len(figureRows), 5+rng.IntN(3)) {
		fr := figureRows[i]
		v := [3]int{int(float64(fr.base) * scale * (0.75 + rng.Float64()/2))}
		v[1] = max(1, v[0]*(80+rng.IntN(41))/100)
		v[2] = max(1, v[1]*(80+rng.IntN(41))/100)
		rows = append(rows, []string{fr.label, thousands(v[0]), thousands(v[1]), thousands(v[2]), trendWord(v[0], v[2])})
		if first == "" {
			first = figureSentence(fr.plural, v, year)
		}
	}
	caption := fmt.Sprintf("Tabel 1. Geregistreerde incidenten in %s, %d-%d (bron: politie, bewerking gemeente)",
		joinNL(b.c.spec.names()), year-3, year-1)
	b.blocks = append(b.blocks, block{kind: blockTable, rows: rows, caption: caption})
	b.paraAfter(bk, first)
	b.note("Bron: politie, [Basisvoorziening Informatie|BVI-IK], peildatum 1 [februari|maart] {volgend}; bewerking gemeente {gemeente}. Cijfers over het laatste jaar zijn voorlopig.")
}

// pickSorted returns k distinct indexes below n in increasing order.
func pickSorted(rng *rand.Rand, n, k int) []int {
	idx := rng.Perm(n)[:min(k, n)]
	slices.Sort(idx)
	return idx
}

func trendWord(from, to int) string {
	switch {
	case to*100 > from*105:
		return "stijging"
	case to*100 < from*95:
		return "daling"
	}
	return "stabiel"
}

func figureSentence(plural string, v [3]int, year int) string {
	switch trendWord(v[0], v[2]) {
	case "stijging":
		return fmt.Sprintf("Het aantal %s steeg van %s in %d naar %s in %d.", plural, thousands(v[0]), year-3, thousands(v[2]), year-1)
	case "daling":
		return fmt.Sprintf("Het aantal %s daalde van %s in %d naar %s in %d.", plural, thousands(v[0]), year-3, thousands(v[2]), year-1)
	}
	return fmt.Sprintf("Het aantal %s bleef met %s in %d en %s in %d vrijwel gelijk.", plural, thousands(v[0]), year-3, thousands(v[2]), year-1)
}
