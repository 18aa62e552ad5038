package corpus

import (
	"testing"

	"github.com/ccv/ivp/corpus/nl"
)

func TestCheckPlan(t *testing.T) {
	ps := []Passage{
		{Ordinal: 0, PageFrom: 2, Headings: []string{"1 Inleiding", "1.2 Wettelijk kader"}, Text: "Op grond van artikel 38b van de Politiewet stelt de raad de doelen vast."},
		{Ordinal: 1, PageFrom: 3, Headings: []string{"2 Burgerparticipatie"}, Text: "Buurtpreventie groeit."},
		{Ordinal: 2, PageFrom: 4, Headings: []string{"3 Evaluatie"}, Text: "Voor jeugdoverlast ontbrak een nulmeting. Niet alles was meetbaar."},
		{Ordinal: 3, PageFrom: 5, Headings: []string{"4 Monitoring"}, Text: "Het college stelt jaarlijks een uitvoeringsplan vast."},
	}
	got := map[int]CheckResult{}
	for _, r := range CheckPlan(ps) {
		got[r.Number] = r
	}
	tests := []struct {
		name    string
		number  int
		present bool
		page    int
	}{
		{"heading shows the legal basis", 1, true, 2},
		{"burgerparticipatie is not participation in making the plan", 10, false, 0},
		{"a missing nulmeting is no measurable goal", 7, false, 0},
		{"one mention of the uitvoeringsplan is enough", 11, true, 5},
		{"monitoring heading", 13, true, 5},
		{"no budget", 12, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := got[tt.number]
			if r.Present != tt.present {
				t.Fatalf("element %d present %v, want %v", tt.number, r.Present, tt.present)
			}
			if tt.present && (len(r.Pages) == 0 || r.Pages[0] != tt.page) {
				t.Errorf("element %d pages %v, want %d", tt.number, r.Pages, tt.page)
			}
		})
	}
	if len(got) != 15 {
		t.Errorf("%d elements, want 15", len(got))
	}
}

// TestCheckPlanOnePassage checks elements that one passage shows, or
// does not show, on its own.
func TestCheckPlanOnePassage(t *testing.T) {
	tests := []struct {
		name    string
		number  int
		text    string
		present bool
	}{
		{"a measured goal with a percentage", 7, "Het aantal woninginbraken daalt in de planperiode elk jaar met ten minste 10%.", true},
		{"a rapportcijfer that rises to a floor", 7, "Het rapportcijfer voor de veiligheid in de buurt stijgt in de planperiode naar ten minste 7,5.", true},
		{"a level against a base year", 7, "Het aantal hennepkwekerijen ligt in 2026 onder het niveau van 2022.", true},
		{"a floor without a number measures nothing", 7, "Wat woonoverlast betreft, willen we het huidige niveau minimaal vasthouden.", false},
		{"a place name holds no direction", 7, "Bronnen zijn de registraties van de gemeente Roerdalen. Het aantal misdrijven steeg met 13%.", false},
		{"a look back at the previous period with its results", 4, "Terugkijkend zien we dat de samenwerking met partners is versterkt, maar ook dat niet alle acties zijn uitgevoerd.", true},
		{"the previous plan as a point of comparison is no evaluation", 4, "Ten opzichte van het vorige plan krijgt de verbinding tussen zorg en veiligheid meer nadruk.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := CheckPlan([]Passage{{Ordinal: 0, PageFrom: 1, Headings: []string{"3 Aanpak"}, Text: tt.text}})[tt.number-1]
			if r.Present != tt.present {
				t.Errorf("element %d present %v, want %v", tt.number, r.Present, tt.present)
			}
		})
	}
}

// TestChecklistFolded checks that accents do not matter ("Financiën" is
// "financien", "Geëvalueerd" "geevalueerd") and that every signal is
// written folded, since the text it is matched against is.
func TestChecklistFolded(t *testing.T) {
	for _, spelling := range []string{"5 Financiën", "5 Financien", "5 FINANCIËN"} {
		r := CheckPlan([]Passage{{Ordinal: 0, PageFrom: 7, Headings: []string{spelling}, Text: "Tekst."}})
		if !r[11].Present {
			t.Errorf("heading %q does not show element 12 (middelen)", spelling)
		}
	}
	for _, e := range Checklist {
		for _, s := range append(append([]string(nil), e.headings...), e.phrases...) {
			if nl.Fold(s) != s {
				t.Errorf("element %d: %q is not folded", e.Number, s)
			}
		}
	}
}

func TestLoadTaxonomy(t *testing.T) {
	tax, err := LoadTaxonomy("")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"0.uitvoering-cyclus", "2.3", "5.2", "X.drugs"} {
		if _, ok := tax.Thema(id); !ok {
			t.Errorf("theme %s missing", id)
		}
	}
	if len(tax.Terms()) < 400 || tax.Version() == "" {
		t.Errorf("%d terms, version %q", len(tax.Terms()), tax.Version())
	}
	if _, err := ParseVeld("6"); err == nil {
		t.Error("veld 6 accepted")
	}
}

// "Vast te stellen" in its everyday sense (to find out) is no decision of
// the raad; a council decision that adopts the plan is.
func TestCheckPlanDecisionPhrases(t *testing.T) {
	for _, tc := range []struct {
		name    string
		texts   []string
		present bool
	}{
		{"to find out whether", []string{"Het panel onderzocht om vast te stellen of de app werkt.",
			"Er is meer onderzoek nodig om vast te stellen hoe vaak meldingen vals positief zijn."}, false},
		{"the council adopts the plan", []string{"De gemeenteraad besluit: vast te stellen het Integraal Veiligheidsplan 2023-2026.",
			"Het college stelt de raad voor het plan vast te stellen."}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ps []Passage
			for i, text := range tc.texts {
				ps = append(ps, Passage{Ordinal: i, PageFrom: i + 1, Text: text})
			}
			if got := CheckPlan(ps)[0]; got.Present != tc.present {
				t.Fatalf("element 1 present %v, want %v (pages %v)", got.Present, tc.present, got.Pages)
			}
		})
	}
}
