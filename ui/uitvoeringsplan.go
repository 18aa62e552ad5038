package ui

import (
	"net/http"
	"slices"
	"sort"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// planFormPage is the view of the questionnaire of the format
// uitvoeringsplan.
type planFormPage struct {
	Layout    layoutData
	In        planInput
	Errors    map[string]string
	Gemeenten []corpus.Gemeente // the datalist for autocompletion
	Velden    []prioVeld        // the themes to choose priorities from
	Partners  []prioOption
	FromPlan  string // the title of the plan the priorities come from
	NoPlan    string // the gemeente asked for that has no plan in force
}

// prioVeld is one veld of the priority checkboxes.
type prioVeld struct {
	Label  string
	Themes []prioOption
}

// prioOption is one checkbox.
type prioOption struct {
	Value, Label string
	Checked      bool
}

// newPlanFormat shows the questionnaire: GET /uitvoeringsplan. With a
// gemeente and no priorities, it checks the priorities of the
// gemeente's plan in force.
func (h *handler) newPlanFormat(c *gin.Context) {
	in := readPlanInput(c.Request.URL.Query())
	p, err := h.planForm(c, in, nil)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.html(c, http.StatusOK, "uitvoeringsplan", p)
}

// planForm makes the questionnaire's view; errs are messages per field.
func (h *handler) planForm(c *gin.Context, in planInput, errs map[string]string) (planFormPage, error) {
	p := planFormPage{Layout: h.layout("Format uitvoeringsplan", true), In: in, Errors: errs, Gemeenten: h.gemeenten.All()}
	if g, ok := h.gemeenten.Lookup(in.Gemeente); ok && len(in.Prios) == 0 {
		b, err := h.currentBeeld(c.Request.Context())
		if err != nil {
			return p, err
		}
		if p.In.Prios, p.FromPlan = planPrios(b, g.Code); p.FromPlan == "" {
			p.NoPlan = g.Naam
		}
	}
	chosen := map[string]bool{}
	for _, id := range p.In.Prios {
		chosen[id] = true
	}
	for _, v := range corpus.Velden[1:] {
		pv := prioVeld{Label: "Veld " + v.Label()}
		for _, th := range h.taxonomy.Themes() {
			if th.Veld == v && safetyTheme(h.taxonomy, th.ID) {
				pv.Themes = append(pv.Themes, prioOption{Value: th.ID, Label: th.Label, Checked: chosen[th.ID]})
			}
		}
		p.Velden = append(p.Velden, pv)
	}
	for _, name := range planPartners {
		p.Partners = append(p.Partners, prioOption{Value: name, Label: name, Checked: slices.Contains(p.In.Partners, name)})
	}
	return p, nil
}

// planPrios are the priorities (theme ids, sorted) of the gemeente's
// plans in force and the title of the first of those plans.
func planPrios(b *beeld, code string) ([]string, string) {
	gf, ok := b.byCode[code]
	if !ok || len(gf.prios) == 0 {
		return nil, ""
	}
	ids := make([]string, 0, len(gf.prios))
	for id := range gf.prios {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	title := ""
	if len(gf.inForce) > 0 {
		title = gf.inForce[0].doc.Title
	}
	return ids, title
}

// showPlanFormat shows the format: GET /uitvoeringsplan/format.
func (h *handler) showPlanFormat(c *gin.Context) {
	f, ok := h.planFormatFor(c)
	if ok {
		f.Layout = h.layout(f.Title, true)
		h.html(c, http.StatusOK, "uitvoeringsplan_format", f)
	}
}

// apiPlanFormat is the JSON twin: GET /api/v1/uitvoeringsplan.
func (h *handler) apiPlanFormat(c *gin.Context) {
	in := readPlanInput(c.Request.URL.Query())
	errs, err := h.checkPlan(c, &in)
	if err != nil {
		h.fail(c, err)
		return
	}
	if errs != nil {
		c.JSON(http.StatusUnprocessableEntity, apiFieldErrors{Error: "Het formulier is niet goed ingevuld.", Fields: errs})
		return
	}
	f, err := h.buildFormat(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, f)
}

// planFormatFor checks the questionnaire and makes its format; on bad
// input it shows the questionnaire again with the messages (422) and
// reports false.
func (h *handler) planFormatFor(c *gin.Context) (*planFormat, bool) {
	in := readPlanInput(c.Request.URL.Query())
	errs, err := h.checkPlan(c, &in)
	if err == nil && errs != nil {
		var p planFormPage
		if p, err = h.planForm(c, in, errs); err == nil {
			h.html(c, http.StatusUnprocessableEntity, "uitvoeringsplan", p)
			return nil, false
		}
	}
	var f *planFormat
	if err == nil {
		f, err = h.buildFormat(c.Request.Context(), in)
	}
	if err != nil {
		h.fail(c, err)
		return nil, false
	}
	return f, true
}

// checkPlan checks the questionnaire against the current beeld.
func (h *handler) checkPlan(c *gin.Context, in *planInput) (map[string]string, error) {
	b, err := h.currentBeeld(c.Request.Context())
	if err != nil {
		return nil, err
	}
	return h.checkPlanInput(in, func(code string) []string {
		ids, _ := planPrios(b, code)
		return ids
	}), nil
}
