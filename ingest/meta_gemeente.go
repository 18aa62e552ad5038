package ingest

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// riskyNames are gemeente names that are also ordinary words (Dutch or
// English), very short, or also the name of a province. They count only
// where the text calls them a gemeente ("gemeente Best") or on a title,
// never as a bare word in running text.
var riskyNames = map[string]bool{
	"Best": true, "Buren": true, "Huizen": true, "Houten": true, "Leiden": true, "Bergen": true,
	"Putten": true, "Kampen": true, "Assen": true, "Losser": true, "Delft": true, "Duiven": true,
	"Hoorn": true, "Sluis": true, "Goes": true, "Wierden": true, "Borne": true, "Epe": true,
	"Ede": true, "Oss": true, "Urk": true, "Tiel": true, "Weert": true, "Beek": true, "Stein": true,
	"Laren": true, "Voorst": true, "Waterland": true, "Vaals": true, "Groningen": true,
	"Utrecht": true, "Elburg": true, "Heerde": true, "Ermelo": true, "Emmen": true, "Altena": true,
	"Grave": true, "Haren": true, "Leek": true, "Marum": true, "Winsum": true, "Nuth": true, "Uden": true,
	// former gemeenten whose names are words or other places too
	"Schermer": true, "Schinnen": true, "Ouderkerk": true, "Vianen": true,
}

// aliases are other names in use for a gemeente, by official name. The
// former gemeenten merged into one since 2012 are not aliases but gemeenten
// of their own in the register (corpus.Gemeenten.Former), so that an older
// plan of "gemeente Uden" is filed under Uden, now part of Maashorst.
var aliases = map[string][]string{
	"'s-Gravenhage":                 {"Den Haag", "s-Gravenhage", "'s Gravenhage"},
	"'s-Hertogenbosch":              {"Den Bosch", "s-Hertogenbosch", "'s Hertogenbosch"},
	"Nuenen, Gerwen en Nederwetten": {"Nuenen"},
	"Súdwest-Fryslân":               {"Sudwest Fryslan", "Súdwest Fryslân"},
}

// parenRE matches the province suffix of names like "Hengelo (O.)".
var parenRE = regexp.MustCompile(`\s*\([^)]*\)`)

// nameForm is one way to write a gemeente's name, as token keys (without
// diacritics, so "Sudwest-Fryslan" and "Súdwest-Fryslân" are one form).
type nameForm struct {
	tokens []string
	cands  []corpus.Gemeente // more than one for "Bergen" (NH. and L.)
	risky  bool
}

// gemeenteMatcher finds gemeente names in text. It is read-only after
// construction.
type gemeenteMatcher struct {
	byFirst map[string][]*nameForm // first token → forms, longest first
}

func newGemeenteMatcher(all []corpus.Gemeente) *gemeenteMatcher {
	forms := map[string]*nameForm{}
	add := func(name string, g corpus.Gemeente) {
		toks := tokenKeys(tokenize(name))
		key := strings.Join(toks, " ")
		if len(toks) == 0 {
			return
		}
		f := forms[key]
		if f == nil {
			f = &nameForm{tokens: toks, risky: riskyNames[key]}
			forms[key] = f
		}
		if !slices.ContainsFunc(f.cands, func(c corpus.Gemeente) bool { return c.Code == g.Code }) {
			f.cands = append(f.cands, g)
		}
	}
	for _, g := range all {
		add(parenRE.ReplaceAllString(g.Naam, ""), g)
		for _, a := range aliases[g.Naam] {
			add(a, g)
		}
	}
	m := &gemeenteMatcher{byFirst: map[string][]*nameForm{}}
	for _, f := range forms {
		k := nl.Fold(f.tokens[0])
		m.byFirst[k] = append(m.byFirst[k], f)
	}
	for _, fs := range m.byFirst {
		sort.Slice(fs, func(i, j int) bool { return len(fs[i].tokens) > len(fs[j].tokens) })
	}
	return m
}

// match returns the longest name form at toks[i], or nil.
func (m *gemeenteMatcher) match(toks []token, i int) *nameForm {
	for _, f := range m.byFirst[nl.Fold(toks[i].key)] {
		if i+len(f.tokens) > len(toks) {
			continue
		}
		ok := true
		for j, want := range f.tokens {
			if !sameToken(toks[i+j].key, want) {
				ok = false
				break
			}
		}
		if ok {
			return f
		}
	}
	return nil
}

// sameToken compares the key of a text token with a name token: exactly,
// or ignoring case when the text is in capitals ("GEMEENTE EDE").
func sameToken(got, want string) bool {
	if got == want {
		return true
	}
	return strings.ToUpper(got) == got && strings.EqualFold(got, want) && len([]rune(got)) > 1
}

// NamesGemeente reports whether text names g: its name (without province
// suffix) or one of its aliases, as whole words, ignoring case and
// diacritics.
func NamesGemeente(text string, g corpus.Gemeente) bool {
	names := append([]string{parenRE.ReplaceAllString(g.Naam, "")}, aliases[g.Naam]...)
	folded := nl.Unaccent(text)
	for _, n := range names {
		re := regexp.MustCompile(`(?i)(^|[^\p{L}])` + regexp.QuoteMeta(nl.Unaccent(n)) + `($|[^\p{L}])`)
		if re.MatchString(folded) {
			return true
		}
	}
	return false
}
