package search

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ccv/ivp/corpus"
)

// The field filters of the query language (parse.go): gemeente, provincie,
// veld, thema, jaar and type, and the Resolvers that look their values up.

// filter applies one field:value item.
func (p *pqParser) filter(t pqToken) {
	if !pqKnownField[t.field] {
		if !strings.HasPrefix(t.text, "//") {
			p.warn(fmt.Sprintf(warnField, t.field))
		}
		for _, w := range append([]string{t.field}, strings.Fields(t.text)...) {
			p.item(pqToken{text: w, neg: t.neg})
		}
		return
	}
	if t.neg {
		p.warn(fmt.Sprintf(warnNegated, t.field, t.text))
		return
	}
	if strings.TrimSpace(t.text) == "" {
		p.warn(fmt.Sprintf(warnEmpty, t.field))
		return
	}
	if t.field == "jaar" {
		if p.year(t.text) {
			p.typed(t, []string{t.text}, t.text, []string{jaarValue(p.q.Filters.YearFrom, p.q.Filters.YearTo)})
		}
		return
	}
	values := []string{t.text}
	if !t.quoted {
		values = strings.Split(t.text, ",") // a list: gemeente:Ede,Epe
	}
	for i, v := range values {
		values[i] = strings.TrimSpace(v)
	}
	for _, v := range values {
		if v != "" && p.count() {
			p.typed(t, values, v, p.value(t.field, v))
		}
	}
}

var pqKnownField = map[string]bool{"gemeente": true, "provincie": true, "veld": true, "thema": true, "jaar": true, "type": true}

// value resolves one value of a list-valued field and returns the facet
// values it selected.
func (p *pqParser) value(field, v string) []string {
	f := &p.q.Filters
	switch field {
	case "veld":
		veld, err := corpus.ParseVeld(v)
		if err != nil {
			p.warn(warnVeld)
			return nil
		}
		pqAdd(&f.Velden, veld)
		return []string{strconv.Itoa(int(veld))}
	case "type":
		typ, ok := pqDocType(v)
		if !ok {
			p.warn(fmt.Sprintf(warnType, v))
			return nil
		}
		pqAdd(&f.Types, typ)
		return []string{string(typ)}
	}
	vals, warning := p.res.resolve(field, v)
	if warning != "" {
		p.warn(warning)
	}
	for _, x := range vals {
		switch field {
		case "gemeente":
			pqAdd(&f.Gemeenten, x)
		case "provincie":
			pqAdd(&f.Provincies, x)
		case "thema":
			pqAdd(&f.Themas, x)
		}
	}
	return vals
}

func pqAdd[T comparable](list *[]T, v T) {
	if !slices.Contains(*list, v) {
		*list = append(*list, v)
	}
}

// pqDocType reads a document type by its value or a common name for it.
func pqDocType(v string) (corpus.DocType, bool) {
	if t, err := corpus.ParseDocType(v); err == nil {
		return t, true
	}
	aliases := map[string]corpus.DocType{
		"jaarplan": corpus.TypeUitvoeringsplan, "uitvoeringsprogramma": corpus.TypeUitvoeringsplan,
		"veiligheidsplan": corpus.TypeIVP, "integraalveiligheidsplan": corpus.TypeIVP,
		"analyse": corpus.TypeVeiligheidsanalyse, "evaluaties": corpus.TypeEvaluatie,
	}
	t, ok := aliases[pqKey(v)]
	return t, ok
}

// year applies jaar:2023, 2023..2026 (or 2023-2026), 2023.. or ..2020;
// false when v is not a year or range.
func (p *pqParser) year(v string) bool {
	from, to, ok := pqYears(v)
	if !ok {
		p.warn(warnJaar)
		return false
	}
	if p.jaar {
		p.warn(warnTwoJaar)
	}
	p.jaar = true
	p.q.Filters.YearFrom, p.q.Filters.YearTo = from, to
	return true
}

func pqYears(v string) (from, to int, ok bool) {
	v = strings.NewReplacer("–", "..", "-", "..").Replace(strings.TrimSpace(v))
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		b = a
	}
	if from, ok = pqYear(a, isRange); !ok {
		return 0, 0, false
	}
	if to, ok = pqYear(b, isRange); !ok || (from == 0 && to == 0) {
		return 0, 0, false
	}
	if from != 0 && to != 0 && from > to {
		from, to = to, from
	}
	return from, to, true
}

// pqYear reads a four-digit year from 1900 to 2100; "" is open (0) in a range.
func pqYear(s string, open bool) (int, bool) {
	if s == "" {
		return 0, open
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || n < 1900 || n > 2100 {
		return 0, false
	}
	return n, true
}

// Resolvers look up the values of the gemeente, provincie and thema
// filters, ignoring case, diacritics, spaces and punctuation. Build one
// with NewResolvers and share it: it is read-only.
type Resolvers struct {
	gemeenten  map[string][]corpus.Gemeente // name key -> gemeenten
	byCode     *corpus.Gemeenten
	provincies map[string]string // key -> province name
	themas     []corpus.Thema
	themaKeys  []string // pqKey of each theme's label
}

// NewResolvers indexes the register of gemeenten, former gemeenten
// included ("gemeente:Winsum" finds the plans of Winsum, now part of Het
// Hogeland), and the themes of tax.
func NewResolvers(g *corpus.Gemeenten, tax *corpus.Taxonomy) *Resolvers {
	r := &Resolvers{gemeenten: map[string][]corpus.Gemeente{}, byCode: g, provincies: map[string]string{}, themas: tax.Themes()}
	for _, gm := range g.Every() {
		keys := []string{pqKey(gm.Naam)}
		if base, _, ok := strings.Cut(gm.Naam, " ("); ok { // "Bergen (NH.)" is also "Bergen"
			keys = append(keys, pqKey(base))
		}
		if rest, ok := strings.CutPrefix(gm.Naam, "'s-"); ok { // "'s-Gravenhage" is also "Gravenhage"
			keys = append(keys, pqKey(rest))
		}
		for _, k := range keys {
			r.gemeenten[k] = append(r.gemeenten[k], gm)
		}
		r.provincies[pqKey(gm.Provincie)] = gm.Provincie
	}
	for alias, naam := range map[string]string{"den haag": "'s-Gravenhage", "den bosch": "'s-Hertogenbosch"} {
		r.gemeenten[pqKey(alias)] = r.gemeenten[pqKey(naam)]
	}
	r.provincies["fryslan"] = "Friesland"
	for _, th := range r.themas {
		r.themaKeys = append(r.themaKeys, pqKey(th.Label))
	}
	return r
}

func pqKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, thFold(s))
}

// resolve returns the filter values for v and a warning when v is unknown
// or ambiguous.
func (r *Resolvers) resolve(field, v string) ([]string, string) {
	if r == nil {
		return nil, fmt.Sprintf("Filteren op %s kan hier niet; we zochten zonder '%s:%s'.", field, field, v)
	}
	switch field {
	case "gemeente":
		return r.gemeente(v)
	case "provincie":
		if p, ok := r.provincies[pqKey(v)]; ok {
			return []string{p}, ""
		}
		return nil, fmt.Sprintf("De provincie '%s' kennen we niet; we zochten zonder dit filter.", v)
	default:
		return r.thema(v)
	}
}

func (r *Resolvers) gemeente(v string) ([]string, string) {
	if gm, ok := r.byCode.ByCode(v); ok {
		return []string{gm.Code}, ""
	}
	gms := r.gemeenten[pqKey(v)]
	var codes, names []string
	for _, gm := range gms {
		codes, names = append(codes, gm.Code), append(names, gm.Naam)
	}
	switch len(gms) {
	case 0:
		return nil, fmt.Sprintf("De gemeente '%s' kennen we niet; we zochten zonder dit filter.", v)
	case 1:
		return codes, ""
	}
	return codes, fmt.Sprintf("'%s' past bij meer gemeenten (%s); we zochten in alle.", v, strings.Join(names, ", "))
}

// thema finds a theme by id, by label, or by the start of one label.
func (r *Resolvers) thema(v string) ([]string, string) {
	k := pqKey(v)
	var prefix []corpus.Thema
	for i, th := range r.themas {
		if strings.EqualFold(th.ID, v) || r.themaKeys[i] == k {
			return []string{th.ID}, ""
		}
		if strings.HasPrefix(r.themaKeys[i], k) {
			prefix = append(prefix, th)
		}
	}
	switch len(prefix) {
	case 0:
		return nil, fmt.Sprintf("Het thema '%s' kennen we niet; we zochten zonder dit filter.", v)
	case 1:
		return []string{prefix[0].ID}, ""
	}
	var labels []string
	for _, th := range prefix[:min(3, len(prefix))] {
		labels = append(labels, th.Label+" ("+th.ID+")")
	}
	return nil, fmt.Sprintf("'%s' past bij meer thema's: %s; kies er één, zoals thema:%s. We zochten zonder dit filter.", v, strings.Join(labels, ", "), prefix[0].ID)
}

// Gemeente returns the CBS codes that v stands for: a code, or a name in
// any case and with or without diacritics (a name several gemeenten
// share gives all of them); false when v is neither.
func (r *Resolvers) Gemeente(v string) ([]string, bool) {
	codes, _ := r.gemeente(strings.TrimSpace(v))
	return codes, len(codes) > 0
}

// Provincie returns the register's name of the province v names, in any
// case and with or without diacritics ("fryslân" is Friesland).
func (r *Resolvers) Provincie(v string) (string, bool) {
	p, ok := r.provincies[pqKey(v)]
	return p, ok
}

// Thema returns the id of the theme v stands for: an id, a label in any
// case, or the start of exactly one label; false otherwise.
func (r *Resolvers) Thema(v string) (string, bool) {
	ids, _ := r.thema(strings.TrimSpace(v))
	if len(ids) != 1 {
		return "", false
	}
	return ids[0], true
}
