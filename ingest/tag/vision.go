package tag

import "strings"

// A plan's vision names safety in general ("we willen dat onze inwoners
// veilig zijn en zich veilig voelen"): that is veld 0 (0.visie-inleiding)
// by the labelling rules, not veiligheidsbeleving (1.4). A sentence that
// states an aim and names no subject but the general ones of veld 1 gives
// their votes to the vision.
var (
	aimWords     = []string{"willen", "wil ", "streven", "ambitie", "missie", "visie", "doel", "koers"}
	generalVeld1 = map[string]bool{"1.0": true, "1.4": true}
)

// vision moves a sentence's general veld-1 votes to 0.visie-inleiding when
// it states an aim and speaks of no other subject.
func (t *Tagger) vision(s *scores, sentence string) {
	if s.veld[1] == 0 || s.safety() > s.veld[1] || !containsAny(sentence, aimWords) {
		return
	}
	for _, v := range s.votes {
		if v.veld == 1 && !generalVeld1[t.lex.themes[v.theme].ID] {
			return
		}
	}
	th := int16(t.lex.themeIdx["0.visie-inleiding"])
	for i := range s.votes {
		if s.votes[i].veld == 1 {
			s.veld[1] -= s.votes[i].w
			s.veld[0] += s.votes[i].w
			s.votes[i].veld, s.votes[i].theme = 0, th
		}
	}
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
