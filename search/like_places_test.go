package search

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
)

func TestProperNouns(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"wijk inside a sentence", "De overlast in Oosterpark neemt af. In de wijk Oosterpark patrouilleert de boa.", []string{"oosterpark"}},
		{"sentence start is no name", "Jeugdoverlast neemt toe. Jeugdoverlast vraagt aandacht.", nil},
		{"more often lower case", "de aanpak van Ondermijning; de ondermijning en ondermijning", nil},
		{"acronyms stay", "samen met het RIEC en de GGD", nil},
		{"two-word name", "recreatiepark Het Zwanenmeer ligt aan de rand", []string{"het", "zwanenmeer"}},
		{"after a line break", "Veiligheid\nCameratoezicht op de markt", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := properNouns(tc.text)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("properNouns = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPlaceTerms: the terms are the analyzer's (lower case, stemmed), and
// the gemeente names given are among them.
func TestPlaceTerms(t *testing.T) {
	an, err := registry.NewCache().AnalyzerNamed(nl.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	got := placeTerms(an, "Het cameratoezicht in De Weiden en bij de haven van Harderwijk.", []string{"Harderwijk"})
	for _, want := range []string{"harderwijk"} {
		if !got[want] {
			t.Errorf("%q not among the place terms %v", want, got)
		}
	}
	for _, subject := range []string{"cameratoezicht"} {
		if got[subject] {
			t.Errorf("the subject word %q is among the place terms %v", subject, got)
		}
	}
	if len(got) < 2 {
		t.Errorf("De Weiden is not among the place terms: %v", got)
	}
}
