package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// Years the generated plans cover.
const (
	firstYear = 2019
	lastYear  = 2028
)

// planSpec is what is decided about a plan before its text is written: its
// type, gemeenten, period and adoption date.
type planSpec struct {
	index       int // from 1
	typ         corpus.DocType
	gemeenten   []corpus.Gemeente
	start, end  int
	ivpStart    int // the IVP period an uitvoeringsplan works out
	ivpEnd      int
	vastgesteld time.Time
	prios       []*bank // the priorities, in the plan's order
	follows     int     // index of the IVP this plan follows up; 0 for none
	seed        uint64  // seeds the plan's own PRNG
	width       int     // digits of the plan number in file names
}

// prioCounts are the possible numbers of priorities per type.
var prioCounts = map[corpus.DocType][]int{
	corpus.TypeIVP:                {2, 3, 3, 4, 4, 4, 5, 5, 6},
	corpus.TypeUitvoeringsplan:    {2, 3, 3, 4, 4, 5},
	corpus.TypeEvaluatie:          {2, 3, 3, 4},
	corpus.TypeVeiligheidsanalyse: {3, 3, 4, 5},
}

// typeWeights is the mix of document types, in tenths.
var typeWeights = []struct {
	typ    corpus.DocType
	weight int
}{
	{corpus.TypeIVP, 6},
	{corpus.TypeUitvoeringsplan, 2},
	{corpus.TypeEvaluatie, 1},
	{corpus.TypeVeiligheidsanalyse, 1},
}

// planner draws the specs of all plans from one PRNG, in order.
type planner struct {
	rng        *rand.Rand
	all        []corpus.Gemeente
	provincies []string                     // sorted, distinct
	byProv     map[string][]corpus.Gemeente // looked up, never ranged over
	used       map[string]bool              // CBS codes already given a plan
	linked     map[int]bool                 // IVPs that already have a follow-up
}

// planSpecs decides type, gemeenten, period and date of every plan.
func planSpecs(o Options, gm *corpus.Gemeenten) ([]*planSpec, error) {
	all := gm.All()
	if len(all) == 0 {
		return nil, errors.New("gemeenten register is empty")
	}
	p := &planner{
		rng:    rand.New(rand.NewPCG(uint64(o.Seed), 0x1f2e3d4c5b6a7988)),
		all:    all,
		byProv: map[string][]corpus.Gemeente{},
		used:   map[string]bool{},
		linked: map[int]bool{},
	}
	for _, g := range all {
		if len(p.byProv[g.Provincie]) == 0 {
			p.provincies = append(p.provincies, g.Provincie)
		}
		p.byProv[g.Provincie] = append(p.byProv[g.Provincie], g)
	}
	slices.Sort(p.provincies)
	types := p.typeMix(o.Plans)
	joint := p.jointMix(o.Plans)
	provOrder := p.rng.Perm(len(p.provincies))
	specs := make([]*planSpec, o.Plans)
	for i := range specs {
		s := &planSpec{index: i + 1, typ: types[i], seed: p.rng.Uint64(), width: max(4, len(strconv.Itoa(o.Plans)))}
		if i < len(provOrder) || !p.link(s, specs[:i]) {
			p.place(s, i, provOrder, joint[i])
			p.period(s)
		}
		if s.prios == nil {
			s.prios = choosePriorities(p.rng, pick(p.rng, prioCounts[s.typ]))
		}
		p.adopt(s)
		specs[i] = s
	}
	return specs, nil
}

// typeMix returns n types in the proportions of typeWeights (largest
// remainder), shuffled.
func (p *planner) typeMix(n int) []corpus.DocType {
	out := make([]corpus.DocType, 0, n)
	rest := make([]int, len(typeWeights))
	for i, tw := range typeWeights {
		k := n * tw.weight / 10
		rest[i] = n * tw.weight % 10
		for range k {
			out = append(out, tw.typ)
		}
	}
	for len(out) < n {
		best := 0
		for i := range rest {
			if rest[i] > rest[best] {
				best = i
			}
		}
		rest[best] = -1
		out = append(out, typeWeights[best].typ)
	}
	p.rng.Shuffle(n, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// jointMix marks about 15% of n plans as joint plans of 2-3 gemeenten.
func (p *planner) jointMix(n int) []bool {
	out := make([]bool, n)
	for _, i := range p.rng.Perm(n)[:(n*15+50)/100] {
		out[i] = true
	}
	return out
}

// place picks the plan's gemeenten: the first plans each get a different
// province, so that 12 plans cover all of them; later ones pick a gemeente
// at random, which favours the provinces with many gemeenten.
func (p *planner) place(s *planSpec, i int, provOrder []int, joint bool) {
	prov := pick(p.rng, p.all).Provincie
	if i < len(provOrder) {
		prov = p.provincies[provOrder[i]]
	}
	k := 1
	if joint {
		k = 2 + p.rng.IntN(2)
	}
	cands := p.byProv[prov]
	order := p.rng.Perm(len(cands))
	for _, unusedOnly := range []bool{true, false} {
		for _, j := range order {
			g := cands[j]
			if len(s.gemeenten) == k || (unusedOnly && p.used[g.Code]) || hasGemeente(s.gemeenten, g) {
				continue
			}
			s.gemeenten = append(s.gemeenten, g)
			p.used[g.Code] = true
		}
	}
}

func hasGemeente(gs []corpus.Gemeente, g corpus.Gemeente) bool {
	for _, x := range gs {
		if x.Code == g.Code {
			return true
		}
	}
	return false
}

// link makes about half of the later uitvoeringsplannen and evaluaties a
// follow-up of an earlier IVP of the same gemeenten: the uitvoeringsplan
// for a year of that IVP, with its priorities, or the evaluatie of the
// four years before it.
func (p *planner) link(s *planSpec, earlier []*planSpec) bool {
	if (s.typ != corpus.TypeUitvoeringsplan && s.typ != corpus.TypeEvaluatie) || p.rng.IntN(2) == 0 {
		return false
	}
	var cands []*planSpec
	for _, e := range earlier {
		ok := e.typ == corpus.TypeIVP && !p.linked[e.index]
		if s.typ == corpus.TypeEvaluatie {
			ok = ok && e.start-4 >= max(firstYear, youngest(e.gemeenten))
		}
		if ok {
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 {
		return false
	}
	ivp := pick(p.rng, cands)
	p.linked[ivp.index] = true
	s.follows = ivp.index
	s.gemeenten = ivp.gemeenten
	if s.typ == corpus.TypeEvaluatie {
		s.start, s.end = ivp.start-4, ivp.start-1
		return true
	}
	s.start = ivp.start + p.rng.IntN(4)
	s.end = s.start
	s.ivpStart, s.ivpEnd = ivp.start, ivp.end
	s.prios = ivp.prios
	return true
}

// period sets the years a plan covers; all fall within firstYear-lastYear.
func (p *planner) period(s *planSpec) {
	r := p.rng
	switch s.typ {
	case corpus.TypeIVP:
		s.start = firstYear + r.IntN(lastYear-3-firstYear+1)
		s.end = s.start + 3
	case corpus.TypeEvaluatie:
		s.start = firstYear + r.IntN(3)
		s.end = s.start + 3
	case corpus.TypeVeiligheidsanalyse:
		s.start = firstYear + r.IntN(lastYear-2-firstYear+1)
		s.end = s.start
	default:
		s.start = firstYear + r.IntN(lastYear-firstYear+1)
		s.end = s.start
		s.ivpStart = s.start - r.IntN(4)
		s.ivpEnd = s.ivpStart + 3
	}
	if s.ivpStart == 0 {
		s.ivpStart, s.ivpEnd = s.start, s.end
	}
	respectMergers(s)
}

// formed are the gemeenten of the register that a merger created after
// firstYear, with the year they first existed; no plan of theirs covers an
// earlier year.
var formed = map[string]int{
	"GM1979": 2021, // Eemsdelta
	"GM1980": 2022, // Dijk en Waard
	"GM1982": 2022, // Land van Cuijk
	"GM1991": 2022, // Maashorst
	"GM1992": 2023, // Voorne aan Zee
}

// youngest is the year the youngest of gs was formed; 0 when none was
// formed by a recent merger.
func youngest(gs []corpus.Gemeente) int {
	y := 0
	for _, g := range gs {
		y = max(y, formed[g.Code])
	}
	return y
}

// respectMergers moves a plan's period forward so that it starts no
// earlier than the youngest of its gemeenten.
func respectMergers(s *planSpec) {
	if shift := youngest(s.gemeenten) - min(s.start, s.ivpStart); shift > 0 {
		s.start, s.end = s.start+shift, s.end+shift
		s.ivpStart, s.ivpEnd = s.ivpStart+shift, s.ivpEnd+shift
	}
}

// adopt sets the date the plan was adopted: an IVP between September before
// and June of its first year, an uitvoeringsplan between November before and
// March, an evaluatie in the first half of the year after its period, an
// analysis in the first nine months of its year.
func (p *planner) adopt(s *planSpec) {
	var from time.Time
	var days int
	switch s.typ {
	case corpus.TypeIVP:
		from, days = date(s.start-1, time.September, 1), 300
	case corpus.TypeUitvoeringsplan:
		from, days = date(s.start-1, time.November, 1), 150
	case corpus.TypeEvaluatie:
		from, days = date(s.end+1, time.January, 10), 170
	default:
		from, days = date(s.start, time.January, 15), 250
	}
	s.vastgesteld = from.AddDate(0, 0, p.rng.IntN(days))
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dutchDate renders a date as "14 maart 2023".
func dutchDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), maanden[t.Month()-1], t.Year())
}

// names returns the names of the plan's gemeenten.
func (s *planSpec) names() []string {
	out := make([]string, len(s.gemeenten))
	for i, g := range s.gemeenten {
		out[i] = g.Naam
	}
	return out
}

// label is "Gemeente X" or "Gemeenten A, B en C".
func (s *planSpec) label() string {
	if len(s.gemeenten) == 1 {
		return "Gemeente " + s.gemeenten[0].Naam
	}
	return "Gemeenten " + joinNL(s.names())
}

// baseName is plan-0001-<gemeenten>-<type>-<period>, the file name without
// its extension; the number has as many digits as the largest one, at
// least four.
func (s *planSpec) baseName() string {
	slug := slugify(strings.Join(s.names(), " ") + " " + string(s.typ) + " " + periodText(s.start, s.end))
	return fmt.Sprintf("plan-%0*d-%s", s.width, s.index, slug)
}

// ligatures reports whether the plan is set with ligatures and
// typographic quotes (see vary_lig.go): one plan in six, but none of the
// first five, which small tests use. It derives from the seed rather than
// drawing, so that other plans do not change.
func (s *planSpec) ligatures() bool { return s.index > 5 && (s.seed>>32)%6 == 0 }

// fileName is the name of the plan's PDF.
func (s *planSpec) fileName() string { return s.baseName() + ".pdf" }

// slugify folds s (nl.Fold: lower case, no accents) and joins the
// remaining letters and digits with hyphens.
func slugify(s string) string {
	s = nl.Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
