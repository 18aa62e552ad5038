package ingest

import "testing"

func TestNormalizeLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ligatures", "de ﬁnanciële ﬂexibiliteit en eﬀecten", "de financiële flexibiliteit en effecten"},
		{"nbsp and thin space", "artikel\u00a012\u2009lid 3", "artikel 12 lid 3"},
		{"soft hyphen inside", "veilig\u00adheid", "veiligheid"},
		{"soft hyphen at end", "veiligheids\u00ad", "veiligheids-"},
		{"zero width", "jeugd\u200boverlast\ufeff", "jeugdoverlast"},
		{"collapse spaces", "  veel   ruimte\t tussen  ", "veel ruimte tussen"},
		{"decomposed accent", "financie\u0308le", "financiële"},
		{"typographic quotes stay", "“veilig” en ‘schoon’", "“veilig” en ‘schoon’"},
		{"symbol font bullet", "\uf0b7 eerste punt", "• eerste punt"},
		{"dash bullet", "- tweede punt", "• tweede punt"},
		{"bullet without space", "•derde punt", "• derde punt"},
		{"negative number stays", "-5 graden", "-5 graden"},
		{"controls dropped", "a\x00b\x07c", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeLine(tt.in); got != tt.want {
				t.Errorf("normalizeLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestJoinLinesHyphenation(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"undo word break", []string{"het integraal veiligheids-", "plan"}, "het integraal veiligheidsplan"},
		{"keep before en", []string{"een veilige woon-", "en leefomgeving"}, "een veilige woon- en leefomgeving"},
		{"keep before of", []string{"jeugd-", "of zorgtaken"}, "jeugd- of zorgtaken"},
		{"keep before capital", []string{"in Noord-", "Brabant"}, "in Noord-Brabant"},
		{"keep between digits", []string{"periode 2023-", "2026"}, "periode 2023-2026"},
		{"keep after abbreviation", []string{"nieuwe ICT-", "systemen"}, "nieuwe ICT-systemen"},
		{"keep vowel clash", []string{"de zee-", "egel"}, "de zee-egel"},
		{"undo without clash", []string{"de politie-", "agent"}, "de politieagent"},
		{"dash with space", []string{"veilig -", "ook 's nachts"}, "veilig - ook 's nachts"},
		{"plain lines", []string{"eerste regel", "tweede regel"}, "eerste regel tweede regel"},
		{"empty lines skipped", []string{"a", "", "b"}, "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinLines(tt.lines); got != tt.want {
				t.Errorf("joinLines(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"veiligheids\u00ad", "ﬁ\u00a0•x", "- a", "\uf0b7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := normalizeLine(s)
		if normalizeLine(once) != once {
			t.Errorf("normalizeLine not idempotent on %q: %q then %q", s, once, normalizeLine(once))
		}
		_ = joinLines([]string{s, once})
	})
}
