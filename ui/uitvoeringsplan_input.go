package ui

import (
	"net/url"
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Parameters of the questionnaire of the format uitvoeringsplan; the
// result page, its downloads and its JSON twin take the same ones.
const (
	upGemeente = "gemeente"
	upPeriode  = "periode"
	upPrio     = "prioriteit" // repeated: theme ids
	upPartner  = "partner"    // repeated: names from planPartners
	upOverig   = "overig"     // other partners, comma-separated
	upTempo    = "tempo"      // "jaar" or "periode"
	upIndeling = "indeling"   // "prioriteit" or "veld"
)

// planPartners are the partners the questionnaire offers as checkboxes.
var planPartners = []string{"Politie", "Openbaar Ministerie", "Woningcorporaties", "Veiligheidsregio",
	"GGD", "Zorg- en Veiligheidshuis", "RIEC", "Jongerenwerk", "Ondernemersvereniging", "Scholen"}

// maxOtherPartners bounds the free-text partners; maxPlanPrios the
// priorities of one format.
const (
	maxOtherPartners = 10
	maxPlanPrios     = 15
)

// planInput is the questionnaire as typed and as checked.
type planInput struct {
	Gemeente string   `json:"gemeente"` // as typed
	Periode  string   `json:"periode"`  // as typed
	Prios    []string `json:"prioriteiten"`
	Partners []string `json:"partners"` // checked boxes
	Overig   string   `json:"overig"`
	Tempo    string   `json:"tempo"`
	Indeling string   `json:"indeling"`

	gemeente   corpus.Gemeente
	start, end int
}

// readPlanInput reads the questionnaire from q.
func readPlanInput(q url.Values) planInput {
	in := planInput{Gemeente: strings.TrimSpace(q.Get(upGemeente)), Periode: strings.TrimSpace(q.Get(upPeriode)),
		Overig: strings.TrimSpace(q.Get(upOverig)), Tempo: q.Get(upTempo), Indeling: q.Get(upIndeling)}
	for _, p := range q[upPrio] {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(in.Prios, p) {
			in.Prios = append(in.Prios, p)
		}
	}
	for _, p := range q[upPartner] {
		if slices.Contains(planPartners, p) && !slices.Contains(in.Partners, p) {
			in.Partners = append(in.Partners, p)
		}
	}
	if in.Tempo != "periode" {
		in.Tempo = "jaar"
	}
	if in.Indeling != "veld" {
		in.Indeling = "prioriteit"
	}
	return in
}

// query writes the questionnaire back as URL parameters.
func (in planInput) query() string {
	q := url.Values{upGemeente: {in.Gemeente}, upPeriode: {in.Periode}, upTempo: {in.Tempo}, upIndeling: {in.Indeling}}
	q[upPrio] = in.Prios
	q[upPartner] = in.Partners
	if in.Overig != "" {
		q.Set(upOverig, in.Overig)
	}
	return q.Encode()
}

// allPartners are the checked partners and the typed ones.
func (in planInput) allPartners() []string {
	out := append([]string{}, in.Partners...)
	for _, p := range strings.Split(in.Overig, ",") {
		if p = strings.TrimSpace(p); p != "" && len(out) < len(in.Partners)+maxOtherPartners {
			out = append(out, shorten(p, 80))
		}
	}
	return out
}

// check fills in the gemeente and period and returns a Dutch message per
// field that is wrong (nil when nothing is). plan are the priorities of
// the gemeente's plan in force, used when none were chosen.
func (h *handler) checkPlanInput(in *planInput, plan func(code string) []string) map[string]string {
	errs := map[string]string{}
	if in.Gemeente == "" {
		errs[upGemeente] = "Vul de naam of de CBS-code van uw gemeente in."
	} else if g, ok := h.gemeenten.Lookup(in.Gemeente); ok {
		in.gemeente = g
	} else {
		errs[upGemeente] = "„" + shorten(in.Gemeente, 60) + "” is geen Nederlandse gemeente. Kies een naam uit de lijst."
	}
	var msg string
	if in.start, in.end, msg = parsePeriod(in.Periode); msg != "" {
		errs[upPeriode] = msg
	}
	if len(in.Prios) == 0 && in.gemeente.Code != "" {
		in.Prios = plan(in.gemeente.Code)
	}
	h.checkPrios(in, errs)
	if n := len(strings.Split(in.Overig, ",")); n > maxOtherPartners {
		errs[upOverig] = "Noem hoogstens 10 andere partners, gescheiden door komma's."
	} else if m := corpus.LengthProblem("De lijst met andere partners", in.Overig, 1000); m != "" {
		errs[upOverig] = m
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// checkPrios keeps the chosen priorities that are themes of velden 1-5.
func (h *handler) checkPrios(in *planInput, errs map[string]string) {
	var ok []string
	for _, id := range in.Prios {
		if safetyTheme(h.taxonomy, id) {
			ok = append(ok, id)
		}
	}
	switch {
	case len(ok) < len(in.Prios):
		errs[upPrio] = "Kies de prioriteiten uit de lijst."
	case len(ok) == 0:
		errs[upPrio] = "Kies ten minste één prioriteit."
	case len(ok) > maxPlanPrios:
		errs[upPrio] = "Kies hoogstens 15 prioriteiten; een uitvoeringsplan met meer wordt onoverzichtelijk."
	}
	in.Prios = ok
}
