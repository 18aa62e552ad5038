package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// locale holds the invented places of one plan, so that a plan keeps
// talking about the same wijken and the same bedrijventerrein.
type locale struct {
	wijken     []string
	centrum    string
	uitgaan    string
	terrein    string
	park       string
	evenement  string
	corporatie string
}

func newLocale(rng *rand.Rand) locale {
	w := append([]string(nil), wijkNamen...)
	rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
	return locale{
		wijken:     w[:3+rng.IntN(3)],
		centrum:    pick(rng, centrumNamen),
		uitgaan:    pick(rng, uitgaanNamen),
		terrein:    "bedrijventerrein " + pick(rng, terreinNamen),
		park:       pick(rng, parkNamen),
		evenement:  pick(rng, evenementNamen),
		corporatie: pick(rng, corporatieNamen),
	}
}

// slot returns the value of {name}. Unknown names come back unchanged, in
// braces, so that a test can find them.
func (c *composer) slot(name string, bk *bank) string {
	if v, ok := c.yearSlot(name); ok {
		return v
	}
	if v, ok := c.numberSlot(name); ok {
		return v
	}
	if v, ok := c.placeSlot(name); ok {
		return v
	}
	if bk == nil && (name == "onderwerp" || name == "maat") {
		return "{" + name + "}"
	}
	switch name {
	case "gemeente":
		return pick(c.rng, c.spec.gemeenten).Naam
	case "partner":
		return c.apos(pick(c.rng, partnerNamen))
	case "onderwerp":
		return c.apos(bk.subject)
	case "maat":
		return c.apos(bk.measure)
	case "prioriteiten":
		return c.apos(c.prio)
	case "ivp":
		return fmt.Sprintf("het integraal veiligheidsplan %d-%d", c.spec.ivpStart, c.spec.ivpEnd)
	case "trend":
		return c.trendPhrase()
	}
	return "{" + name + "}"
}

// yearSlot fills the slots that are years or periods.
func (c *composer) yearSlot(name string) (string, bool) {
	s := c.spec
	switch name {
	case "start":
		return strconv.Itoa(s.start), true
	case "eind":
		return strconv.Itoa(s.end), true
	case "periode":
		return periodText(s.start, s.end), true
	case "jaar":
		return strconv.Itoa(s.start + c.rng.IntN(s.end-s.start+1)), true
	case "vorig":
		return strconv.Itoa(s.start - 1), true
	case "vorig3":
		return strconv.Itoa(s.start - 3), true
	case "volgend":
		return strconv.Itoa(s.end + 1), true
	}
	return "", false
}

// numberSlot fills the slots that are counts, shares and amounts.
func (c *composer) numberSlot(name string) (string, bool) {
	r := c.rng
	switch name {
	case "pct":
		return strconv.Itoa(3 + r.IntN(38)), true
	case "n":
		return strconv.Itoa(20 + r.IntN(380)), true
	case "klein":
		return strconv.Itoa(2 + r.IntN(11)), true
	case "rapportcijfer":
		return fmt.Sprintf("7,%d", r.IntN(8)), true
	case "bedrag":
		return "€ " + thousands(40_000+5_000*r.IntN(80)), true
	case "fte":
		return pick(r, []string{"1", "1,5", "2", "2,4", "3", "3,6", "4"}), true
	case "fte2":
		return pick(r, []string{"2", "3", "4", "5,5", "6", "8"}), true
	}
	return "", false
}

// placeSlot fills the slots that name a place of the plan's locale.
func (c *composer) placeSlot(name string) (string, bool) {
	l := c.loc
	switch name {
	case "wijk":
		return l.wijken[0], true
	case "wijk2":
		return pick(c.rng, l.wijken[1:]), true
	case "centrum":
		return l.centrum, true
	case "uitgaan":
		return l.uitgaan, true
	case "bedrijventerrein":
		return l.terrein, true
	case "park":
		return l.park, true
	case "evenement":
		return l.evenement, true
	case "corporatie":
		return l.corporatie, true
	}
	return "", false
}

// trendPhrase returns "daalde van 140 naar 112" or "steeg van 80 naar 95":
// the direction always agrees with the numbers.
func (c *composer) trendPhrase() string {
	from := 30 + c.rng.IntN(400)
	pct := 3 + c.rng.IntN(35)
	if c.rng.IntN(3) == 0 {
		to := from + from*pct/100 + 1
		return fmt.Sprintf("steeg van %d naar %d", from, to)
	}
	to := max(from-from*pct/100-1, 1)
	return fmt.Sprintf("daalde van %d naar %d", from, to)
}

// thousands writes n with Dutch thousands separators: 125.000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// periodText renders a period as "2023-2026", or "2024" for one year.
func periodText(start, end int) string {
	if start == end {
		return strconv.Itoa(start)
	}
	return fmt.Sprintf("%d-%d", start, end)
}

// joinNL joins names the Dutch way: "A, B en C".
func joinNL(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " en " + xs[len(xs)-1]
}
