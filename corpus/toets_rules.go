package corpus

import (
	"regexp"
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

// Verdict is the kwaliteitstoets' judgement of one checklist element.
type Verdict string

// The three verdicts, as the report shows them.
const (
	VerdictPresent Verdict = "aanwezig"
	VerdictWeak    Verdict = "zwak"
	VerdictMissing Verdict = "ontbreekt"
)

// weakRule says when an element that a plan shows is still thin: none of
// the passages that show it matches need, or they have fewer than
// minPassages passages or minWords words between them. Rule is the Dutch
// explanation the report shows; Advice the improvement proposal for an
// element that is weak or missing, written to the plan's author.
type weakRule struct {
	Rule        string
	Advice      string
	need        *regexp.Regexp // matched on folded text
	minPassages int
	minWords    int
}

// weakRules holds the rule of each element by number. Patterns are
// written folded (nl.Fold), like the checklist's signals.
var weakRules = map[int]weakRule{
	1: {Rule: "Zwak als het plan de wettelijke grond (artikel 38b Politiewet) of de vaststelling door de raad niet noemt.",
		Advice: "Noem in de inleiding dat de raad het plan vaststelt op grond van artikel 38b van de Politiewet, en vermeld de datum van het raadsbesluit.",
		need:   regexp.MustCompile(`38b|gemeentewet|politiewet|\braad\b|gemeenteraad|vastgesteld|vaststelling`)},
	2: {Rule: "Zwak als de opbouw of afbakening van het plan in minder dan 40 woorden wordt uitgelegd.",
		Advice:   "Voeg een leeswijzer toe die per hoofdstuk zegt wat de lezer vindt, en baken af wat wel en niet onder het plan valt.",
		minWords: 40},
	3: {Rule: "Zwak als de visie of ambitie in minder dan 40 woorden wordt beschreven.",
		Advice:   "Beschrijf in een eigen paragraaf de visie op veiligheid in uw gemeente: waar wilt u over vier jaar staan, en welke uitgangspunten (zoals preventie vóór repressie) sturen de keuzes?",
		minWords: 40},
	4: {Rule: "Zwak als de terugblik geen resultaten in cijfers of jaartallen noemt.",
		Advice: "Blik terug op het vorige plan: welke doelen zijn gehaald, welke niet en waarom? Noem de resultaten met cijfers en trek er lessen uit voor dit plan.",
		need:   regexp.MustCompile(`\d`)},
	5: {Rule: "Zwak als de analyse geen cijfers noemt (aantallen, percentages of trends).",
		Advice: "Onderbouw het veiligheidsbeeld met cijfers: geregistreerde criminaliteit, meldingen van overlast en de veiligheidsbeleving, met hun ontwikkeling over de afgelopen jaren en de bron.",
		need:   regexp.MustCompile(`\d+ ?%|\d{2,}|procent`)},
	6: {Rule: "Zwak als de prioriteiten niet met cijfers worden onderbouwd.",
		Advice: "Kies een beperkt aantal prioriteiten en onderbouw elke keuze met cijfers uit de veiligheidsanalyse: waarom juist dit onderwerp, en hoe groot is het probleem?",
		need:   regexp.MustCompile(`\d+ ?%|\d{2,}|procent`)},
	7: {Rule: "Zwak als de doelen geen meetpunt of termijn hebben (geen percentage, aantal, jaartal of nulmeting).",
		Advice: "Maak de doelen meetbaar: noem per prioriteit een indicator, de uitgangswaarde (nulmeting), de streefwaarde en het jaar waarin u die wilt halen.",
		need:   regexp.MustCompile(`20\d\d|nulmeting|jaarlijks|einde van de (plan)?periode`)},
	8: {Rule: "Zwak als de aanpak in minder dan twee passages wordt beschreven.",
		Advice:      "Beschrijf per prioriteit op hoofdlijnen wat u gaat doen: welke maatregelen en instrumenten zet u in, preventief en repressief?",
		minPassages: 2},
	9: {Rule: "Zwak als het plan geen partners bij naam noemt.",
		Advice: "Zeg welke rol de gemeente neemt (regie, uitvoering, faciliteren) en wat u van partners als politie, Openbaar Ministerie, brandweer, woningcorporaties en zorgpartners verwacht.",
		need:   regexp.MustCompile(`politie|openbaar ministerie|brandweer|woningcorporatie|riec|veiligheidshuis|halt|zorgpartners`)},
	10: {Rule: "Zwak als niet blijkt dat de raad of inwoners bij het plan betrokken waren.",
		Advice: "Beschrijf hoe het plan tot stand kwam: wie dachten mee (raad, inwoners, ondernemers, partners), op welke manier, en wat deed u met hun inbreng?",
		need:   regexp.MustCompile(`\braad\b|gemeenteraad|inwoners|bewoners|ondernemers|raadsleden`)},
	11: {Rule: "Zwak als niet wordt gezegd wanneer of hoe vaak het uitvoeringsplan wordt opgesteld.",
		Advice: "Kondig aan dat u het plan uitwerkt in een (jaarlijks) uitvoeringsplan met concrete acties, trekkers, planning en budget, en zeg wanneer de raad het ontvangt.",
		need:   regexp.MustCompile(`jaarlijks|per jaar|elk jaar|ieder jaar|20\d\d`)},
	12: {Rule: "Zwak als geen bedrag of capaciteit (euro's of fte) wordt genoemd.",
		Advice: "Maak zichtbaar welke middelen er zijn: het budget per jaar en per prioriteit in euro's, de capaciteit in fte, en waar de dekking vandaan komt.",
		need:   regexp.MustCompile(`€|euro|\d ?fte`)},
	13: {Rule: "Zwak als er geen moment van evaluatie of rapportage wordt genoemd.",
		Advice: "Leg vast wanneer u meet en rapporteert: bijvoorbeeld een jaarlijkse voortgangsrapportage aan de raad, een tussenevaluatie halverwege en een eindevaluatie als basis voor het volgende plan.",
		need:   regexp.MustCompile(`jaarlijks|halfjaarlijks|per kwartaal|tussenevaluatie|tussentijds|eindevaluatie|elk jaar|ieder jaar|20\d\d`)},
	14: {Rule: "Zwak als de samenhang met ander beleid in minder dan 30 woorden wordt genoemd.",
		Advice:   "Leg uit hoe het plan samenhangt met ander beleid, zoals het sociaal domein, jeugdbeleid, het regionaal beleidsplan van de politie en de omgevingsvisie.",
		minWords: 30},
	15: {Rule: "Zwak als de communicatie in minder dan 30 woorden wordt genoemd.",
		Advice:   "Beschrijf hoe u inwoners en partners over het plan en de resultaten informeert, bijvoorbeeld met een communicatiekalender en de inzet van wijkagenten en sociale media.",
		minWords: 30},
}

// Assessment is the kwaliteitstoets' verdict on one element, with the
// rule for weak and, when weak or missing, the advice.
type Assessment struct {
	CheckResult
	Verdict Verdict `json:"verdict"`
	Rule    string  `json:"weak_rule"`
	Advice  string  `json:"advice,omitempty"`
}

// AssessPlan judges a plan's passages on every checklist element:
// missing when CheckPlan does not find it, weak when its weakRule holds
// for the passages that show it, else present.
func AssessPlan(passages []Passage) []Assessment {
	byOrdinal := make(map[int]*Passage, len(passages))
	for i := range passages {
		byOrdinal[passages[i].Ordinal] = &passages[i]
	}
	checks := CheckPlan(passages)
	out := make([]Assessment, len(checks))
	for i, c := range checks {
		r := weakRules[c.Number]
		a := Assessment{CheckResult: c, Verdict: VerdictPresent, Rule: r.Rule}
		switch {
		case !c.Present:
			a.Verdict = VerdictMissing
		case r.thin(c.Passages, byOrdinal):
			a.Verdict = VerdictWeak
		}
		if a.Verdict != VerdictPresent {
			a.Advice = r.Advice
		}
		out[i] = a
	}
	return out
}

// thin says the passages (by ordinal) show the element only weakly.
func (r weakRule) thin(ordinals []int, byOrdinal map[int]*Passage) bool {
	words, found := 0, r.need == nil
	for _, o := range ordinals {
		p, ok := byOrdinal[o]
		if !ok {
			continue
		}
		words += len(strings.Fields(p.Text))
		if !found && r.need.MatchString(nl.Fold(p.Text)) {
			found = true
		}
	}
	return !found || len(ordinals) < r.minPassages || words < r.minWords
}

// ShowsWell says a passage alone shows element number without being weak
// by its rule: a good example for a plan that lacks it. Its own text must
// have one of the element's phrases (a heading alone often joins several
// elements), it must stand under the element's own heading or carry its
// theme, and be long enough to read as an example.
func ShowsWell(number int, p Passage) bool {
	if number < 1 || number > len(Checklist) {
		return false
	}
	r, e, text := weakRules[number], Checklist[number-1], nl.Fold(p.Text)
	inner := ""
	if len(p.Headings) > 0 {
		inner = nl.Fold(p.Headings[len(p.Headings)-1])
	}
	min := max(r.minWords, 25)
	return len(strings.Fields(p.Text)) >= min && e.weak(text) && e.strong(inner, p.Tags.Themes) &&
		(r.need == nil || r.need.MatchString(text))
}
