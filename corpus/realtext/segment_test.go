package realtext

import (
	"reflect"
	"testing"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"lines are blocks", "Inleiding\nVoor u ligt het plan.\nHet gaat over veiligheid.",
			[]string{"Inleiding", "Voor u ligt het plan.", "Het gaat over veiligheid."}},
		{"wrapped lines join, also over a blank line", "Het terrein omvat een reeks\n\nvan onderwerpen, van woonover-\n\nlast tot brand.\nNieuw blok.",
			[]string{"Het terrein omvat een reeks\n\nvan onderwerpen, van woonover-\n\nlast tot brand.", "Nieuw blok."}},
		{"a bare marker joins its item", "  • 1.\n\n    De nota vast te stellen.\n  • 2.\n    Iets anders.",
			[]string{"• 1.\n\n    De nota vast te stellen.", "• 2.\n    Iets anders."}},
		{"list items stay apart", "Onze prioriteiten zijn:\n- ondermijning\n- veilig uitgaan",
			[]string{"Onze prioriteiten zijn:", "- ondermijning", "- veilig uitgaan"}},
		{"a finished sentence ends a block", "Dit is af.\nmaar dit begint klein.",
			[]string{"Dit is af.", "maar dit begint klein."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Segment(tc.text) {
				got = append(got, tc.text[s.Offset:s.Offset+s.Length])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Segment:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCollapse(t *testing.T) {
	for in, want := range map[string]string{
		"van woonover-\n\nlast tot brand": "van woonoverlast tot brand",
		"Zorg- en Veiligheidshuis":        "Zorg- en Veiligheidshuis",
		"a\n  b\tc":                       "a b c",
	} {
		if got := Collapse(in); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHalfOf(t *testing.T) {
	for code, want := range map[string]string{"GM0014": Dev, "GM0363": Test, "GM1680": Dev} {
		if got, err := HalfOf(code); err != nil || got != want {
			t.Errorf("HalfOf(%s) = %s, %v; want %s", code, got, err, want)
		}
	}
	if _, err := HalfOf("Ede"); err == nil {
		t.Error("HalfOf(Ede): no error")
	}
}
