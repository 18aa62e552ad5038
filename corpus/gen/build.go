package gen

import (
	"math/rand/v2"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// buildModel writes the complete content of one plan. Everything random
// comes from the plan's own PRNG, so plans can be built in any order.
func buildModel(spec *planSpec) *docModel {
	rng := rand.New(rand.NewPCG(spec.seed, uint64(spec.index)))
	c := newComposer(rng, spec)
	b := &builder{c: c, st: newStyle(rng), lees: -1, covered: map[string]bool{}}
	b.prios = spec.prios
	subjects := make([]string, len(b.prios))
	for i, p := range b.prios {
		subjects[i] = p.subject
	}
	c.prio = joinNL(subjects)
	m := &docModel{spec: spec, style: b.st, title: docTitle(rng, spec), prios: subjects}
	switch spec.typ {
	case corpus.TypeIVP:
		m.tagline = c.expand(pick(rng, taglines), nil)
		b.buildIVP()
	case corpus.TypeUitvoeringsplan:
		b.buildUitvoering()
	case corpus.TypeEvaluatie:
		b.buildEvaluatie()
	default:
		b.buildAnalyse()
	}
	b.finish()
	m.blocks = b.blocks
	return m
}

// docTitle returns the title on the cover.
func docTitle(rng *rand.Rand, s *planSpec) string {
	p := periodText(s.start, s.end)
	if s.start != s.end {
		switch rng.IntN(7) {
		case 0:
			p = strings.Replace(p, "-", "–", 1)
		case 1:
			p = strings.Replace(p, "-", " - ", 1)
		}
	}
	return pick(rng, docTitles[s.typ]) + " " + p
}

// listPriorities adds a paragraph of bank id that opens with its template
// tpl, the one that names the plan's priorities.
func (b *builder) listPriorities(id string, tpl int) {
	bk := bankByID(id)
	b.paraAfter(bk, bk.text[tpl])
}

func (b *builder) coin() bool { return b.c.rng.IntN(2) == 0 }

func (b *builder) buildIVP() {
	b.chapter(b.title("inleiding"), "")
	b.section(b.title("aanleiding"))
	b.para(bankByID("visie"), nil)
	if b.coin() {
		b.para(bankByID("context"), nil)
	}
	b.section(b.title("kader"))
	b.para(bankByID("juridisch"), nil)
	b.section(b.title("totstandkoming"))
	b.para(bankByID("totstandkoming"), nil)
	b.section(b.title("leeswijzer"))
	b.leeswijzer()
	b.analysisChapter(b.c.spec.start)
	b.priorityChapter()
	b.themeChapters(nil, 2)
	b.executionChapter()
}

func (b *builder) analysisChapter(year int) {
	b.chapter(b.title("analyse"), "de veiligheidsanalyse: de cijfers en het verhaal erachter")
	b.para(bankByID("analyse-info"), nil)
	b.section(b.title("cijfers"))
	b.figures(year, bankByID("analyse-info"))
	b.section(b.title("beleving"))
	b.para(bankByID("beleving"), nil)
	b.section(b.title("terugblik"))
	b.para(bankByID("context"), nil)
}

func (b *builder) priorityChapter() {
	b.chapter(b.title("prioriteiten"), "de prioriteiten en wat we daarvoor gaan doen")
	b.listPriorities("prioriteiten", 0)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.para(p, nil)
		if b.st.subheads {
			b.sub(b.title("doel"))
			b.para(p, doelTemplates)
			b.sub(b.title("aanpak"))
		} else {
			b.para(p, doelTemplates)
		}
		b.bullets(p)
	}
}

// themeChapters writes the velden not covered by priorities: a chapter per
// veld, or one chapter with a section per veld. Each veld gets up to
// perVeld+1 themes; lead opens each theme paragraph (may be nil).
func (b *builder) themeChapters(lead []string, perVeld int) {
	nested := !b.st.veldChapters
	if nested {
		b.chapter(b.title("overige"), "de overige veiligheidsthema's")
	}
	for v := 1; v <= 5; v++ {
		t := b.veldTitle(v)
		if nested {
			b.section(t)
		} else {
			b.chapter(t, "het veiligheidsveld "+strings.ToLower(veldTitles[v][0]))
		}
		b.veldContent(v, nested, lead, perVeld+b.c.rng.IntN(2))
	}
}

// veldContent writes up to n uncovered themes of veld v.
func (b *builder) veldContent(v int, nested bool, lead []string, n int) {
	if intro := introBank(v); intro != nil && (!nested || b.coin()) {
		b.para(intro, nil)
	}
	cands := themeBanks(v)
	b.c.rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	for _, bk := range cands {
		if n == 0 {
			return
		}
		if b.isCovered(bk) {
			continue
		}
		n--
		if label := pick(b.c.rng, bk.labels); nested {
			b.sub(label)
		} else {
			b.section(label)
		}
		b.para(bk, lead)
		switch b.c.rng.IntN(4) {
		case 0:
			b.bullets(bk)
		case 1:
			b.para(bk, nil)
		}
	}
}

func (b *builder) executionChapter() {
	b.chapter(b.title("uitvoering"), "de uitvoering, de monitoring en de middelen")
	b.section(b.title("regie"))
	b.para(bankByID("partners"), nil)
	if b.coin() {
		b.para(bankByID("informatie"), nil)
	}
	b.section(b.title("cyclus"))
	b.para(bankByID("cyclus"), nil)
	b.section(b.title("middelen"))
	b.para(bankByID("middelen"), nil)
}

func (b *builder) buildUitvoering() {
	b.chapter(b.title("inleiding"), "")
	b.section(b.title("aanleiding"))
	b.para(bankByID("uitv-intro"), nil)
	b.section(b.title("samenwerking"))
	b.para(bankByID("partners"), nil)
	b.chapter(b.title("uitv-prio"), "")
	b.listPriorities("prioriteiten", 0)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.para(p, doelTemplates)
		if b.coin() {
			b.para(p, nil)
		}
		b.sub(b.title("acties"))
		b.bullets(p)
	}
	b.chapter(b.title("overige"), "")
	for v := 1; v <= 5; v++ {
		b.section(b.veldTitle(v))
		b.veldContent(v, true, nil, 1+b.c.rng.IntN(2))
	}
	b.chapter(b.title("uitv-middelen"), "")
	b.section(b.title("middelen"))
	b.para(bankByID("middelen"), nil)
	b.section(b.title("cyclus"))
	b.para(bankByID("cyclus"), nil)
}

func (b *builder) buildEvaluatie() {
	b.chapter(b.title("inleiding"), "")
	b.section(b.title("aanleiding"))
	b.para(bankByID("eval-intro"), nil)
	b.section(b.title("werkwijze"))
	b.para(bankByID("eval-werkwijze"), nil)
	b.section(b.title("leeswijzer"))
	b.leeswijzer()
	b.chapter(b.title("eval-prio"), "de resultaten per prioriteit")
	b.para(bankByID("context"), nil)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.para(p, evalTemplates)
		b.sub(b.title("eval-goed"))
		b.para(p, evalTemplates)
		b.sub(b.title("eval-beter"))
		b.para(p, evalTemplates)
		b.bullets(p)
	}
	b.chapter(b.title("overige"), "de terugblik op de overige veiligheidsthema's")
	for v := 1; v <= 5; v++ {
		b.section(b.veldTitle(v))
		b.veldContent(v, true, evalTemplates, 1)
	}
	b.chapter(b.title("cijfers"), "de ontwikkeling van de cijfers en de veiligheidsbeleving")
	b.figures(b.c.spec.end+1, bankByID("analyse-info"))
	b.section(b.title("beleving"))
	b.para(bankByID("beleving"), nil)
	b.chapter(b.title("eval-org"), "de samenwerking, de organisatie en de middelen")
	b.para(bankByID("partners"), nil)
	b.para(bankByID("middelen"), nil)
	b.chapter(b.title("conclusies"), "de conclusies en aanbevelingen")
	b.listPriorities("aanbevelingen", 0)
}

func (b *builder) buildAnalyse() {
	b.chapter(b.title("inleiding"), "")
	b.para(bankByID("analyse-info"), nil)
	b.section(b.title("bronnen"))
	b.para(bankByID("informatie"), nil)
	b.section(b.title("kader"))
	b.para(bankByID("juridisch"), nil)
	b.section(b.title("leeswijzer"))
	b.leeswijzer()
	b.chapter(b.title("hoofdlijnen"), "het veiligheidsbeeld op hoofdlijnen")
	b.figures(b.c.spec.start, bankByID("analyse-info"))
	b.section(b.title("beleving"))
	b.para(bankByID("beleving"), nil)
	b.themeChapters(analyseTemplates, 2)
	b.chapter(b.title("aandacht"), "de conclusies en de aandachtspunten voor het beleid")
	b.listPriorities("aanbevelingen", 1)
}
