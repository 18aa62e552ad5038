package tag

import (
	"slices"
	"strings"
)

// themeKeep is the least probability (among the themes of the passage's
// veld) at which the theme head keeps a theme the rules gave besides its
// own main theme.
const themeKeep = 0.2

// chooseThemes gives a passage of the head's veld its themes from the
// head's probabilities p and the rules' themes: the head's main theme
// first (none when it finds none of the veld), then the rules'
// cross-cutting themes, and the rules' themes of the veld that the head
// finds likely too.
func (h *head) chooseThemes(p []float64, rules []string) []string {
	var out []string
	if top := h.classes[argmax(p)]; top != noTheme {
		out = append(out, top)
	}
	for _, id := range rules {
		if slices.Contains(out, id) {
			continue
		}
		c := slices.Index(h.classes, id)
		if strings.HasPrefix(id, "X.") || c >= 0 && p[c] > themeKeep {
			out = append(out, id)
		}
	}
	return out
}
