package tag

import "github.com/ccv/ivp/corpus"

// vote is one term match: weight w for a theme in a veld.
type vote struct {
	theme int16
	veld  int8
	w     float64
	// inner is a vote of a word inside a longer term that also matched
	// ("geweld" in "huiselijk geweld"): it counts for the veld, not as a
	// theme of its own
	inner bool
}

// scores are the votes of a text, summed per veld.
type scores struct {
	veld  [corpus.NumVelden]float64
	votes []vote
	total float64
}

func (s *scores) add(v vote) {
	s.votes = append(s.votes, v)
	s.veld[v.veld] += v.w
	s.total += v.w
}

func (s *scores) clone() *scores {
	c := *s
	c.votes = append([]vote(nil), s.votes...)
	return &c
}

func (s *scores) addScaled(o *scores, f float64) {
	if f == 0 {
		return
	}
	for _, v := range o.votes {
		v.w *= f
		s.add(v)
	}
}

// addCapped adds o's votes, scaled down so that they sum to at most max.
func (s *scores) addCapped(o *scores, max float64) {
	if o == nil || o.total == 0 {
		return
	}
	f := 1.0
	if o.total > max {
		f = max / o.total
	}
	s.addScaled(o, f)
}

// best returns the strongest of velden 1-5 and its score.
func (s *scores) best() (corpus.Veld, float64) {
	var top corpus.Veld
	m := 0.0
	for v := 1; v < corpus.NumVelden; v++ {
		if s.veld[v] > m {
			top, m = corpus.Veld(v), s.veld[v]
		}
	}
	return top, m
}

// dampProcess scales the process (veld 0) votes by f.
func (s *scores) dampProcess(f float64) {
	for i := range s.votes {
		if s.votes[i].veld == 0 {
			d := s.votes[i].w * (1 - f)
			s.veld[0] -= d
			s.total -= d
			s.votes[i].w *= f
		}
	}
}

// safety is the sum of the votes for velden 1-5.
func (s *scores) safety() float64 {
	sum := 0.0
	for v := 1; v < corpus.NumVelden; v++ {
		sum += s.veld[v]
	}
	return sum
}

// inVeld returns the votes of s for veld v only.
func (s *scores) inVeld(v corpus.Veld) *scores {
	out := &scores{}
	for _, vt := range s.votes {
		if corpus.Veld(vt.veld) == v {
			out.add(vt)
		}
	}
	return out
}
