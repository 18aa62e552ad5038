package nl

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestAppendTokens(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		numeric []bool
	}{
		{"Camera's in het uitgaansgebied.", []string{"Camera's", "in", "het", "uitgaansgebied"}, nil},
		{"zo'n 3,5 miljoen (o.a. www.ede.nl)", []string{"zo'n", "3,5", "miljoen", "o.a", "www.ede.nl"}, []bool{false, true, false, false, false}},
		{"2023-2026: WhatsApp-buurtpreventie", []string{"2023", "2026", "WhatsApp", "buurtpreventie"}, []bool{true, true, false, false}},
		{"BOA’s en ‘handhaving’", []string{"BOA’s", "en", "handhaving"}, nil},
		{"geïntegreerde één-op-één", []string{"geïntegreerde", "één", "op", "één"}, nil},
		{"e\u0301e\u0301n hang- en sluitwerk/toezicht", []string{"e\u0301e\u0301n", "hang", "en", "sluitwerk", "toezicht"}, nil},
		{"'s-Hertogenbosch 1.000 snake_case 3.", []string{"s", "Hertogenbosch", "1.000", "snake_case", "3"}, []bool{false, false, true, false, true}},
		{"a'\xff'b", []string{"a", "b"}, nil},
		{"", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for _, toks := range [][]Token{AppendTokens(nil, tt.in), AppendTokens(nil, []byte(tt.in))} {
				var got []string
				var numeric []bool
				for _, tok := range toks {
					got = append(got, tt.in[tok.Start:tok.End])
					numeric = append(numeric, tok.Numeric)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("words %q, want %q", got, tt.want)
				}
				if tt.numeric != nil && !slices.Equal(numeric, tt.numeric) {
					t.Errorf("numeric %v, want %v", numeric, tt.numeric)
				}
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"woninginbraakpreventie camera's", "één geïntegreerde aanpak", "'s-Hertogenbosch ’t zo'n", "\xff\xfe", "İstanbul ΟΔΟΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, sp := range Spans(text) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("word %d-%d out of order or range in %q", sp.Start, sp.End, text)
			}
			last = sp.End
			if sp.Form == "" || !utf8.ValidString(sp.Form) {
				t.Fatalf("form %q of %q", sp.Form, text[sp.Start:sp.End])
			}
			for _, term := range sp.Terms {
				if term == "" {
					t.Fatalf("empty index term for %q", sp.Form)
				}
			}
		}
	})
}
