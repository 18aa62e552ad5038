package tag

import "strings"

// Cross-cutting subjects about young people belong to veld 3 (taxonomy.md,
// the exceptions of X.drugs, X.mensenhandel, X.wapens-explosies and
// X.zorg-en-veiligheid): "drugscriminaliteit onder jongeren" is 3.2, not
// 5.2. youthMoves lists the themes that move and the veld-3 theme a KBV
// theme becomes.
var youthMoves = map[string]string{
	"X.drugs": "", "X.mensenhandel": "", "X.wapens-explosies": "", "X.zorg-en-veiligheid": "",
	"5.2": "3.2", "1.1": "3.1", "1.3": "3.2",
}

// youthShare is how strong the youth votes must be, against the votes
// that would move, for the passage to be about young people.
const youthShare = 0.3

// youth moves the votes of youthMoves to veld 3 when a passage speaks of
// young people as much as of the subject.
func (t *Tagger) youth(s *scores) {
	if s.veld[3] == 0 {
		return
	}
	movable := 0.0
	for _, v := range s.votes {
		if v.veld != 3 && t.lex.youthTo[v.theme] >= 0 {
			movable += v.w
		}
	}
	if movable == 0 || s.veld[3] < youthShare*movable {
		return
	}
	for i, v := range s.votes {
		if v.veld == 3 || t.lex.youthTo[v.theme] < 0 {
			continue
		}
		s.veld[v.veld] -= v.w
		s.veld[3] += v.w
		s.votes[i].veld = 3
		s.votes[i].theme = t.lex.youthTo[v.theme]
	}
}

// youthTargets maps every theme index to the index of the theme its
// votes become in veld 3, or -1 when it does not move.
func youthTargets(l *lexicon) []int16 {
	out := make([]int16, len(l.themes))
	for i, th := range l.themes {
		out[i] = -1
		to, ok := youthMoves[th.ID]
		switch {
		case !ok:
		case to == "" && strings.HasPrefix(th.ID, "X."):
			out[i] = int16(i)
		default:
			if j, ok := l.themeIdx[to]; ok {
				out[i] = int16(j)
			}
		}
	}
	return out
}

// schoolTraffic gives the votes for veilig in en om de school (3.4) to
// verkeersveiligheid (4.1) in a sentence that speaks of traffic: the
// school is then where the traffic is ("verkeersveiligheid bij het halen
// en brengen van leerlingen", the taxonomy's schoolzone).
func (t *Tagger) schoolTraffic(s *scores) {
	school, traffic := t.lex.themeIdx["3.4"], t.lex.themeIdx["4.1"]
	has := false
	for _, v := range s.votes {
		has = has || int(v.theme) == traffic
	}
	if !has {
		return
	}
	for i, v := range s.votes {
		if int(v.theme) != school {
			continue
		}
		s.veld[v.veld] -= v.w
		s.veld[4] += v.w
		s.votes[i].veld, s.votes[i].theme = 4, int16(traffic)
	}
}
