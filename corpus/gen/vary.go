package gen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A rewrite replaces a word or phrase of an expanded sentence. The phrase
// banks alone give each template a few dozen forms; over hundreds of plans
// the same sentence would come back again and again, which neither real
// plans nor a search engine's tests like. vary rewrites sentences the way
// authors of different plans would: other function words (wij for we),
// synonyms, and the plan's own gemeente, wijken and years where a sentence
// speaks of inwoners, jongeren or "de afgelopen jaren".
type rewrite struct {
	from string   // lower-case phrase, matched on word boundaries
	to   []string // alternatives; slots in braces are filled for the plan
	pct  int      // chance in percent that an occurrence is rewritten
}

// synonyms keep the meaning and the word order.
var synonyms = []rewrite{
	{"we", []string{"wij"}, 35},
	{"daarnaast", []string{"ook", "verder", "bovendien", "tevens"}, 60},
	{"onder meer", []string{"onder andere", "bijvoorbeeld"}, 50},
	{"bijvoorbeeld", []string{"onder andere", "onder meer"}, 40},
	{"vaak", []string{"dikwijls", "regelmatig", "veelal"}, 50},
	{"samen met", []string{"in samenwerking met", "met"}, 50},
	{"met name", []string{"vooral", "in het bijzonder"}, 50},
	{"vooral", []string{"met name", "in het bijzonder", "bovenal"}, 50},
	{"partners", []string{"ketenpartners", "veiligheidspartners", "samenwerkingspartners"}, 50},
	{"inwoners", []string{"bewoners"}, 25},
	{"maatregelen", []string{"interventies", "middelen"}, 40},
	{"signalen", []string{"meldingen", "aanwijzingen"}, 40},
	{"is belangrijk", []string{"is van belang", "is essentieel", "is van groot belang"}, 60},
	{"gemeente en politie", []string{"politie en gemeente"}, 50},
	{"steeds meer", []string{"in toenemende mate", "almaar meer"}, 50},
	{"snel", []string{"vlot", "tijdig"}, 40},
	{"de komende periode", []string{"de komende jaren", "de planperiode"}, 50},
	{"ook", []string{"eveneens"}, 20},
	{"duidelijk", []string{"helder"}, 40},
	{"belangrijke", []string{"grote", "wezenlijke"}, 40},
	{"verbeteren", []string{"versterken", "beter maken"}, 40},
	{"aandacht", []string{"aandacht", "zorg"}, 25},
	{"professionals", []string{"medewerkers", "vakmensen"}, 40},
	{"regelmatig", []string{"geregeld", "met regelmaat"}, 50},
	{"jaarlijks", []string{"elk jaar", "ieder jaar"}, 50},
	{"elk jaar", []string{"jaarlijks", "ieder jaar"}, 50},
	{"soms", []string{"af en toe", "in sommige gevallen"}, 50},
	{"tijdig", []string{"op tijd", "vroegtijdig"}, 50},
	{"waardevolle", []string{"bruikbare", "nuttige"}, 50},
	{"jongeren", []string{"jeugdigen"}, 25},
	{"ouderen", []string{"senioren"}, 40},
	{"informatie", []string{"gegevens"}, 30},
	{"steeds vaker", []string{"almaar vaker", "in toenemende mate"}, 60},
	{"zoals", []string{"waaronder"}, 30},
	{"in de wijk", []string{"in de buurt"}, 30},
	{"problemen", []string{"knelpunten"}, 30},
	{"nauw", []string{"intensief"}, 40},
	{"extra aandacht", []string{"bijzondere aandacht", "meer aandacht"}, 60},
	{"het buitengebied", []string{"het landelijk gebied", "de buitengebieden"}, 50},
	{"criminaliteit", []string{"criminaliteit", "misdaad"}, 20},
	{"de aanpak", []string{"de benadering", "de inzet"}, 25},
	{"vormen", []string{"zijn"}, 20},
	{"helpt", []string{"ondersteunt"}, 30},
}

// anchors tie a sentence to the plan: one of them, the first that
// matches, is applied to a sentence.
var anchors = []rewrite{
	{"in de afgelopen jaren", []string{"sinds {vorig3}", "in de periode {vorig3}-{vorig}", "in de afgelopen vier jaar"}, 80},
	{"de afgelopen jaren", []string{"sinds {vorig3}", "in de periode {vorig3}-{vorig}"}, 80},
	{"in de komende jaren", []string{"tot en met {eind}", "in de periode {periode}"}, 80},
	{"de komende jaren", []string{"tot en met {eind}", "in de periode {periode}"}, 80},
	{"inwoners", []string{"inwoners van {gemeente}"}, 90},
	{"bewoners", []string{"bewoners van {wijk}", "bewoners van {gemeente}"}, 75},
	{"de gemeente", []string{"de gemeente {gemeente}"}, 90},
	{"onze gemeente", []string{"{gemeente}"}, 80},
	{"ondernemers", []string{"ondernemers in {gemeente}", "ondernemers uit {gemeente}"}, 90},
	{"jongeren", []string{"jongeren in {gemeente}", "jongeren uit {wijk}"}, 90},
	{"de wijken", []string{"de wijken van {gemeente}", "wijken als {wijk} en {wijk2}"}, 75},
	{"medewerkers", []string{"medewerkers van de gemeente {gemeente}"}, 60},
	{"de politie", []string{"de politie in {gemeente}", "het basisteam van de politie"}, 60},
	{"de raad", []string{"de raad van {gemeente}", "de gemeenteraad van {gemeente}"}, 70},
	{"het college", []string{"het college van {gemeente}"}, 60},
	{"ketenpartners", []string{"ketenpartners in {gemeente}"}, 60},
	{"veiligheidspartners", []string{"veiligheidspartners in {gemeente}"}, 60},
	{"partners", []string{"partners in {gemeente}"}, 60},
	{"de buurt", []string{"de buurt", "{wijk}"}, 40},
}

// varyWords applies the synonyms to one expanded sentence.
func (c *composer) varyWords(s string) string {
	for _, r := range synonyms {
		if r.pct > 0 {
			s = c.rewriteAll(s, r)
		}
	}
	return c.varyLigatures(s)
}

// vary rewrites one expanded sentence (see rewrite): synonyms, then one
// anchor in the plan; an adverbial is inserted after word from or later.
// A sentence that opens a paragraph (from > 0) keeps its words: it only
// gets ", ook in Arnhem" at its end.
func (c *composer) vary(s string, from int) string {
	if from > 0 {
		return c.anchorEnd(s)
	}
	s = c.varyWords(s)
	for _, r := range anchors {
		if t, ok := c.rewriteFirst(s, r); ok && t != s {
			return t
		}
	}
	if c.named(s) {
		return s
	}
	return c.anchorVerb(s, from)
}

// rewriteAll rewrites each occurrence of r.from with chance r.pct.
func (c *composer) rewriteAll(s string, r rewrite) string {
	var b strings.Builder
	for {
		i, n := findWord(s, r.from)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if c.rng.IntN(100) < r.pct {
			b.WriteString(matchCase(s[i:i+n], c.slots(pick(c.rng, r.to), nil)))
		} else {
			b.WriteString(s[i : i+n])
		}
		s = s[i+n:]
	}
}

// rewriteFirst rewrites the first occurrence of r.from, with chance
// r.pct; ok reports whether the phrase occurs at all, so that a sentence
// gets at most one anchor.
func (c *composer) rewriteFirst(s string, r rewrite) (string, bool) {
	i, n := findWord(s, r.from)
	if i < 0 {
		return s, false
	}
	if c.rng.IntN(100) >= r.pct || followedBy(s[i+n:], " van", " in", " uit", " {", "-") {
		return s, true
	}
	return s[:i] + matchCase(s[i:i+n], c.slots(pick(c.rng, r.to), nil)) + s[i+n:], true
}

func followedBy(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// findWord returns the byte offset and length of the first occurrence of
// the lower-case phrase w in s, in lower case or with a capital first
// letter, that stands on word boundaries; -1 if there is none.
func findWord(s, w string) (int, int) {
	capW := capitalize(w)
	for off := 0; off < len(s); {
		i := indexEither(s[off:], w, capW)
		if i < 0 {
			return -1, 0
		}
		i += off
		if boundaryBefore(s, i) && boundaryAfter(s, i+len(w)) {
			return i, len(w)
		}
		off = i + 1
	}
	return -1, 0
}

func indexEither(s, a, b string) int {
	i, j := strings.Index(s, a), strings.Index(s, b)
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’' || r == '{'
}

// matchCase gives repl a capital first letter when orig has one.
func matchCase(orig, repl string) string {
	r, _ := utf8.DecodeRuneInString(orig)
	if unicode.IsUpper(r) {
		return capitalize(repl)
	}
	return repl
}
