package search

import (
	"slices"
	"strings"
	"testing"
)

func thAltTexts(alts []Alternative) []string {
	var out []string
	for _, a := range alts {
		out = append(out, a.Text)
	}
	return out
}

func TestThesaurusExpand(t *testing.T) {
	th, err := LoadThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		term    string
		want    []string // must all be present
		notWant []string
	}{
		{"HIC", []string{"high impact crimes", "woninginbraak", "straatroof"}, nil},
		{"hic", []string{"high impact crimes"}, nil},
		{"High-Impact Crimes", []string{"HIC", "woninginbraak"}, nil},
		{"VPT", []string{"veilige publieke taak"}, nil},
		{"ondermijning", []string{"georganiseerde criminaliteit"}, nil},
		{"georganiseerde criminaliteit", []string{"ondermijning"}, nil},
		{"Wet Bibob", []string{"Bibob", "integriteitsbeoordelingen"}, nil},
		{"WABP", []string{"WhatsApp-buurtpreventie"}, nil},
		{"whatsapp buurtpreventie", []string{"WABP"}, nil},
		{"RIEC", []string{"Regionaal Informatie- en Expertisecentrum"}, nil},
		{"BOA's", []string{"buitengewoon opsporingsambtenaar", "handhaver"}, nil},
		{"APV", []string{"algemene plaatselijke verordening"}, nil},
		{"veiligheidshuis", []string{"Zorg- en Veiligheidshuis"}, nil},
		{"zorg en veiligheidshuis", []string{"Veiligheidshuis"}, nil},
		{"cybercrime", []string{"digitale criminaliteit", "online criminaliteit"}, nil},
		{"polarisatie", []string{"radicalisering"}, nil},
		{"radicalisering", []string{"extremisme"}, []string{"polarisatie"}}, // one-way
		{"woninginbraak", nil, []string{"HIC", "high impact crimes"}},       // one-way
		{"huiselijk geweld", []string{"kindermishandeling"}, nil},
		{"kindermishandeling", nil, []string{"huiselijk geweld"}},
		{"fietsendiefstal", []string{"fietsdiefstal"}, nil},
		{"onbekendwoord", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			got := thAltTexts(th.Expand(tt.term))
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Expand(%q) = %q, missing %q", tt.term, got, w)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, w) {
					t.Errorf("Expand(%q) = %q, must not contain %q", tt.term, got, w)
				}
			}
			for _, a := range th.Expand(tt.term) {
				if thFold(a.Text) == thFold(tt.term) {
					t.Errorf("Expand(%q) returns the term itself", tt.term)
				}
				if a.Phrase != strings.Contains(thFold(a.Text), " ") || a.Weight <= 0 || a.Weight > 1 {
					t.Errorf("bad alternative %+v", a)
				}
			}
		})
	}
}

func TestThesaurusWeights(t *testing.T) {
	th, _ := LoadThesaurus()
	weight := func(term, alt string) float64 {
		for _, a := range th.Expand(term) {
			if a.Text == alt {
				return a.Weight
			}
		}
		return 0
	}
	if w := weight("HIC", "high impact crimes"); w != weightEquivalent {
		t.Errorf("equivalent weight %v", w)
	}
	if w := weight("ondermijning", "georganiseerde criminaliteit"); w != weightNear {
		t.Errorf("near-synonym weight %v", w)
	}
	if w := weight("polarisatie", "radicalisering"); w != weightNarrower {
		t.Errorf("narrower weight %v", w)
	}
}

func TestThesaurusFile(t *testing.T) {
	th, err := LoadThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	if len(th.rows) < 40 {
		t.Errorf("thesaurus has %d rows, want at least 40", len(th.rows))
	}
	for _, bad := range []string{"=\tHIC\n", "?\ta\tb\n", "=\ta\t-\n"} {
		if _, err := parseThesaurus([]byte(bad)); err == nil {
			t.Errorf("parseThesaurus(%q) accepted a bad row", bad)
		}
	}
}

func TestThFold(t *testing.T) {
	for in, want := range map[string]string{
		"BOA's":                    "boa",
		"Zorg- en Veiligheidshuis": "zorg en veiligheidshuis",
		"  Súdwest-Fryslân ":       "sudwest fryslan",
		"camera’s":                 "camera",
	} {
		if got := thFold(in); got != want {
			t.Errorf("thFold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestThesaurusSpans(t *testing.T) {
	th, _ := LoadThesaurus()
	spans := th.Spans([]string{"aanpak", "High", "impact", "crimes", "in", "Ede", "veilige", "publieke", "taak"})
	if len(spans) != 2 || spans[0].From != 1 || spans[0].To != 4 || spans[1].From != 6 || spans[1].To != 9 {
		t.Fatalf("spans %+v", spans)
	}
	if got := thAltTexts(spans[0].Alternatives); !slices.Contains(got, "HIC") {
		t.Errorf("high impact crimes: alternatives %q lack HIC", got)
	}
	if got := thAltTexts(spans[1].Alternatives); !slices.Contains(got, "VPT") {
		t.Errorf("veilige publieke taak: alternatives %q lack VPT", got)
	}
}
