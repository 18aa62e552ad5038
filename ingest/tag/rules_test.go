package tag

import (
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestDocumentRules checks the labelling rules that need a whole document:
// rule 7 (a document about one subject), rule 5 (lists by kind), and the
// cross-cutting exceptions for young people and office holders.
func TestDocumentRules(t *testing.T) {
	tg := newTagger(t)
	cases := []struct {
		name   string
		texts  []string
		velden []int
	}{
		{"one-subject regeling gives its subject to its procedure (rule 7)", []string{
			"Beleidsregel Bibob gemeente Voorbeeld 2024",
			"Intitulé",
			"De burgemeester van de gemeente Voorbeeld;",
			"gelet op artikel 4:81 van de Algemene wet bestuursrecht;",
			"besluit vast te stellen de volgende beleidsregel:",
			"Met de Wet Bibob toetsen we of een aanvrager van een vergunning integer is en of de vergunning voor criminele doelen kan worden gebruikt.",
		}, []int{5, 5, 5, 5, 5, 5}},
		{"the council decision of an IVP stays process", []string{
			"Integraal Veiligheidsplan 2024-2027",
			"De raad van de gemeente Voorbeeld;",
			"besluit: vast te stellen het Integraal Veiligheidsplan 2024-2027.",
			"Ondermijning",
			"Drugshandel en witwassen tasten de rechtsstaat aan; we versterken de bestuurlijke aanpak met het RIEC.",
		}, []int{0, 0, 0, 5, 5}},
		{"items of an overview list keep their own subject", []string{
			"Onze prioriteiten voor de komende vier jaar zijn:",
			"- Georganiseerde criminaliteit",
			"- Veilig uitgaan",
			"- Verkeersveiligheid",
		}, []int{0, 5, 2, 4}},
		{"items of a topical list take the list's subject", []string{
			"Bij grote evenementen vragen we de organisator om:",
			"- verkeersregelaars",
			"- een EHBO-post",
			"- voldoende beveiligers",
		}, []int{2, 2, 2, 2}},
		{"drugs crime among young people is youth (veld 3)", []string{
			"Steeds meer jongeren raken betrokken bij drugscriminaliteit en worden geronseld als koerier.",
		}, []int{3}},
		{"threats against the mayor are integrity (veld 5)", []string{
			"De burgemeester werd na het besluit over het azc meerdere keren bedreigd en geïntimideerd.",
		}, []int{5}},
		{"subject before process words", []string{
			"Samen met onze partners pakken we de drugshandel in de wijken aan; het college heeft dit tot prioriteit gemaakt.",
		}, []int{5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ps []corpus.Passage
			for i, text := range c.texts {
				ps = append(ps, corpus.Passage{Ordinal: i, Text: text})
			}
			got := tg.TagDocument(ps)
			for i, want := range c.velden {
				if got[i].Veld != want {
					t.Errorf("passage %d %q: veld %d, want %d (%+v)", i, c.texts[i], got[i].Veld, want, got[i])
				}
			}
		})
	}
}

// TestDocumentRulesThemes checks rules that show in the themes: budget
// tables, decision lines, traffic near schools, a term found in a
// compound, and a general theme made specific by the document.
func TestDocumentRulesThemes(t *testing.T) {
	tg := newTagger(t)
	cases := []struct {
		name  string
		texts []string
		veld  []int
		theme []string // a theme each passage must have
	}{
		{"the lines of a budget table are money", []string{
			"Programma 2 Veiligheid",
			"Lasten",
			"€ 6.042 x €1.000",
			"4,2%",
			"Saldo van baten en lasten 6.234.469 6.303.344",
			"Brandweer en crisisbeheersing 1.234",
		}, []int{0, 0, 0, 0, 0, 4}, []string{"", "0.middelen", "0.middelen", "0.middelen", "0.middelen", "4.4"}},
		{"the opening of a decision", []string{
			"Intitulé",
			"Integraal Veiligheidsplan 2024-2027",
			"De raad van de gemeente Voorbeeld;",
			"B E S L U I T :",
		}, []int{0, 0, 0, 0}, []string{"0.besluit-vaststelling", "0.besluit-vaststelling", "0.besluit-vaststelling", "0.besluit-vaststelling"}},
		{"traffic near schools is traffic safety", []string{
			"Verkeersveiligheid bij het halen en brengen van leerlingen",
		}, []int{4}, []string{"4.1"}},
		{"a term's last word as the first part of a compound, and rule 7", []string{
			"Externe veiligheidsbeleid gemeente Voorbeeld 2019",
			"Wettelijke grondslag van de regeling",
			"Het beleid geeft aan hoe de gemeente omgaat met risico's rond gevaarlijke stoffen.",
		}, []int{4, 4, 4}, []string{"4.3", "4.3", "4.3"}},
		{"young people in a text on youth nuisance", []string{
			"Overlast van jongeren bij het winkelcentrum",
			"Jongeren hangen 's avonds rond bij de ingang en zorgen voor overlast en vernielingen.",
			"De jongerenwerkers gaan met de jongeren in gesprek.",
		}, []int{3, 3, 3}, []string{"3.1", "3.1", "3.1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ps []corpus.Passage
			for i, text := range c.texts {
				ps = append(ps, corpus.Passage{Ordinal: i, Text: text})
			}
			got := tg.TagDocument(ps)
			for i := range c.texts {
				if got[i].Veld != c.veld[i] || c.theme[i] != "" && !slices.Contains(got[i].Themes, c.theme[i]) {
					t.Errorf("passage %d %q: veld %d themes %v, want veld %d with %s", i, c.texts[i], got[i].Veld, got[i].Themes, c.veld[i], c.theme[i])
				}
			}
		})
	}
}
