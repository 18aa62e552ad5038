package search

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

var (
	testResolversOnce sync.Once
	testResolversVal  *Resolvers
)

func pqTestResolvers(tb testing.TB) *Resolvers {
	testResolversOnce.Do(func() {
		g, err := corpus.LoadGemeenten()
		if err != nil {
			tb.Fatal(err)
		}
		tax, err := corpus.LoadTaxonomy("")
		if err != nil {
			tb.Fatal(err)
		}
		testResolversVal = NewResolvers(g, tax)
	})
	return testResolversVal
}

func pqWords(ws ...string) []Clause {
	var cs []Clause
	for _, w := range ws {
		cs = append(cs, Clause{{Text: w}})
	}
	return cs
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		clauses []Clause
		exclude []Term
		filters Filters
		text    string
		warn    string // a substring of the only warning; "" for none
	}{
		{name: "plain words", in: "  woninginbraak   preventie ", clauses: pqWords("woninginbraak", "preventie"), text: "woninginbraak preventie"},
		{name: "phrase", in: `"integrale  veiligheid" plan`, clauses: []Clause{{{Text: "integrale veiligheid", Phrase: true}}, {{Text: "plan"}}}, text: "integrale veiligheid plan"},
		{name: "typographic quotes", in: "„camera’s bij scholen”", clauses: []Clause{{{Text: "camera’s bij scholen", Phrase: true}}}, text: "camera’s bij scholen"},
		{name: "exclude word and phrase", in: `overlast -evenementen -"jaarlijks plan"`, clauses: pqWords("overlast"),
			exclude: []Term{{Text: "evenementen"}, {Text: "jaarlijks plan", Phrase: true}}, text: "overlast"},
		{name: "OR", in: "inbraak OR diefstal camera", clauses: []Clause{{{Text: "inbraak"}, {Text: "diefstal"}}, {{Text: "camera"}}}, text: "inbraak diefstal camera"},
		{name: "pipe and OF", in: `inbraak|diefstal OF "high impact crimes"`, clauses: []Clause{{{Text: "inbraak"}, {Text: "diefstal"}, {Text: "high impact crimes", Phrase: true}}}, text: "inbraak diefstal high impact crimes"},
		{name: "lower-case or is a word", in: "inbraak or diefstal", clauses: pqWords("inbraak", "or", "diefstal"), text: "inbraak or diefstal"},
		{name: "punctuation around words", in: "inbraak, diefstal!", clauses: pqWords("inbraak", "diefstal"), text: "inbraak diefstal"},
		{name: "duplicates once", in: "inbraak Inbraak inbraak", clauses: pqWords("inbraak"), text: "inbraak"},
		{name: "filters", in: `drugs gemeente:Ede gemeente:"Súdwest-Fryslân" provincie:gelderland veld:2 thema:2.3 type:uitvoeringsplan jaar:2023..2026`,
			clauses: pqWords("drugs"), text: "drugs",
			filters: Filters{Gemeenten: []string{"GM0228", "GM1900"}, Provincies: []string{"Gelderland"}, Velden: []corpus.Veld{2},
				Themas: []string{"2.3"}, Types: []corpus.DocType{corpus.TypeUitvoeringsplan}, YearFrom: 2023, YearTo: 2026}},
		{name: "gemeente by code, folded name and alias", in: "gemeente:gm0228,sudwest-fryslan gemeente:\"den bosch\"",
			filters: Filters{Gemeenten: []string{"GM0228", "GM1900", "GM0796"}}},
		{name: "ambiguous gemeente searches all", in: "gemeente:Bergen", filters: Filters{Gemeenten: []string{"GM0893", "GM0373"}}, warn: "meer gemeenten"},
		{name: "former gemeente by name and by key", in: "gemeente:Winsum gemeente:bedum gemeente:voormalig-ten-boer",
			filters: Filters{Gemeenten: []string{"GM0053", "voormalig-bedum", "voormalig-ten-boer"}}},
		{name: "thema by label and prefix", in: "thema:drugs thema:Jeugdoverlast thema:cyber",
			filters: Filters{Themas: []string{"X.drugs", "3.1", "X.cybercrime-digitale-veiligheid"}}},
		{name: "quoted value keeps its comma", in: `thema:"Jeugd, alcohol en drugs"`, filters: Filters{Themas: []string{"3.3"}}},
		{name: "field value OR is no operator", in: "inbraak gemeente:OR", clauses: pqWords("inbraak"), text: "inbraak", warn: "gemeente 'OR'"},
		{name: "open year ranges", in: "jaar:2023..", filters: Filters{YearFrom: 2023}},
		{name: "year up to", in: "jaar:..2020", filters: Filters{YearTo: 2020}},
		{name: "single year", in: "jaar:2024", filters: Filters{YearFrom: 2024, YearTo: 2024}},
		{name: "reversed range is ordered", in: "jaar:2026-2023", filters: Filters{YearFrom: 2023, YearTo: 2026}},
		{name: "bad year", in: "inbraak jaar:twintig", clauses: pqWords("inbraak"), text: "inbraak", warn: "verwacht een jaartal"},
		{name: "year out of range", in: "jaar:20234", warn: "verwacht een jaartal"},
		{name: "bad veld", in: "veld:7 jeugd", clauses: pqWords("jeugd"), text: "jeugd", warn: "0 tot en met 5"},
		{name: "bad type", in: "type:roman", warn: "documenttype 'roman'"},
		{name: "unknown gemeente", in: "gemeente:Atlantis", warn: "gemeente 'Atlantis' kennen we niet"},
		{name: "ambiguous thema", in: "thema:veilig", warn: "meer thema's"},
		{name: "empty value", in: "jaar: inbraak", clauses: pqWords("inbraak"), text: "inbraak", warn: "ontbreekt een waarde"},
		{name: "unknown field is text", in: "soort:plan", clauses: pqWords("soort", "plan"), text: "soort plan", warn: "veld 'soort' kennen we niet"},
		{name: "time is no field", in: "10:00 overleg", clauses: pqWords("10:00", "overleg"), text: "10:00 overleg"},
		{name: "unbalanced quote", in: `"integrale veiligheid`, clauses: pqWords("integrale", "veiligheid"), text: "integrale veiligheid", warn: "aanhalingsteken"},
		{name: "unbalanced excluded phrase", in: `inbraak -"jaarlijks plan`, clauses: pqWords("inbraak", "jaarlijks", "plan"), text: "inbraak jaarlijks plan", warn: "aanhalingsteken"},
		{name: "lone minus", in: "inbraak - preventie", clauses: pqWords("inbraak", "preventie"), text: "inbraak preventie", warn: "minteken"},
		{name: "OR at the start", in: "OR inbraak", clauses: pqWords("inbraak"), text: "inbraak", warn: "OR aan het begin"},
		{name: "OR at the end", in: "inbraak OR", clauses: pqWords("inbraak"), text: "inbraak", warn: "OR aan het begin"},
		{name: "OR before an exclusion", in: "inbraak OR -diefstal", clauses: pqWords("inbraak"), exclude: []Term{{Text: "diefstal"}}, text: "inbraak", warn: "OR aan het begin"},
		{name: "parentheses", in: "(inbraak OR diefstal) camera", clauses: []Clause{{{Text: "inbraak"}, {Text: "diefstal"}}, {{Text: "camera"}}}, text: "inbraak diefstal camera", warn: "Haakjes"},
		{name: "negated filter", in: "-veld:2 jeugd", clauses: pqWords("jeugd"), text: "jeugd", warn: "kan niet worden uitgesloten"},
		{name: "only punctuation", in: `!! ... ""`},
	}
	r := pqTestResolvers(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseQuery(tt.in, r)
			if !reflect.DeepEqual(got.Clauses, tt.clauses) {
				t.Errorf("clauses %+v, want %+v", got.Clauses, tt.clauses)
			}
			if !reflect.DeepEqual(got.Exclude, tt.exclude) {
				t.Errorf("exclude %+v, want %+v", got.Exclude, tt.exclude)
			}
			if !reflect.DeepEqual(got.Filters, tt.filters) {
				t.Errorf("filters %+v, want %+v", got.Filters, tt.filters)
			}
			if got.Text != tt.text {
				t.Errorf("text %q, want %q", got.Text, tt.text)
			}
			pqCheckWarnings(t, got.Warnings, tt.warn)
		})
	}
}

func pqCheckWarnings(t *testing.T, got []string, want string) {
	t.Helper()
	switch {
	case want == "" && len(got) > 0:
		t.Errorf("unexpected warnings %q", got)
	case want != "" && (len(got) != 1 || !strings.Contains(got[0], want)):
		t.Errorf("warnings %q, want one containing %q", got, want)
	}
}

func TestParseQueryWithoutResolvers(t *testing.T) {
	got := ParseQuery("inbraak gemeente:Ede veld:1", nil)
	if len(got.Filters.Gemeenten) != 0 || len(got.Filters.Velden) != 1 || got.Text != "inbraak" {
		t.Errorf("got %+v", got)
	}
	pqCheckWarnings(t, got.Warnings, "kan hier niet")
}

func TestParseQueryLimits(t *testing.T) {
	var many []string
	for i := range 40 {
		many = append(many, "w"+strconv.Itoa(i))
	}
	got := ParseQuery(strings.Join(many, " "), nil)
	if n := len(got.Positive()); n != maxQueryTerms {
		t.Errorf("%d terms, want %d", n, maxQueryTerms)
	}
	pqCheckWarnings(t, got.Warnings, "ingekort")
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`woninginbraak "integrale veiligheid" -evenementen`, `a OR b | c OF d`, `gemeente:"Súdwest-Fryslân" jaar:2023..2026`,
		`jaar:..2020 veld:2 thema:drugs type:ivp`, `"unbalanced`, `- OR ( ) "" -"x" gemeente:`, "\xff\xfe", `jaar:2026..2023`,
		`-veld:2 provincie:fryslan soort:x http://example.nl`,
	} {
		f.Add(s)
	}
	r := pqTestResolvers(f)
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s, r)
		for _, c := range q.Clauses {
			if len(c) == 0 {
				t.Fatalf("empty clause in %q", s)
			}
			pqCheckTerms(t, s, c)
		}
		pqCheckTerms(t, s, q.Exclude)
		fl := q.Filters
		if fl.YearFrom != 0 && fl.YearTo != 0 && fl.YearFrom > fl.YearTo {
			t.Fatalf("years %d..%d out of order for %q", fl.YearFrom, fl.YearTo, s)
		}
		if len(q.Positive()) > maxQueryTerms {
			t.Fatalf("%d terms for %q", len(q.Positive()), s)
		}
		if q.Text != strings.Join(strings.Fields(q.Text), " ") {
			t.Fatalf("text %q is not normalised", q.Text)
		}
		pqCheckTyped(t, s, q, r)
	})
}

// pqCheckTyped checks that taking a typed filter out of a query leaves a
// query with fewer typed filters, and taking all out leaves none.
func pqCheckTyped(t *testing.T, in string, q ParsedQuery, r *Resolvers) {
	t.Helper()
	for _, tf := range q.typed {
		without := withoutTyped(q.source, tf)
		if !utf8.ValidString(without) {
			t.Fatalf("removing %s:%s from %q gives invalid text %q", tf.field, tf.raw, in, without)
		}
		if n := len(ParseQuery(without, r).typed); n >= len(q.typed) {
			t.Fatalf("removing %s:%s from %q leaves %q with %d typed filters, had %d", tf.field, tf.raw, in, without, n, len(q.typed))
		}
	}
	if len(q.typed) > 0 {
		if rest := ParseQuery(withoutAllTyped(q), r); len(rest.typed) != 0 {
			t.Fatalf("removing every filter from %q leaves %q with %d", in, withoutAllTyped(q), len(rest.typed))
		}
	}
}

func pqCheckTerms(t *testing.T, in string, ts []Term) {
	t.Helper()
	for _, term := range ts {
		hasAlnum := strings.ContainsFunc(term.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		if !hasAlnum || strings.TrimSpace(term.Text) != term.Text || strings.ContainsAny(term.Text, quoteRunes) {
			t.Fatalf("bad term %q from %q", term.Text, in)
		}
	}
}
