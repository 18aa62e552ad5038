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

// passageTags labels the stored veld and themes of p.
func (h *handler) passageTags(p corpus.Passage) tagsView {
	return tagsOf(corpus.Veld(p.Tags.Veld), h.taxonomy.Themas(p.Tags.Themes))
}
