package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// Paragraph lengths in characters (runes).
const (
	minPara = 300
	maxPara = 1200
)

// bankKind says where a phrase bank may be used.
type bankKind int

const (
	kindProces bankKind = iota // veld 0 text: vision, legal frame, monitoring
	kindIntro                  // the opening paragraph of a veld chapter
	kindTheme                  // a safety theme: a section or a priority
)

// bank is a set of sentence templates about one subject. Every paragraph
// composed from a bank carries the bank's veld and themes in the truth file.
//
// Templates use two kinds of markup: [a|b|c] picks one alternative and
// {slot} is filled from the plan (see composer.slot).
type bank struct {
	id      string
	kind    bankKind
	veld    int
	themes  []string
	prio    int      // weight as a priority; 0: never a priority
	labels  []string // heading variants
	subject string   // noun phrase for generic templates ({onderwerp})
	measure string   // what is counted, plural ({maat}); "" when nothing is
	text    []string // sentence templates
	actions []string // bullet templates, without a final full stop
}

// composer turns templates into Dutch text for one plan. It owns the plan's
// PRNG, so the order of calls decides the output.
type composer struct {
	rng     *rand.Rand
	spec    *planSpec
	loc     locale
	typo    bool            // typographic apostrophes (’) instead of '
	lig     bool            // set with ligatures: see vary_lig.go
	quoted  map[string]bool // quotedTerms already put in quotes
	prio    string          // the plan's priorities, listed in a sentence
	used    map[string]bool // templates already used in this plan
	plan    bool            // bullets carry a trekker and a planning
	noSMART bool            // the plan sets no measurable goals
}

func newComposer(rng *rand.Rand, spec *planSpec) *composer {
	c := &composer{rng: rng, spec: spec, used: map[string]bool{}, quoted: map[string]bool{}}
	c.typo = rng.IntN(3) == 0
	c.plan = spec.typ == corpus.TypeUitvoeringsplan || rng.IntN(4) == 0
	c.loc = newLocale(rng)
	return c
}

// pick returns one element of xs.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// expand resolves alternatives, apostrophe style and slots in tpl, and
// capitalises the result.
func (c *composer) expand(tpl string, bk *bank) string {
	s := c.alternatives(tpl)
	s = c.apos(s)
	s = c.slots(s, bk)
	return capitalize(s)
}

// alternatives replaces every [a|b|c] with one of its options.
func (c *composer) alternatives(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(pick(c.rng, strings.Split(s[i+1:i+j], "|")))
		s = s[i+j+1:]
	}
}

// slots replaces every {name} with its value for this plan.
func (c *composer) slots(s string, bk *bank) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(c.slot(s[i+1:i+j], bk))
		s = s[i+j+1:]
	}
}

// apos applies the plan's style of apostrophes and quotes: typographic
// (’ and “…”) or straight.
func (c *composer) apos(s string) string {
	if !c.typo {
		return s
	}
	s = strings.ReplaceAll(s, "'", "’")
	for strings.Count(s, `"`) >= 2 {
		s = strings.Replace(strings.Replace(s, `"`, "“", 1), `"`, "”", 1)
	}
	return s
}

// capitalize upper-cases the first letter unless it starts a name such as
// 's-Hertogenbosch.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// order returns tpls shuffled, unused templates first, leaving out
// templates that need a {maat} the bank does not have.
func (c *composer) order(tpls []string, bk *bank) []string {
	fresh, stale := c.split(tpls, bk)
	return append(fresh, stale...)
}

// split returns the unused and the used templates of tpls, each shuffled.
func (c *composer) split(tpls []string, bk *bank) (fresh, stale []string) {
	for _, t := range tpls {
		if (bk != nil && bk.measure == "" && strings.Contains(t, "{maat}")) || c.anachronistic(t) || c.measurable(t) {
			continue
		}
		if c.used[t] {
			stale = append(stale, t)
		} else {
			fresh = append(fresh, t)
		}
	}
	c.rng.Shuffle(len(fresh), func(i, j int) { fresh[i], fresh[j] = fresh[j], fresh[i] })
	c.rng.Shuffle(len(stale), func(i, j int) { stale[i], stale[j] = stale[j], stale[i] })
	return fresh, stale
}

// measurable reports whether tpl promises a measurable goal in a plan
// that sets none.
func (c *composer) measurable(tpl string) bool {
	if !c.noSMART {
		return false
	}
	for _, w := range []string{"SMART", "streefwaarde", "nulmeting", "meetbaar"} {
		if strings.Contains(tpl, w) {
			return true
		}
	}
	return false
}

// anachronisms are words a plan adopted before the given year cannot use.
var anachronisms = []struct {
	word string
	year int
}{
	{"corona", 2021},
	{"Omgevingswet", 2021},
}

// anachronistic reports whether tpl mentions something that had not
// happened yet when the plan was adopted.
func (c *composer) anachronistic(tpl string) bool {
	for _, a := range anachronisms {
		if c.spec.vastgesteld.Year() < a.year && strings.Contains(tpl, a.word) {
			return true
		}
	}
	return false
}

// paragraph composes 300-1200 characters about bk: one or two sentences
// from lead (generic templates about {onderwerp}, may be nil) and the rest
// from the bank itself.
func (c *composer) paragraph(bk *bank, lead []string) string {
	var first []string
	if len(lead) > 0 {
		l := c.order(lead, bk)
		first = l[:min(1+c.rng.IntN(2), len(l))]
	}
	return c.compose(first, bk, minPara+c.rng.IntN(550))
}

// compose expands the templates in first, then unused templates of bk
// until the text reaches target characters. Templates this plan already
// used come in only when the text would otherwise stay under minPara.
func (c *composer) compose(first []string, bk *bank, target int) string {
	var parts []string
	n := 0
	add := func(tpls []string, goal int) {
		for _, tpl := range tpls {
			if n >= goal {
				return
			}
			// The first eight words of a paragraph get no inserted
			// adverbial: a paragraph's opening words are what people quote
			// and search for.
			s := c.quote(c.vary(c.expand(tpl, bk), 8*boolInt(n == 0)))
			l := utf8.RuneCountInString(s)
			if n > 0 && n+1+l > maxPara {
				continue
			}
			c.used[tpl] = true
			parts = append(parts, s)
			n += l + min(n, 1)
		}
	}
	add(first, maxPara)
	fresh, stale := c.split(bk.text, bk)
	add(fresh, target)
	add(stale, minPara)
	return strings.Join(parts, " ")
}

// bullets composes a list of 3-5 actions from bk; the renderer adds the
// bullets.
func (c *composer) bullets(bk *bank) []string {
	acts := c.order(bk.actions, bk)
	n := min(3+c.rng.IntN(3), len(acts))
	items := make([]string, n)
	for i, tpl := range acts[:n] {
		c.used[tpl] = true
		items[i] = c.quote(c.vary(c.expand(tpl, bk), 0))
		if c.plan {
			items[i] += fmt.Sprintf(" (%s, %s)", c.apos(pick(c.rng, trekkers[bk.veld])), c.due())
		} else if c.rng.IntN(10) < 9 && !c.named(items[i]) {
			items[i] += c.slots(pick(c.rng, itemPlaces), bk)
		}
	}
	return items
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// due is when an action is due: "Q3 2025", "doorlopend".
func (c *composer) due() string {
	p := pick(c.rng, planning)
	if p == "doorlopend" {
		return p
	}
	return p + " " + c.slot("jaar", nil)
}

// named reports whether s already names a gemeente of the plan.
func (c *composer) named(s string) bool {
	for _, g := range c.spec.gemeenten {
		if strings.Contains(s, g.Naam) {
			return true
		}
	}
	return false
}

// itemPlaces end an action that says nothing about where or when.
var itemPlaces = []string{" in {gemeente}", " in {gemeente}", " (vanaf {jaar})", " in {jaar}", " in de gemeente {gemeente}"}

// Who leads an action (by veld) and when it is due, for plans that say so.
var (
	trekkers = [6][]string{
		0: {"gemeente"},
		1: {"gemeente", "gemeente en politie", "politie", "wijkteam", "boa's", "woningcorporatie", "Zorg- en Veiligheidshuis"},
		2: {"gemeente", "ondernemersvereniging", "gemeente en politie", "horeca en politie"},
		3: {"jongerenwerk", "gemeente", "gemeente en politie", "Halt", "jeugdteam"},
		4: {"veiligheidsregio", "gemeente", "brandweer", "omgevingsdienst"},
		5: {"gemeente", "RIEC", "gemeente en politie", "politie"},
	}
	planning = []string{"Q1", "Q2", "Q3", "Q4", "doorlopend", "eerste helft", "tweede helft"}
)
