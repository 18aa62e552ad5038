package gen

import "strings"

// Plans set with ligatures (style.ligatures) come from a typesetter that
// also uses typographic quotes. Their text is written as a reader would
// type it, with "fi" and "fl" (the renderer prints ﬁ and ﬂ, see
// ligated); this file only makes such text likelier: words with fi and
// fl, and terms set in “quotes”.

// ligatureWords are synonyms that only plans with ligatures use, after the
// common ones: they bring in words with fi and fl.
var ligatureWords = []rewrite{
	{"ruzies", []string{"conflicten"}, 70},
	{"bekostigd", []string{"gefinancierd"}, 80},
	{"gerichte", []string{"specifieke"}, 60},
	{"concrete", []string{"specifieke"}, 50},
	{"bijzondere", []string{"specifieke"}, 40},
	{"snel", []string{"efficiënt"}, 40},
	{"sterk verschillen", []string{"flink verschillen"}, 80},
	{"signaleren", []string{"identificeren"}, 40},
	{"verbeteren", []string{"verfijnen"}, 40},
	{"bijgesteld", []string{"verfijnd"}, 50},
	{"uitgewerkt", []string{"gespecificeerd"}, 40},
	{"het budget", []string{"het financiële kader", "de financiering"}, 60},
}

// quotedTerms are names and coined terms that plans with ligatures put in
// typographic quotes where the plan first uses them.
var quotedTerms = []string{
	"Keurmerk Veilig Ondernemen",
	"Veilige Publieke Taak",
	"Week van de Veiligheid",
	"persoonsgerichte aanpak",
	"patseraanpak",
	"buurtpreventie",
	"ondermijningsbeeld",
}

// varyLigatures applies ligatureWords in plans with ligatures.
func (c *composer) varyLigatures(s string) string {
	if !c.lig {
		return s
	}
	for _, r := range ligatureWords {
		s = c.rewriteAll(s, r)
	}
	return s
}

// quote puts the first use in the plan of each of quotedTerms in
// typographic quotes, in plans with ligatures.
func (c *composer) quote(s string) string {
	if !c.lig {
		return s
	}
	for _, term := range quotedTerms {
		if c.quoted[term] {
			continue
		}
		i, n := findWord(s, strings.ToLower(term[:1])+term[1:])
		if i < 0 {
			continue
		}
		c.quoted[term] = true
		s = s[:i] + "“" + s[i:i+n] + "”" + s[i+n:]
	}
	return s
}

// ligatures are the letter pairs printed as one glyph in plans with
// ligatures.
var ligatures = strings.NewReplacer("fi", "ﬁ", "fl", "ﬂ")

// ligated returns body text as a plan with ligatures prints it.
func ligated(s string) string { return ligatures.Replace(s) }
