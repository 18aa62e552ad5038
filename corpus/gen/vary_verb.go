package gen

import "strings"

// finiteVerbs are the finite verb forms after which a main clause takes an
// adverbial such as "in Arnhem": "Rond scholen wordt [in Arnhem] overlast
// gemeld".
var finiteVerbs = wordSet(`is zijn wordt worden werd werden was waren heeft hebben had hadden kan kunnen
kon konden moet moeten wil willen zal zullen gaat gaan blijft blijven krijgt krijgen vormt vormen zet
zetten werkt werken maakt maken neemt nemen ligt liggen staat staan komt komen houdt houden geeft geven
brengt brengen biedt bieden vraagt vragen ziet zien weet weten speelt spelen helpt helpen zorgt zorgen
leidt leiden draagt dragen voert voeren stelt stellen ontvangt ontvangen vindt vinden gebruikt gebruiken
richt richten levert leveren kent kennen blijkt verschilt verschillen ondergaan ondergaat adviseren
adviseert stemmen stemt bespreken bespreekt volgen volgt signaleren signaleert investeren investeert
hangt hangen loopt lopen groeit groeien daalt dalen stijgt stijgen bestaat bestaan valt vallen
verdient verdienen vertellen vertelt werkten zochten zocht hielden hield kwamen kwam lag lagen bleef
bleven nam namen gaf gaven zag zagen liet lieten laat laten treft treffen toetsen toetst controleren
controleert krijgen verbeteren versterken versterkt ondersteunen ondersteunt organiseren organiseert
betrekken betrekt kijken kijkt benutten benut delen deelt zoeken zoekt voorkomen voorkomt overleggen
overlegt coördineert coördineren regelt regelen oefent oefenen redt redden geldt gelden spreekt spreken
licht lichten beïnvloedt beïnvloeden bepaalt bepalen verwijzen verwijst ervaart ervaren voelt voelen
meldt melden noemt noemen merkt merken betekent betekenen omvat omvatten raakt raken trekt trekken
ontstaat ontstaan verplaatst verplaatsen vergroot vergroten beperkt beperken bevordert bevorderen
stimuleert stimuleren zit zitten doet doen vergt vergen vereist vereisen verzorgt verzorgen bewaakt
bewaken pakt pakken schept scheppen sluit sluiten screent screenen past passen informeert informeren
leert leren kiest kiezen vallen moest moesten mocht mochten mag mogen zou zouden`)

// subordinators open a sentence with a subordinate clause, whose verb is
// not the place for an adverbial.
var subordinators = wordSet(`wie als wanneer omdat doordat hoewel nu zodra waar om wat indien mits tenzij
terwijl zolang voordat nadat totdat of dat`)

// subjectPronouns follow the finite verb in an inverted main clause.
var subjectPronouns = wordSet(`we wij ze zij het er hij u men zich`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// placeAdverbials are what anchorVerb inserts.
var placeAdverbials = []string{
	"in {gemeente}", "in {gemeente}", "ook in {gemeente}", "in de gemeente {gemeente}", "binnen de gemeente {gemeente}",
}

// anchorVerb inserts an adverbial after the finite verb (and a subject
// pronoun after it) of a main clause within its first ten words, if that
// puts it at word from or later. It returns s unchanged when it finds no
// safe place.
func (c *composer) anchorVerb(s string, from int) string {
	words := strings.Split(s, " ")
	if len(words) < 4 || subordinators[strings.ToLower(words[0])] {
		return s
	}
	for i := 1; i < min(len(words)-1, 10); i++ {
		w := words[i]
		if strings.ContainsAny(words[i-1], ",:;()") {
			return s
		}
		if subordinators[w] || w == "die" {
			break // a relative or subordinate clause: its verb comes last
		}
		if !finiteVerbs[w] {
			continue
		}
		if subjectPronouns[words[i+1]] && i+2 < len(words) {
			i++
		}
		if i+1 < from {
			return c.anchorEnd(s)
		}
		adv := c.slots(pick(c.rng, placeAdverbials), nil)
		return strings.Join(words[:i+1], " ") + " " + adv + " " + strings.Join(words[i+1:], " ")
	}
	return c.anchorEnd(s)
}

// anchorEnd adds ", ook in Arnhem" before the final full stop of a
// statement, where no adverbial could go after its verb.
func (c *composer) anchorEnd(s string) string {
	if !strings.HasSuffix(s, ".") || strings.ContainsAny(s[len(s)-2:], ")?:") {
		return s
	}
	return s[:len(s)-1] + c.slots(pick(c.rng, endAnchors), nil) + "."
}

var endAnchors = []string{", ook in {gemeente}", ", ook in {gemeente}", ", zeker ook in {gemeente}", ", ook binnen de gemeente {gemeente}"}
