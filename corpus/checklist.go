package corpus

import (
	"regexp"
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

// ChecklistElement is one core element of a good IVP (the kwaliteitstoets
// of ../shared/domain/checklist.md) with the signals that show it.
type ChecklistElement struct {
	Number   int    `json:"number"` // 1-15, the row of checklist.md
	Name     string `json:"name"`
	Optional bool   `json:"optional,omitempty"`
	headings []string
	phrases  []string
	themes   []string
	pattern  *regexp.Regexp
	hints    []string // pattern can only match text that contains one of these
	// lookBack makes a sentence strong evidence when it has a phrase of
	// both lists: it refers to the previous period and says how it went
	// (checklist.md: element 4 looks back, naming what went well and
	// what not; a context passage counts when it looks back at the
	// previous plan).
	lookBack [2][]string
	// strongPattern makes one passage that matches pattern enough: the
	// pattern is specific (a measured goal), the phrases are not.
	strongPattern bool
	safety        bool // a passage tagged with veld 1-5 is (weak) evidence
	oneHit        bool // one passage with a phrase is enough: the phrases are specific
	negates       bool // a phrase in a negated sentence does not count ("ontbrak een nulmeting")
	outer         bool // outer headings count too ("10 Uitvoering en monitoring")
}

// Checklist lists the 15 elements in order. Headings are the strong
// signal (checklist.md: "search headings first"); a phrase in the text is
// weak and counts only when minPhraseHits passages have one. Headings,
// phrases and patterns are matched on folded text (nl.Fold: lower case, no
// diacritics), so they are written folded: "financien" also finds
// "Financiën".
var Checklist = []ChecklistElement{
	{Number: 1, Name: "Wettelijke basis en vaststelling door de raad",
		headings: []string{"wettelijk kader", "juridisch kader", "raadsbesluit", "wettelijke basis"},
		phrases: []string{"38b", "eenmaal in de vier jaar", "gelet op", "besluit vast te stellen", "besluit: vast te stellen",
			"besluiten vast te stellen", "besluiten: vast te stellen", "de raad voor", "172 gemeentewet", "gezag over de politie", "de raad van de gemeente"},
		themes: []string{"0.juridisch-kader", "0.besluit-vaststelling"}},
	{Number: 2, Name: "Afbakening, structuur en leesbaarheid",
		headings: []string{"leeswijzer", "afbakening", "reikwijdte", "begrippen", "afkortingen", "opbouw van dit"},
		phrases:  []string{"leeswijzer", "afbakening", "reikwijdte", "begrippenlijst", "afkortingenlijst", "in hoofdstuk"}},
	{Number: 3, Name: "Visie, missie en uitgangspunten", oneHit: true,
		headings: []string{"visie", "missie", "ambitie", "uitgangspunten"},
		phrases:  []string{"missie", "visie", "ambitie", "uitgangspunten", "preventie, zorg en repressie", "coalitieakkoord", "collegeprogramma"}},
	{Number: 4, Name: "Evaluatie vorig beleid",
		headings: []string{"terugblik", "evaluatie vorig", "wat hebben we bereikt", "resultaten", "evaluatie van het vorige"},
		phrases:  []string{"vorige plan", "vorig integraal veiligheidsplan", "terugblik", "terugkijkend", "wat ging goed", "verbeterpunt", "de afgelopen vier jaar"},
		lookBack: [2][]string{{"terugkijk", "terugblik", "vorige periode", "vorige planperiode", "afgelopen planperiode",
			"vorige plan", "vorig integraal veiligheidsplan", "vorige veiligheidsplan"},
			{"resultaten", "resultaat", "behaald", "gehaald", "uitgevoerd", "versterkt", "verbeterd", "beter kan", "sterker",
				"ging goed", "verbeterpunt", "lessen", "bereikt"}}},
	{Number: 5, Name: "Lokale veiligheidsanalyse",
		headings: []string{"veiligheidsanalyse", "veiligheidsbeeld", "cijfers", "bronnen", "analyse van de veiligheid", "hoe veilig", "geregistreerde criminaliteit"},
		phrases:  []string{"politiecijfers", "geregistreerde criminaliteit", "waarstaatjegemeente", "ondermijningsbeeld"}},
	{Number: 6, Name: "Lokale prioriteiten",
		headings: []string{"prioriteit", "prioriteiten", "speerpunt", "speerpunten", "keuzes", "focus"},
		phrases:  []string{"prioriteiten", "speerpunten", "prioritaire", "strategische thema", "regionaal beleidsplan"},
		themes:   []string{"0.prioriteiten-overzicht"}},
	{Number: 7, Name: "Meetbare doelstellingen", negates: true, strongPattern: true,
		phrases: []string{"nulmeting", "streefwaarde", "smart", "meetbaar", "afrekenbaar"},
		pattern: measurable,
		hints:   []string{"willen we", "ons doel", "doel is", "doelstelling", "streven", "daalt", "dalen", "gedaald", "stijgt", "stijgen", "lager ligt", "niveau van"}},
	{Number: 8, Name: "Aanpak op hoofdlijnen", safety: true,
		headings: []string{"aanpak", "wat gaan we doen", "wat doen we", "acties", "maatregelen"},
		phrases:  []string{"wat gaan we doen", "maatregelen", "instrumenten", "bevoegdheden van de burgemeester"}},
	{Number: 9, Name: "Regie en rolverdeling gemeente en partners",
		headings: []string{"samenwerking", "organisatie", "regie", "partners", "rollen"},
		phrases:  []string{"regierol", "ketenpartners", "samenwerkingspartners"}},
	{Number: 10, Name: "Betrokkenheid van raad, inwoners en partners",
		headings: []string{"totstandkoming", "participatie", "tot stand", "proces"},
		phrases:  []string{"in samenspraak", "meegedacht", "flitspeiling", "startbijeenkomst", "werksessie", "raadsinformatiebijeenkomst", "geconsulteerd"}},
	{Number: 11, Name: "Uitvoeringsplan", oneHit: true,
		headings: []string{"uitvoeringsplan", "uitvoering", "jaarplan", "acties"},
		phrases:  []string{"uitvoeringsplan", "jaarplan", "uitvoeringsprogramma", "jaaruitvoeringsplan"}},
	{Number: 12, Name: "Middelen: budget en capaciteit",
		headings: []string{"financien", "financiering", "middelen", "budget", "begroting", "capaciteit"},
		phrases:  []string{"begroting", "€", " fte", "dekking", "budget van"}},
	{Number: 13, Name: "Monitoring, evaluatie en verantwoording",
		headings: []string{"monitoring", "verantwoording", "beleidscyclus"},
		phrases:  []string{"tussenevaluatie", "tussentijdse evaluatie", "eindevaluatie", "voortgangsrapportage", "beleidscyclus", "bijsturen"}},
	{Number: 14, Name: "Samenhang met ander beleid",
		headings: []string{"samenhang", "ander beleid", "relatie met"},
		phrases:  []string{"ander beleid", "flankerend beleid", "ander gemeentelijk beleid"}},
	{Number: 15, Name: "Communicatie", Optional: true,
		headings: []string{"communicatie", "voorlichting"},
		phrases:  []string{"communiceren we", "communicatiekalender", "communicatieplan"}},
}

// measurable matches a goal with a measure (checklist.md: a number plus
// a direction near "doel"): an aim with a percentage or a floor ("ten
// minste 7"), a rise or fall by a percentage or to a value, or a level
// against a base year. Words are whole ("Roerdalen" is no "dalen"), and a
// floor needs its number ("het niveau minimaal vasthouden" measures
// nothing).
var measurable = regexp.MustCompile(`\b(willen we|ons doel|doel is|doelstelling|streven)\b[^.]{0,120}(\d+ ?%|\bprocent|\brapportcijfer|\b(ten minste|minimaal) \d)` +
	`|\b(daalt|dalen|gedaald|stijgt|stijgen|lager ligt)\b[^.]{0,60}(\d+ ?%|\b(naar|tot) (ten minste |minimaal )?\d)` +
	`|\b(ligt|blijft)\b[^.]{0,40}\b(onder|boven) het niveau van (19|20)\d\d`)

// minPhraseHits is how many passages with a phrase (and no heading) show
// an element.
const minPhraseHits = 2

// CheckResult is whether a plan shows one element, and where.
type CheckResult struct {
	Number   int    `json:"number"`
	Name     string `json:"name"`
	Optional bool   `json:"optional,omitempty"`
	Present  bool   `json:"present"`
	Pages    []int  `json:"pages"`    // pages of the passages that show it
	Passages []int  `json:"passages"` // their ordinals
}

// CheckPlan tests a plan's passages against the checklist: an element is
// present when its section heading (the innermost; outer headings often
// join several elements) or the tags show it, or the text of at least
// minPhraseHits passages does.
func CheckPlan(passages []Passage) []CheckResult {
	out := make([]CheckResult, len(Checklist))
	weak := make([]CheckResult, len(Checklist))
	for i, e := range Checklist {
		out[i] = CheckResult{Number: e.Number, Name: e.Name, Optional: e.Optional, Pages: []int{}, Passages: []int{}}
	}
	for _, p := range passages {
		inner, all := "", nl.Fold(strings.Join(p.Headings, "\n"))
		if len(p.Headings) > 0 {
			inner = nl.Fold(p.Headings[len(p.Headings)-1])
		}
		text := nl.Fold(p.Text)
		for i, e := range Checklist {
			heads := inner
			if e.outer {
				heads = all
			}
			switch {
			case e.strong(heads, p.Tags.Themes), e.looksBack(text), e.strongPattern && e.patternHit(text):
				out[i].add(p)
			case out[i].Present:
				// weak evidence counts only for elements without strong
			case e.weak(text) || e.safety && p.Tags.Veld > 0:
				weak[i].add(p)
			}
		}
	}
	for i := range out {
		need := minPhraseHits
		if Checklist[i].oneHit {
			need = 1
		}
		if !out[i].Present && len(weak[i].Passages) >= need {
			out[i].Present, out[i].Pages, out[i].Passages = true, weak[i].Pages, weak[i].Passages
		}
	}
	return out
}

func (e ChecklistElement) strong(heads string, themes []string) bool {
	for _, h := range e.headings {
		if containsWord(heads, h) {
			return true
		}
	}
	for _, t := range e.themes {
		for _, u := range themes {
			if t == u {
				return true
			}
		}
	}
	return false
}

// looksBack says a sentence of text has a phrase of both lookBack lists.
// A negation does not undo it: "terugkijkend zien we dat niet alle acties
// zijn uitgevoerd" still looks back.
func (e ChecklistElement) looksBack(text string) bool {
	if len(e.lookBack[0]) == 0 {
		return false
	}
	for _, sent := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		if containsAny(sent, e.lookBack[0]) && containsAny(sent, e.lookBack[1]) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func (e ChecklistElement) weak(text string) bool {
	for _, ph := range e.phrases {
		i := strings.Index(text, ph)
		if i >= 0 && e.oneHit && !containsWord(text, ph) {
			continue // a single hit must be the word itself, not "uitvoeringsplannen" of the past
		}
		if i >= 0 && !(e.negates && negated(text, i)) {
			return true
		}
	}
	return e.patternHit(text)
}

// patternHit says the element's pattern matches text outside a negated
// sentence.
func (e ChecklistElement) patternHit(text string) bool {
	if e.pattern == nil || !e.hinted(text) {
		return false
	}
	loc := e.pattern.FindStringIndex(text)
	return loc != nil && !(e.negates && negated(text, loc[0]))
}

// hinted says text contains one of the element's hints (or it has none):
// a cheap test that spares the pattern most passages, which it cannot
// match anyway.
func (e ChecklistElement) hinted(text string) bool {
	if len(e.hints) == 0 {
		return true
	}
	for _, h := range e.hints {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// negation marks a sentence that says an element is missing ("er
// ontbrak een nulmeting", "niet alle effecten zijn meetbaar").
var negation = regexp.MustCompile(`\b(ontbr\w*|niet|geen)\b`)

// negated reports whether the sentence around text[i] is negated.
func negated(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], ".!?") + 1
	end := strings.IndexAny(text[i:], ".!?")
	if end < 0 {
		end = len(text) - i
	}
	return negation.MatchString(text[start : i+end])
}

func (r *CheckResult) add(p Passage) {
	r.Present = true
	r.Passages = append(r.Passages, p.Ordinal)
	if n := len(r.Pages); p.PageFrom > 0 && (n == 0 || r.Pages[n-1] != p.PageFrom) {
		r.Pages = append(r.Pages, p.PageFrom)
	}
}

// containsWord reports whether s contains w as whole words, so that the
// heading "Burgerparticipatie" is not "participatie" and "Middelengebruik"
// not "middelen".
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if !letterAt(s, start-1) && !letterAt(s, end) {
			return true
		}
		i = start + 1
	}
}

func letterAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= 0x80
}
