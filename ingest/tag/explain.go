package tag

import (
	"fmt"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Explanation says why TagDocument tagged a passage as it did.
type Explanation struct {
	Own     [corpus.NumVelden]float64 `json:"own"`     // votes of the passage's own words per veld
	Heading [corpus.NumVelden]float64 `json:"heading"` // votes of its headings
	List    string                    `json:"list"`    // "", "topical N" or "overview"
	Prior   string                    `json:"prior"`   // the document's subject: "", or "N (share)"
	Terms   []string                  `json:"terms"`   // the themes its own words voted for, with weights
}

// Explain returns, for each passage of a document, the evidence TagDocument
// decides on.
func (t *Tagger) Explain(ps []corpus.Passage) []Explanation {
	ev, pr := t.read(ps)
	out := make([]Explanation, len(ev))
	for i, e := range ev {
		x := Explanation{Own: e.own.veld, Heading: e.heading.veld}
		switch {
		case e.list > 0:
			x.List = fmt.Sprintf("topical %d", e.list)
		case e.overview:
			x.List = "overview"
		}
		if pr.ok {
			x.Prior = fmt.Sprintf("%d (%.2f)", pr.veld, pr.share)
		}
		sum := map[string]float64{}
		for _, v := range e.own.votes {
			sum[fmt.Sprintf("%s/%d", t.lex.themes[v.theme].ID, v.veld)] += v.w
		}
		for k, w := range sum {
			x.Terms = append(x.Terms, fmt.Sprintf("%s=%.2f", k, w))
		}
		out[i] = x
	}
	return out
}

// String is the explanation on one line.
func (x Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "own %v heading %v", round(x.Own), round(x.Heading))
	if x.List != "" {
		b.WriteString(" list " + x.List)
	}
	if x.Prior != "" {
		b.WriteString(" prior " + x.Prior)
	}
	fmt.Fprintf(&b, " %v", x.Terms)
	return b.String()
}

func round(v [corpus.NumVelden]float64) [corpus.NumVelden]float64 {
	for i := range v {
		v[i] = round2(v[i])
	}
	return v
}
