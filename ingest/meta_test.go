package ingest

import (
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestDetectGemeenten(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		name  string
		title string
		pages []string
		want  []string
	}{
		{"cover", "Integraal Veiligheidsplan 2023-2026", []string{"Integraal Veiligheidsplan\nGemeente Ede\n2023-2026"}, []string{"Ede"}},
		{"joint plan", "Integraal Veiligheidsplan BUCH", []string{"Gemeenten Bergen, Heiloo en Castricum\nIVP 2023-2026"}, []string{"Bergen (NH.)", "Castricum", "Heiloo"}},
		{"joint plan in title", "Veiligheidsplan Heiloo, Bergen en Uitgeest", []string{"Samen veilig"}, []string{"Bergen (NH.)", "Heiloo", "Uitgeest"}},
		{"s-Hertogenbosch in title", "Integraal Veiligheidsplan 's-Hertogenbosch 2023-2026", []string{"Veilig in de stad"}, []string{"'s-Hertogenbosch"}},
		{"typographic apostrophe", "Veiligheid", []string{"Gemeente ’s-Hertogenbosch"}, []string{"'s-Hertogenbosch"}},
		{"alias Den Haag", "Veiligheidsplan", []string{"De gemeente Den Haag werkt aan veiligheid."}, []string{"'s-Gravenhage"}},
		{"capitals", "IVP", []string{"GEMEENTE OSS\nINTEGRAAL VEILIGHEIDSPLAN"}, []string{"Oss"}},
		{"long name", "IVP", []string{"Gemeente Alphen aan den Rijn"}, []string{"Alphen aan den Rijn"}},
		{"name without diacritics", "IVP", []string{"Gemeente Sudwest-Fryslan"}, []string{"Súdwest-Fryslân"}},
		{"name with some diacritics", "IVP", []string{"Gemeente Súdwest-Fryslan"}, []string{"Súdwest-Fryslân"}},
		{"logo line with diacritics", "Integraal veiligheidsplan", []string{"Súdwest-Fryslân\nSamen veilig"}, []string{"Súdwest-Fryslân"}},
		{"province decides Bergen", "IVP", []string{"Gemeente Bergen\nprovincie Limburg"}, []string{"Bergen (L.)"}},
		{"logo line", "Integraal veiligheidsplan", []string{"Zwolle\nSamen werken aan veiligheid"}, []string{"Zwolle"}},
		{"passing mention is not enough", "IVP 2023-2026", []string{"Gemeente Ede", "Wij werken samen met de gemeente Arnhem."}, []string{"Ede"}},
		{"names none", "Nationaal beleid", []string{"Het kabinet investeert in de aanpak van ondermijning.", "Best practices worden gedeeld. Buren en Huizen, Leiden tot Houten."}, nil},
		{"risky words in running text", "Best practices", []string{"Best practices voor de aanpak", "De buren in Putten en Kampen melden overlast bij Ede."}, nil},
		{"bare list item on cover", "Rapport", []string{"• Amsterdam\n• Rotterdam"}, nil},
		{"alias Den Bosch", "IVP", []string{"Gemeente Den Bosch\nVeiligheidsplan"}, []string{"'s-Hertogenbosch"}},
		{"former gemeente Uden (now Maashorst) is itself", "Integraal Veiligheidsplan gemeente Uden 2019-2022", []string{"Gemeente Uden"}, []string{"Uden"}},
		{"former gemeente Brielle", "IVP", []string{"Gemeente Brielle"}, []string{"Brielle"}},
		{"former gemeente Heerhugowaard", "IVP", []string{"Gemeente Heerhugowaard"}, []string{"Heerhugowaard"}},
		{"former gemeente Winsum on the title", "Integraal veiligheidsplan gemeente Winsum 2015-2018", []string{"Veiligheid in Winsum"}, []string{"Winsum"}},
		{"former and current gemeenten in one list", "Veiligheidsplan", []string{"Gemeenten Bedum, De Marne en Eemsmond"}, []string{"Bedum", "De Marne", "Eemsmond"}},
		{"new name Land van Cuijk", "IVP Land van Cuijk", []string{"Gemeente Land van Cuijk"}, []string{"Land van Cuijk"}},
		{"province suffix decides Bergen", "IVP", []string{"Gemeente Bergen (L.)\nVeiligheid"}, []string{"Bergen (L.)"}},
		{"province suffix in a list", "IVP", []string{"Gemeenten Rijswijk (ZH.), Delft en Teylingen"}, []string{"Delft", "Rijswijk (ZH.)", "Teylingen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, g := range x.gm.detect(tt.title, tt.pages) {
				got = append(got, g.Naam)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNamesGemeente(t *testing.T) {
	g := corpus.Gemeente{Code: "GM1900", Naam: "Súdwest-Fryslân"}
	for text, want := range map[string]bool{
		"De gemeente Súdwest-Fryslân werkt samen.": true,
		"De gemeente Sudwest-Fryslan werkt samen.": true,
		"SÚDWEST-FRYSLAN":                          true,
		"Súdwest-Fryslânse dorpen":                 false,
	} {
		if got := NamesGemeente(text, g); got != want {
			t.Errorf("NamesGemeente(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestDetectPeriod(t *testing.T) {
	tests := []struct {
		name              string
		head, cover, text string
		typ               corpus.DocType
		start, end        int
	}{
		{"title range", "Integraal Veiligheidsplan 2023-2026", "", "", corpus.TypeIVP, 2023, 2026},
		{"en dash with spaces", "IVP 2023 – 2026", "", "", corpus.TypeIVP, 2023, 2026},
		{"t/m", "Veiligheidsplan 2024 t/m 2027", "", "", corpus.TypeIVP, 2024, 2027},
		{"tot en met in text", "Veiligheidsplan", "", "Dit plan geldt voor de jaren 2023 tot en met 2026.", corpus.TypeIVP, 2023, 2026},
		{"cover before text", "Veiligheidsplan", "2019-2022", "In 2023-2026 gaan we verder.", corpus.TypeIVP, 2019, 2022},
		{"single year jaarplan", "Jaarplan veiligheid 2024", "", "", corpus.TypeUitvoeringsplan, 2024, 2024},
		{"single year not for ivp", "Integraal veiligheidsplan 2024", "", "", corpus.TypeIVP, 0, 0},
		{"date is no period", "Veiligheidsplan", "", "Vastgesteld 2023-03-14.", corpus.TypeIVP, 0, 0},
		{"backwards range ignored", "Plan 2026-2023", "", "", corpus.TypeIVP, 0, 0},
		{"the plan's own range beats the figures' range", "1 Inleiding", "", "Tabel 1. Incidenten 2018-2020.\nTabel 2. Meldingen 2018-2020.\nDit plan van de gemeente Zwolle voor 2021-2024 bestaat uit 10 hoofdstukken.", corpus.TypeIVP, 2021, 2024},
		{"yearly plan names its parent IVP", "1 Aanleiding", "", "Dit uitvoeringsplan is een uitwerking van het integraal veiligheidsplan 2018-2021. Het beschrijft de acties voor 2019. Acties uit 2018 lopen door in 2019.", corpus.TypeUitvoeringsplan, 2019, 2019},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := detectPeriod(tt.head, tt.cover, tt.text, tt.typ)
			if s != tt.start || e != tt.end {
				t.Errorf("detectPeriod = %d-%d, want %d-%d", s, e, tt.start, tt.end)
			}
		})
	}
}

func TestDetectType(t *testing.T) {
	tests := []struct {
		name, head, cover, text string
		want                    corpus.DocType
	}{
		{"ivp", "Integraal Veiligheidsplan 2023-2026", "", "", corpus.TypeIVP},
		{"uitvoeringsprogramma", "Uitvoeringsprogramma Integrale Veiligheid 2024", "", "", corpus.TypeUitvoeringsplan},
		{"jaarplan", "Jaarplan veiligheid 2025", "", "", corpus.TypeUitvoeringsplan},
		{"evaluatie", "Evaluatie integraal veiligheidsplan 2019-2022", "", "", corpus.TypeEvaluatie},
		{"analyse", "Veiligheidsanalyse ten behoeve van het IVP", "", "", corpus.TypeVeiligheidsanalyse},
		{"veiligheidsbeeld", "Integraal veiligheidsbeeld 2022", "", "", corpus.TypeVeiligheidsanalyse},
		{"cover decides", "Rapport", "Uitvoeringsplan veiligheid", "", corpus.TypeUitvoeringsplan},
		{"most named in text", "Rapport", "", "het veiligheidsplan ... het veiligheidsplan ... de evaluatie", corpus.TypeIVP},
		{"anders", "Notulen raadsvergadering", "Besluitenlijst", "De raad besluit.", corpus.TypeAnders},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectType(tt.head, tt.cover, tt.text); got != tt.want {
				t.Errorf("detectType = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDetectVastgesteld(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"written date", "Vastgesteld door de gemeenteraad op 14 maart 2023", "2023-03-14"},
		{"abbreviated month", "vastgesteld d.d. 3 okt. 2022", "2022-10-03"},
		{"numeric date", "Vastgesteld: 14-03-2023", "2023-03-14"},
		{"vaststelling", "Datum vaststelling: 1 februari 2024", "2024-02-01"},
		{"across lines", "Aldus vastgesteld in de openbare vergadering van\n28 juni 2022", "2022-06-28"},
		{"impossible date", "vastgesteld op 31 februari 2023", ""},
		{"date without vastgesteld", "Den Haag, 14 maart 2023", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectVastgesteld(tt.text); got != tt.want {
				t.Errorf("detectVastgesteld(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
