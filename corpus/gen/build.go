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
	// The first twelve plans, the sample of small tests, keep a text
	// cover: ingest does not yet read the title from the running header.
	b.st.imageCover = b.st.imageCover && spec.index > 12
	// Derived from the seed rather than drawn, so that the text does not
	// depend on it.
	b.st.twoColumns = spec.seed%5 == 0
	b.st.ligatures = spec.ligatures()
	c.lig = b.st.ligatures
	c.typo = c.typo || c.lig
	b.prios = spec.prios
	b.lacks = newLacks(rng, spec.typ)
	c.noSMART = b.lacks[elMeetbaar]
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
	if b.coin() {
		b.section(b.title("visie"))
		b.para(bankByID("visie"), nil)
	}
	b.section(b.title("kader"))
	b.para(bankByID("juridisch"), nil)
	b.note("Politiewet 2012, artikel 38b, eerste lid; zie ook artikel 172 van de Gemeentewet over de handhaving van de openbare orde.")
	if b.has(elBetrokkenheid) {
		b.section(b.title("totstandkoming"))
		b.para(bankByID("totstandkoming"), nil)
	}
	b.section(b.title("leeswijzer"))
	b.leeswijzer()
	b.analysisChapter(b.c.spec.start)
	b.priorityChapter()
	b.themeChapters(nil, 3)
	b.policyChapter()
	b.executionChapter()
}

func (b *builder) analysisChapter(year int) {
	b.chapter(b.title("analyse"), "de veiligheidsanalyse: de cijfers en het verhaal erachter")
	b.para(bankByID("analyse-info"), nil)
	b.section(b.title("cijfers"))
	b.figures(year, bankByID("analyse-info"))
	b.section(b.title("beleving"))
	if b.coin() {
		b.monitorTable(year)
	} else {
		b.para(bankByID("beleving"), nil)
	}
	b.mark(elAnalyse)
	if b.has(elEvaluatie) {
		b.section(b.title("terugblik"))
		b.para(bankByID("context"), terugblikLead)
		b.mark(elEvaluatie)
	}
}

func (b *builder) priorityChapter() {
	b.chapter(b.title("prioriteiten"), "de prioriteiten en wat we daarvoor gaan doen")
	b.overview("prioriteiten", 0)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.themePara(p, nil)
		b.mark(elPrioriteiten)
		if b.st.subheads {
			b.sub(b.title("doel"))
			b.doel(p)
			b.sub(b.title("aanpak"))
			if b.coin() {
				b.themePara(p, nil)
			}
		} else {
			b.doel(p)
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
		b.themePara(bk, lead)
		b.markLead(lead)
		switch b.c.rng.IntN(3) {
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
		b.para(bankByID("partners"), nil)
	}
	if b.coin() {
		b.para(bankByID("informatie"), nil)
	}
	if b.has(elMonitoring) {
		b.section(b.title("cyclus"))
		b.para(bankByID("cyclus"), nil)
	}
	if b.has(elMiddelen) {
		b.section(b.title("middelen"))
		if b.coin() {
			b.budgetTable()
		}
		b.para(bankByID("middelen"), nil)
	}
}

func (b *builder) buildUitvoering() {
	b.chapter(b.title("inleiding"), "")
	b.section(b.title("aanleiding"))
	b.para(bankByID("uitv-intro"), nil)
	if b.coin() {
		b.para(bankByID("uitv-intro"), nil)
	}
	b.section(b.title("samenwerking"))
	b.para(bankByID("partners"), nil)
	b.uitvPriorities()
	b.chapter(b.title("overige"), "")
	for v := 1; v <= 5; v++ {
		b.section(b.veldTitle(v))
		b.veldContent(v, true, nil, 3+b.c.rng.IntN(2))
	}
	b.chapter(b.title("uitv-middelen"), "")
	if b.has(elMiddelen) {
		b.section(b.title("middelen"))
		if b.coin() {
			b.budgetTable()
		}
		b.para(bankByID("middelen"), nil)
	}
	b.section(b.title("cyclus"))
	b.para(bankByID("cyclus"), nil)
	if b.has(elCommunicatie) && b.coin() {
		b.section(pick(b.c.rng, []string{"Communicatie", "Communicatie en voorlichting"}))
		b.para(bankByID("communicatie"), nil)
	}
}

// uitvPriorities writes the chapter with a goal and actions per priority.
func (b *builder) uitvPriorities() {
	b.chapter(b.title("uitv-prio"), "")
	b.overview("prioriteiten", 0)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.doel(p)
		if b.coin() {
			b.themePara(p, nil)
		}
		b.sub(b.title("acties"))
		b.bullets(p)
		b.mark(elAanpak, elUitvoering)
	}
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
	b.para(bankByID("context"), terugblikLead)
	b.mark(elEvaluatie)
	for _, p := range b.prios {
		b.section(pick(b.c.rng, p.labels))
		b.evalPara(p)
		b.sub(b.title("eval-goed"))
		b.evalPara(p)
		b.sub(b.title("eval-beter"))
		b.evalPara(p)
		b.bullets(p)
		b.mark(elEvaluatie)
	}
	b.chapter(b.title("overige"), "de terugblik op de overige veiligheidsthema's")
	for v := 1; v <= 5; v++ {
		b.section(b.veldTitle(v))
		b.veldContent(v, true, evalTemplates, 3)
	}
	b.chapter(b.title("cijfers"), "de ontwikkeling van de cijfers en de veiligheidsbeleving")
	b.figures(b.c.spec.end+1, bankByID("analyse-info"))
	b.section(b.title("beleving"))
	b.monitorTable(b.c.spec.end + 1)
	b.chapter(b.title("eval-org"), "de samenwerking, de organisatie en de middelen")
	b.para(bankByID("partners"), nil)
	b.para(bankByID("middelen"), nil)
	b.chapter(b.title("conclusies"), "de conclusies en aanbevelingen")
	b.overview("aanbevelingen", 0)
	b.para(bankByID("aanbevelingen"), nil)
}

// evalPara adds a paragraph that looks back on priority p.
func (b *builder) evalPara(p *bank) {
	b.themePara(p, evalTemplates)
	b.mark(elEvaluatie)
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
	b.monitorTable(b.c.spec.start)
	b.themeChapters(analyseTemplates, 4)
	b.chapter(b.title("aandacht"), "de conclusies en de aandachtspunten voor het beleid")
	b.overview("aanbevelingen", 1)
	b.para(bankByID("aanbevelingen"), nil)
}

// markLead sets the element of a theme paragraph opened by lead: a look
// back (evaluatie) or a reading of the figures (analyse).
func (b *builder) markLead(lead []string) {
	switch {
	case len(lead) == 0:
	case &lead[0] == &evalTemplates[0]:
		b.mark(elEvaluatie)
	case &lead[0] == &analyseTemplates[0]:
		b.mark(elAnalyse)
	}
}
