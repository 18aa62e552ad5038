package ui

import (
	"context"
	"fmt"
	"html/template"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/geo"
)

// overview is what the landelijk beeld, the gemeente pages and the
// speerpunten matrix share: the registers, the map and the cached beeld
// of the published plans.
type overview struct {
	gemeenten *corpus.Gemeenten
	regios    *corpus.Veiligheidsregios
	inwoners  *corpus.Inwoners
	mapShapes []mapShape // the drawn map, one path per gemeente
	mapBox    mapBox
	now       func() time.Time

	summaries summaryCache
	refs      refCache
	mu        sync.Mutex // held while a beeld is built, so it is built once
	key       string     // index generation and year of cur
	cur       *beeld
}

func newOverview(gms *corpus.Gemeenten) (*overview, error) {
	vr, err := corpus.LoadVeiligheidsregios()
	if err != nil {
		return nil, err
	}
	inw, err := corpus.LoadInwoners()
	if err != nil {
		return nil, err
	}
	m, err := geo.LoadGemeenten()
	if err != nil {
		return nil, err
	}
	o := &overview{gemeenten: gms, regios: vr, inwoners: inw, now: time.Now}
	o.mapShapes, o.mapBox = drawMap(m)
	return o, nil
}

// Status of a gemeente on the map.
const (
	statusGeldend  = "geldend"  // a published IVP whose period covers this year
	statusKomend   = "komend"   // only an IVP that starts after this year
	statusVerlopen = "verlopen" // IVPs whose periods ended
	statusOnbekend = "onbekend" // IVPs without a known period
	statusGeen     = "geen"     // no published IVP in the database
)

// beeld is the state of the country for one index generation and year.
type beeld struct {
	year      int
	gemeenten []*gemeenteFacts // register order (by name)
	byCode    map[string]*gemeenteFacts
	inForce   []*planFacts // the distinct IVPs in force
	byID      map[int64]*planFacts
	former    map[string][]*planFacts // code of a former gemeente → its plans
	confirmed map[[2]int64]bool       // links a curator confirmed: from, to
	published int                     // published documents of any type
	mapOnce   sync.Once
	mapHTML   template.HTML // see handler.mapHTML

	matrixOnce sync.Once // sets matrixCols and makes matrixRows
	matrixCols []matrixColumn
	matrixMu   sync.Mutex
	matrixRows map[string]template.HTML // gemeente code → its rendered cells
}

// planFacts is one published plan; sum is set for IVPs in force.
type planFacts struct {
	doc   corpus.Document
	sum   *planSummary
	links planLinks
	ref   [2]int // for an uitvoeringsplan, the period of the IVP it names
}

// passageRef points at one passage of a plan.
type passageRef struct {
	doc     int64
	ordinal int
}

// gemeenteFacts is one gemeente with its plans and status.
type gemeenteFacts struct {
	corpus.Gemeente
	regio    corpus.Veiligheidsregio
	klasse   corpus.Klasse
	klasseOK bool
	status   string
	until    int        // verlopen: last year of its latest IVP
	untilOf  *planFacts // that IVP
	from     int        // komend: first year of its next IVP
	plans    []*planFacts
	inForce  []*planFacts
	prios    map[string]passageRef // the priorities of its IVPs in force
	velden   [corpus.NumVelden]bool
	treated  map[string]passageRef
}

// current returns the beeld of the serving index generation and this
// year, building it when either changed.
func (h *handler) currentBeeld(ctx context.Context) (*beeld, error) {
	gen, err := h.search.Generation()
	if err != nil {
		return nil, err
	}
	o := h.overview
	year := o.now().Year()
	links, err := h.docs.PlanLinks(ctx)
	if err != nil {
		return nil, fmt.Errorf("landelijk beeld: %w", err)
	}
	key := gen + "|" + strconv.Itoa(year) + "|" + strconv.FormatInt(linksVersion(links), 10)
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.cur != nil && o.key == key {
		return o.cur, nil
	}
	b, err := h.buildBeeld(ctx, year, links)
	if err != nil {
		return nil, err
	}
	o.key, o.cur = key, b
	return b, nil
}

// buildBeeld reads every published plan and the passages of the IVPs in
// force (only those that changed since the last build).
func (h *handler) buildBeeld(ctx context.Context, year int, links []corpus.PlanLink) (*beeld, error) {
	o := h.overview
	docs, err := h.docs.Documents(ctx, corpus.StatusPublished)
	if err != nil {
		return nil, fmt.Errorf("landelijk beeld: %w", err)
	}
	b := o.emptyBeeld(year)
	b.published = len(docs)
	all := make([]*planFacts, 0, len(docs))
	for _, d := range docs {
		pf := &planFacts{doc: d}
		all = append(all, pf)
		b.byID[d.ID] = pf
		if d.Type == corpus.TypeIVP && inForce(d, year) {
			b.inForce = append(b.inForce, pf)
		}
		for _, g := range d.Gemeenten {
			if gf, ok := b.byCode[g.Code]; ok {
				gf.plans = append(gf.plans, pf)
			} else if g.Former() {
				b.former[g.Code] = append(b.former[g.Code], pf)
			}
		}
	}
	if err := h.setRefs(ctx, all); err != nil {
		return nil, fmt.Errorf("landelijk beeld: %w", err)
	}
	linkPlans(all, links)
	for _, l := range links {
		b.confirmed[[2]int64{l.From, l.To}] = l.State == corpus.LinkConfirmed
	}
	if err := h.summarizeAll(ctx, b.inForce); err != nil {
		return nil, fmt.Errorf("landelijk beeld: %w", err)
	}
	for _, gf := range b.gemeenten {
		gf.settle(year, b.predecessorPlans(o.gemeenten, gf.Code))
	}
	return b, nil
}

// predecessorPlans are the plans of the former gemeenten in the area of
// the gemeente with code.
func (b *beeld) predecessorPlans(gms *corpus.Gemeenten, code string) []*planFacts {
	var out []*planFacts
	for _, p := range gms.Predecessors(code) {
		out = append(out, b.former[p.Code]...)
	}
	return out
}

// emptyBeeld has every gemeente of the register and no plans.
func (o *overview) emptyBeeld(year int) *beeld {
	b := &beeld{year: year, byCode: map[string]*gemeenteFacts{}, byID: map[int64]*planFacts{},
		former: map[string][]*planFacts{}, confirmed: map[[2]int64]bool{}}
	for _, g := range o.gemeenten.All() {
		gf := &gemeenteFacts{Gemeente: g, prios: map[string]passageRef{}, treated: map[string]passageRef{}}
		gf.regio, _ = o.regios.Of(g.Code)
		gf.klasse, gf.klasseOK = o.inwoners.InwonersKlasse(g.Code)
		b.gemeenten = append(b.gemeenten, gf)
		b.byCode[g.Code] = gf
	}
	return b
}

// inForce says the plan's period covers year; a plan with only a first
// or only a last year covers that year.
func inForce(d corpus.Document, year int) bool {
	start, end := period(d)
	return start > 0 && start <= year && year <= end
}

// period is the first and last year of a plan, each standing in for the
// other when only one is known; 0, 0 when neither is.
func period(d corpus.Document) (int, int) {
	start, end := d.PeriodStart, d.PeriodEnd
	if start == 0 {
		start = end
	}
	if end == 0 {
		end = start
	}
	return start, end
}

// settle sorts a gemeente's plans by year and sets its status from its
// IVPs and those of its predecessors (preds: the plans of the former
// gemeenten in its area), and its priorities from those in force. A plan
// of a predecessor counts as one of its own: in force only when its
// period covers this year, else ended (or to come).
func (gf *gemeenteFacts) settle(year int, preds []*planFacts) {
	sortByYear(gf.plans)
	all := append(slices.Clone(gf.plans), preds...)
	sortByYear(all)
	gf.status = statusGeen
	for _, p := range all {
		if p.doc.Type != corpus.TypeIVP || slices.Contains(gf.inForce, p) {
			continue
		}
		start, end := period(p.doc)
		switch {
		case p.sum != nil:
			gf.inForce = append(gf.inForce, p)
			gf.addPriorities(p)
		case start > year:
			if gf.from == 0 || start < gf.from {
				gf.from = start
			}
		case end > 0:
			if end > gf.until {
				gf.until, gf.untilOf = end, p
			}
		}
		if gf.status == statusGeen {
			gf.status = statusOnbekend
		}
	}
	switch {
	case len(gf.inForce) > 0:
		gf.status = statusGeldend
	case gf.from > 0:
		gf.status = statusKomend
	case gf.until > 0:
		gf.status = statusVerlopen
	}
}

// sortByYear sorts plans by year, then by ID.
func sortByYear(ps []*planFacts) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].doc, ps[j].doc
		if a.Year() != b.Year() {
			return a.Year() < b.Year()
		}
		return a.ID < b.ID
	})
}

// addPriorities adds the priorities and themes of a plan in force.
func (gf *gemeenteFacts) addPriorities(p *planFacts) {
	for t, o := range p.sum.prios {
		if _, ok := gf.prios[t]; !ok {
			gf.prios[t] = passageRef{p.doc.ID, o}
		}
	}
	for t, o := range p.sum.treated {
		if _, ok := gf.treated[t]; !ok {
			gf.treated[t] = passageRef{p.doc.ID, o}
		}
	}
	for v, ok := range p.sum.prioVelden {
		gf.velden[v] = gf.velden[v] || ok
	}
}

// summarizeAll sets the summary of every plan, on all cores.
func (h *handler) summarizeAll(ctx context.Context, plans []*planFacts) error {
	next := make(chan *planFacts)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range next {
				sum, err := h.overview.summaries.get(ctx, h.docs, h.taxonomy, p.doc)
				if err != nil {
					select {
					case errs <- fmt.Errorf("plan %d: %w", p.doc.ID, err):
					default:
					}
					continue
				}
				p.sum = &sum
			}
		})
	}
	for _, p := range plans {
		if ctx.Err() != nil {
			break
		}
		next <- p
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return ctx.Err()
	}
}

// linksVersion names the state of the curators' link decisions.
func linksVersion(links []corpus.PlanLink) int64 {
	var v int64
	for _, l := range links {
		v = max(v, l.Version)
	}
	return v
}
