package ui

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search"
)

// Query parameter names; the filter names equal search.Facet.Name.
const (
	paramQuery     = "q"
	paramGemeente  = "gemeente"
	paramProvincie = "provincie"
	paramJaar      = "jaar"
	paramType      = "type"
	paramVeld      = "veld"
	paramThema     = "thema"
	paramKlasse    = "klasse"
	paramVan       = "van"  // first year of a jaar range
	paramTot       = "tot"  // last year of a jaar range
	paramSort      = "sort" // relevantie or datum
	paramLike      = "like" // "meer zoals dit": a plan id or plan/passage
	paramPage      = "page"
	paramSize      = "size"
)

// maxQueryLen bounds the free-text query, in characters.
const maxQueryLen = 500

// searchRequest reads and checks a search request from query parameters.
// Errors are 400s with Dutch text.
func (h *handler) searchRequest(q url.Values) (search.Request, error) {
	r := search.Request{Query: q.Get(paramQuery)}
	if utf8.RuneCountInString(r.Query) > maxQueryLen {
		return r, badRequest(fmt.Sprintf("de zoekvraag is te lang (meer dan %d tekens)", maxQueryLen))
	}
	var err error
	if r.Page, err = intParam(q, paramPage, "paginanummer"); err != nil {
		return r, err
	}
	if r.Size, err = intParam(q, paramSize, "aantal per pagina"); err != nil {
		return r, err
	}
	if r.Gemeenten, err = h.gemeenteParams(q); err != nil {
		return r, err
	}
	if r.Provincies, err = h.provincieParams(q); err != nil {
		return r, err
	}
	if r.Jaren, err = jaarParams(q); err != nil {
		return r, err
	}
	if r.Types, err = typeParams(q); err != nil {
		return r, err
	}
	if r.Velden, err = veldParams(q); err != nil {
		return r, err
	}
	if r.Themas, err = h.themaParams(q); err != nil {
		return r, err
	}
	if err := h.extraParams(q, &r); err != nil {
		return r, err
	}
	if err := r.Normalize(); err != nil {
		return r, badRequest(err.Error())
	}
	return r, nil
}

// intParam reads an optional positive-or-zero integer; absent or empty is 0.
func intParam(q url.Values, name, what string) (int, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 9 {
		return 0, badRequest(fmt.Sprintf("ongeldig %s ‘%s’: gebruik een geheel getal", what, s))
	}
	return n, nil
}

// values returns the distinct non-empty values of a repeatable parameter.
func values(q url.Values, name string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range q[name] {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// gemeenteParams reads gemeenten by CBS code or name, as the query box
// does; the request holds codes.
func (h *handler) gemeenteParams(q url.Values) ([]string, error) {
	var out []string
	for _, v := range values(q, paramGemeente) {
		codes, ok := h.resolvers.Gemeente(v)
		if !ok {
			return nil, badRequest(fmt.Sprintf("onbekende gemeente ‘%s’: gebruik een naam zoals Oudewater of een CBS-code zoals GM0363", v))
		}
		for _, c := range codes {
			out = appendNew(out, c)
		}
	}
	return out, nil
}

// provincieParams reads provinces by name in any case, with or without
// diacritics.
func (h *handler) provincieParams(q url.Values) ([]string, error) {
	var out []string
	for _, v := range values(q, paramProvincie) {
		p, ok := h.resolvers.Provincie(v)
		if !ok {
			return nil, badRequest(fmt.Sprintf("onbekende provincie ‘%s’: gebruik een naam zoals Gelderland", v))
		}
		out = appendNew(out, p)
	}
	return out, nil
}

func jaarParams(q url.Values) ([]int, error) {
	var out []int
	for _, v := range values(q, paramJaar) {
		y, err := strconv.Atoi(v)
		if err != nil || y < 1000 || y > 9999 {
			return nil, badRequest(fmt.Sprintf("ongeldig jaar ‘%s’: gebruik een jaartal zoals 2024", v))
		}
		out = append(out, y)
	}
	return out, nil
}

func typeParams(q url.Values) ([]corpus.DocType, error) {
	var out []corpus.DocType
	for _, v := range values(q, paramType) {
		t, err := corpus.ParseDocType(v)
		if err != nil {
			return nil, badRequest(err.Error())
		}
		out = appendNew(out, t)
	}
	return out, nil
}

func veldParams(q url.Values) ([]corpus.Veld, error) {
	var out []corpus.Veld
	for _, v := range values(q, paramVeld) {
		n, err := corpus.ParseVeld(v)
		if err != nil {
			return nil, badRequest(err.Error() + ": gebruik 0 tot en met 5")
		}
		out = appendNew(out, n)
	}
	return out, nil
}

// themaParams reads themes by id or name, as the query box does; the
// request holds ids.
func (h *handler) themaParams(q url.Values) ([]string, error) {
	var out []string
	for _, v := range values(q, paramThema) {
		id, ok := h.resolvers.Thema(v)
		if !ok {
			return nil, badRequest(fmt.Sprintf("onbekend thema ‘%s’: gebruik een thema-id zoals 2.3 of een naam zoals Veilig uitgaan", v))
		}
		out = appendNew(out, id)
	}
	return out, nil
}

// extraParams reads the jaar range, population classes, sort order and
// "meer zoals dit".
func (h *handler) extraParams(q url.Values, r *search.Request) error {
	var err error
	if r.JaarVan, err = yearParam(q, paramVan); err != nil {
		return err
	}
	if r.JaarTot, err = yearParam(q, paramTot); err != nil {
		return err
	}
	for _, v := range values(q, paramKlasse) {
		if _, ok := corpus.KlasseByCode(v); !ok {
			return badRequest(fmt.Sprintf("onbekende inwonersklasse ‘%s’: gebruik 1 tot en met 8", v))
		}
		r.Klassen = appendNew(r.Klassen, v)
	}
	r.Sort = strings.TrimSpace(q.Get(paramSort))
	r.Like = strings.TrimSpace(q.Get(paramLike))
	if r.Like != "" && !likePattern.MatchString(r.Like) {
		return badRequest(fmt.Sprintf("ongeldige verwijzing ‘%s’ voor ‘meer zoals dit’", r.Like))
	}
	return nil
}

// likePattern is a plan id ("17") or a passage ("17/4").
var likePattern = regexp.MustCompile(`^[0-9]{1,12}(/[0-9]{1,6})?$`)

// yearParam reads an optional year; absent or empty is 0.
func yearParam(q url.Values, name string) (int, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 9999 {
		return 0, badRequest(fmt.Sprintf("ongeldig jaar ‘%s’: gebruik een jaartal zoals 2024", s))
	}
	return y, nil
}

func appendNew[T comparable](s []T, v T) []T {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// requestValues is the inverse of searchRequest: the query parameters that
// reproduce r. Page 1 and the default size are left out.
func requestValues(r search.Request) url.Values {
	v := url.Values{}
	if r.Query != "" {
		v.Set(paramQuery, r.Query)
	}
	for _, g := range r.Gemeenten {
		v.Add(paramGemeente, g)
	}
	for _, p := range r.Provincies {
		v.Add(paramProvincie, p)
	}
	for _, y := range r.Jaren {
		v.Add(paramJaar, strconv.Itoa(y))
	}
	for _, t := range r.Types {
		v.Add(paramType, string(t))
	}
	for _, n := range r.Velden {
		v.Add(paramVeld, strconv.Itoa(int(n)))
	}
	for _, t := range r.Themas {
		v.Add(paramThema, t)
	}
	for _, k := range r.Klassen {
		v.Add(paramKlasse, k)
	}
	if r.JaarVan != 0 {
		v.Set(paramVan, strconv.Itoa(r.JaarVan))
	}
	if r.JaarTot != 0 {
		v.Set(paramTot, strconv.Itoa(r.JaarTot))
	}
	if r.Sort != "" && r.Sort != search.SortRelevance {
		v.Set(paramSort, r.Sort)
	}
	if r.Like != "" {
		v.Set(paramLike, r.Like)
	}
	if r.Page > 1 {
		v.Set(paramPage, strconv.Itoa(r.Page))
	}
	if r.Size != 0 && r.Size != search.DefaultSize {
		v.Set(paramSize, strconv.Itoa(r.Size))
	}
	return v
}
