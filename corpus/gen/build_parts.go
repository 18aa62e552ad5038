package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// doel adds the goal paragraph of a priority: measurable (element 7) when
// the plan sets measurable goals, else an intention (aanpak, element 8).
func (b *builder) doel(p *bank) {
	if !b.has(elMeetbaar) || p.measure == "" {
		b.para(p, doelVaag)
		b.mark(elAanpak)
		return
	}
	c := b.c
	first := c.order(doelMeetbaar, p)[:1]
	if b.coin() {
		first = append(first, c.order(doelVaag, p)[0])
	}
	b.add(p, block{kind: blockPara, text: c.compose(first, p, minPara+c.rng.IntN(500))})
	b.mark(elMeetbaar)
}

// mixPairs are theme banks whose subjects meet in practice, so that a
// paragraph about the first may end on the second (a passage of two
// velden).
var mixPairs = map[string][]string{
	"uitgaan":          {"jeugdmiddelen"},
	"ondermijning":     {"bedrijventerrein", "vakantieparken"},
	"jeugdoverlast":    {"fysiek", "woonoverlast"},
	"vakantieparken":   {"ondermijning"},
	"evenementen":      {"crisis"},
	"verkeer":          {"school"},
	"drugs":            {"jeugdmiddelen", "woonoverlast"},
	"explosies":        {"jeugdcriminaliteit"},
	"winkel":           {"criminaliteit"},
	"school":           {"verkeer"},
	"criminaliteit":    {"winkel", "cyber"},
	"zorg":             {"jeugdcriminaliteit"},
	"bedrijventerrein": {"ondermijning"},
}

// themePara adds a paragraph about bk; now and then it ends with one or two
// sentences about a neighbouring theme of another veld, and the passage
// records that veld as secondary.
func (b *builder) themePara(bk *bank, lead []string) {
	others := mixPairs[bk.id]
	if len(others) == 0 || b.c.rng.IntN(100) >= 25 {
		b.para(bk, lead)
		return
	}
	o := bankByID(pick(b.c.rng, others))
	c := b.c
	text := c.paragraph(bk, lead)
	var tail []string
	for _, tpl := range c.order(o.text, o)[:1+c.rng.IntN(2)] {
		tail = append(tail, c.vary(c.expand(tpl, o), 0))
	}
	extra := strings.Join(tail, " ")
	for len([]rune(text))+1+len([]rune(extra)) > maxPara {
		text = dropLastSentence(text)
	}
	b.add(bk, block{kind: blockPara, text: text + " " + extra})
	if o.veld != bk.veld {
		b.blocks[len(b.blocks)-1].secondary = []int{o.veld}
	}
}

// dropLastSentence removes the last sentence of s, keeping at least one.
func dropLastSentence(s string) string {
	i := strings.LastIndex(strings.TrimSuffix(s, "."), ". ")
	if i < 0 {
		return s[:min(len(s), 400)]
	}
	return s[:i+1]
}

// overview adds the paragraph that names the priorities. It is veld 0 and
// records the velden the priorities belong to as secondary.
func (b *builder) overview(id string, tpl int) {
	b.listPriorities(id, tpl)
	var vs []int
	for _, p := range b.prios {
		if !slices.Contains(vs, p.veld) {
			vs = append(vs, p.veld)
		}
	}
	slices.Sort(vs)
	b.blocks[len(b.blocks)-1].secondary = vs
}

// policyChapter writes the samenhang and communicatie parts a plan has.
func (b *builder) policyChapter() {
	if !b.has(elSamenhang) && !b.has(elCommunicatie) {
		return
	}
	b.chapter(pick(b.c.rng, []string{"Samenhang en communicatie", "Verbinding met ander beleid", "Samenhang, communicatie en voorlichting"}),
		"de samenhang met ander beleid en de communicatie")
	if b.has(elSamenhang) {
		b.section(pick(b.c.rng, []string{"Samenhang met ander beleid", "Relatie met ander beleid"}))
		b.para(bankByID("samenhang"), nil)
		if b.coin() {
			b.para(bankByID("samenhang"), nil)
		}
	}
	if b.has(elCommunicatie) {
		b.section(pick(b.c.rng, []string{"Communicatie", "Communicatie en voorlichting"}))
		b.para(bankByID("communicatie"), nil)
	}
}

// monitorTable adds Veiligheidsmonitor scores for two measurements and the
// paragraph that reads them.
func (b *builder) monitorTable(year int) {
	rng := b.c.rng
	y1, y2 := year-4+rng.IntN(2)*0, year-2
	rows := [][]string{{"Indicator", strconv.Itoa(y1), strconv.Itoa(y2), "Regio " + strconv.Itoa(y2)}}
	for _, i := range pickSorted(rng, len(monitorRows), 4+rng.IntN(3)) {
		mr := monitorRows[i]
		rows = append(rows, []string{mr.label, score(rng, mr.base), score(rng, mr.base), score(rng, mr.base)})
	}
	caption := fmt.Sprintf("Tabel 2. Veiligheidsbeleving in %s volgens de Veiligheidsmonitor %d en %d",
		joinNL(b.c.spec.names()), y1, y2)
	b.blocks = append(b.blocks, block{kind: blockTable, rows: rows, caption: caption})
	b.para(bankByID("beleving"), nil)
	b.mark(elAnalyse)
	b.note(fmt.Sprintf("Veiligheidsmonitor %d en %d, CBS en gemeente {gemeente}; regio: [politie-eenheid|veiligheidsregio]. Verschillen kleiner dan twee procentpunten zijn niet significant.", y1, y2))
}

// score varies a Veiligheidsmonitor value: a rapportcijfer with one
// decimal, or a whole percentage.
func score(rng *rand.Rand, base float64) string {
	v := base * (0.85 + rng.Float64()*0.3)
	if base < 10 {
		return strings.Replace(strconv.FormatFloat(min(v, 9.4), 'f', 1, 64), ".", ",", 1)
	}
	return strconv.Itoa(int(v + 0.5))
}

// budgetTable adds the yearly budget per line and a total.
func (b *builder) budgetTable() {
	rng := b.c.rng
	s := b.c.spec
	rows := [][]string{{"Onderdeel", "Structureel (€)", "Incidenteel (€)"}}
	total := [2]int{}
	for _, i := range pickSorted(rng, len(budgetRows), 4+rng.IntN(4)) {
		br := budgetRows[i]
		st := br.base * (60 + rng.IntN(90)) / 100 / 1000 * 1000
		inc := 0
		if rng.IntN(3) == 0 {
			inc = br.base * (10 + rng.IntN(60)) / 100 / 1000 * 1000
		}
		total[0] += st
		total[1] += inc
		rows = append(rows, []string{br.label, thousands(st), dash(inc)})
	}
	rows = append(rows, []string{"Totaal", thousands(total[0]), dash(total[1])})
	caption := fmt.Sprintf("Tabel 3. Begroting integrale veiligheid per jaar, %s", periodText(s.start, s.end))
	b.blocks = append(b.blocks, block{kind: blockTable, rows: rows, caption: caption})
}

func dash(n int) string {
	if n == 0 {
		return "-"
	}
	return thousands(n)
}
