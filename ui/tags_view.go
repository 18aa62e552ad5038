package ui

import (
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// tagsView is what a passage is about, as shown beside it.
type tagsView struct {
	Veld      string // "2"
	VeldLabel string // "Bedrijvigheid en veiligheid"
	Themes    []string
}

// tagsOf labels a passage's veld and themes.
func tagsOf(v corpus.Veld, themes []corpus.Thema) tagsView {
	t := tagsView{Veld: strconv.Itoa(int(v)), VeldLabel: v.Label()}
	for _, th := range themes {
		if th.Veld == v || th.Veld == 0 && v == 0 || len(themes) == 1 {
			t.Themes = append(t.Themes, th.Label)
		}
	}
	return t
}

// themas looks theme ids up in the taxonomy.
func (h *handler) themas(ids []string) []corpus.Thema {
	out := []corpus.Thema{}
	for _, id := range ids {
		th, ok := h.taxonomy.Thema(id)
		if !ok {
			th = corpus.Thema{ID: id, Label: id}
		}
		out = append(out, th)
	}
	return out
}
