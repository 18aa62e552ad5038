package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	bunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Fields of the small test indexes: "exact" is unstemmed lower case (as
// the field for exact phrases), "text" is Dutch with stemming.
const (
	testExact    = "exact"
	testText     = "text"
	testLowerAna = "test_lower"
)

func testMapping(t testing.TB) mapping.IndexMapping {
	t.Helper()
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(testLowerAna, map[string]any{
		"type":          custom.Name,
		"tokenizer":     bunicode.Name,
		"token_filters": []string{lowercase.Name},
	})
	if err != nil {
		t.Fatal(err)
	}
	dm := bleve.NewDocumentStaticMapping()
	exact := bleve.NewTextFieldMapping()
	exact.Analyzer = testLowerAna
	dm.AddFieldMappingsAt(testExact, exact)
	text := bleve.NewTextFieldMapping()
	text.Analyzer = nl.AnalyzerName
	dm.AddFieldMappingsAt(testText, text)
	im.DefaultMapping = dm
	return im
}

// testIndexes opens the same passages in both kinds of index: bleve's
// NewMemOnly (no fuzzy dictionary) and scorch, which the real index uses.
func testIndexes(t *testing.T, passages map[string]string) map[string]bleve.Index {
	t.Helper()
	mem, err := bleve.NewMemOnly(testMapping(t))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := bleve.NewUsing(t.TempDir()+"/scorch", testMapping(t), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bleve.Index{"memonly": mem, "scorch": sc}
	for _, idx := range out {
		b := idx.NewBatch()
		for id, p := range passages {
			if err := b.Index(id, map[string]string{testExact: p, testText: p}); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { idx.Close() })
	}
	return out
}

var suggestPassages = map[string]string{
	"c1": "Cameratoezicht in het uitgaansgebied draagt bij aan de veiligheid rond de horeca.",
	"c2": "De gemeente breidt het cameratoezicht uit naar het stationsgebied.",
	"c3": "Met cameratoezicht en de wijkagent pakken we overlast op het plein aan.",
	"o1": "Ondermijning vraagt om een integrale aanpak met het RIEC.",
	"o2": "Bij ondermijning werken gemeente, politie en OM samen.",
	"j1": "Jeugdoverlast in de wijk wordt aangepakt door de wijkagent en jongerenwerk.",
	"i1": "Woninginbraak daalt; inbraak blijft een speerpunt.",
	"i2": "Preventie van inbraak met het keurmerk veilig wonen.",
	"i3": "Inbraak in bedrijfspanden op het bedrijventerrein.",
	"i4": "Voorlichting over inbraak in de donkere dagen.",
	"r1": "Inbreek is hier een zeldzaam woord.",
}

func TestSuggest(t *testing.T) {
	cases := []struct {
		name, query, want string // want "" = no suggestion
	}{
		{"one letter wrong", "camaratoezicht", "cameratoezicht"},
		{"one letter missing", "ondermijnig", "ondermijning"},
		{"two letters swapped", "wijkagnet", "wijkagent"},
		{"two edits in a long word", "jeugdovrlst", "jeugdoverlast"},
		{"known words are kept", "Camaratoezicht uitgaansgebied", "cameratoezicht uitgaansgebied"},
		{"syntax is kept", `"camaratoezicht horeca" -ondermijnig gemeente:Edde OR x`, `"cameratoezicht horeca" -ondermijning gemeente:Edde OR x`},
		{"the term in more passages wins", "inbraek", "inbraak"},
		{"every word known", "cameratoezicht horeca", ""},
		{"nothing close", "zwembadrooster", ""},
		{"short words are not corrected", "de wyk", ""},
	}
	for name, idx := range testIndexes(t, suggestPassages) {
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				s, err := Suggest(context.Background(), idx, testExact, c.query)
				if err != nil {
					t.Fatal(err)
				}
				got := ""
				if s != nil {
					got = s.Query
				}
				if got != c.want {
					t.Errorf("Suggest(%q) = %q, want %q", c.query, got, c.want)
				}
			})
		}
	}
}

func TestSuggestCorrections(t *testing.T) {
	idx := testIndexes(t, suggestPassages)["scorch"]
	s, err := Suggest(context.Background(), idx, testExact, "Camaratoezicht bij ondermijnig")
	if err != nil || s == nil {
		t.Fatalf("Suggest: %v, %v", s, err)
	}
	want := []Correction{{"Camaratoezicht", "cameratoezicht", 3}, {"ondermijnig", "ondermijning", 2}}
	if fmt.Sprint(s.Corrections) != fmt.Sprint(want) {
		t.Errorf("corrections = %v, want %v", s.Corrections, want)
	}
}

// TestSuggestPrefersFrequentTerm: with the passages turned round, the
// same typo gets the other answer, so frequency decides and not order.
func TestSuggestPrefersFrequentTerm(t *testing.T) {
	ps := map[string]string{"a": "inbraak", "b": "inbreek", "c": "inbreek", "d": "inbreek"}
	for name, idx := range testIndexes(t, ps) {
		s, err := Suggest(context.Background(), idx, testExact, "inbraek")
		if err != nil || s == nil || s.Query != "inbreek" {
			t.Errorf("%s: Suggest(inbraek) = %+v, %v; want inbreek", name, s, err)
		}
	}
}

func TestSuggestUnknownField(t *testing.T) {
	idx := testIndexes(t, suggestPassages)["scorch"]
	s, err := Suggest(context.Background(), idx, "nosuchfield", "camaratoezicht")
	if err != nil || s != nil {
		t.Errorf("unknown field: %+v, %v; want no suggestion", s, err)
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"camaratoezicht", "cameratoezicht", 1},
		{"wijkagnet", "wijkagent", 1},
		{"ondermijnig", "ondermijning", 1},
		{"jeugdovrlst", "jeugdoverlast", 2},
		{"café", "cafe", 1},
		{"", "abc", 3},
		{"abc", "abc", 0},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// BenchmarkSuggest measures Suggest on a scorch index on disk shaped like
// the passage index: IVP_SUGGEST_BENCH_PASSAGES passages (default 20,000;
// the report used 300,000) of 100 words, drawn with a Zipf law from a
// vocabulary of taxonomy words and their pairwise compounds, which gives a
// dictionary of a few hundred thousand terms as Dutch compounding does.
func BenchmarkSuggest(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a large index")
	}
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("IVP_SUGGEST_BENCH_PASSAGES")); err == nil && v > 0 {
		n = v
	}
	idx := benchSuggestIndex(b, n)
	queries := []string{
		"camaratoezicht", "ondermijnig", "jeugdovrlst", "wijkagnet", "inbrak",
		"camaratoezicht uitgaansgebeid horeca", "cameratoezicht horeca",
	}
	ctx := context.Background()
	for _, q := range queries {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Suggest(ctx, idx, testExact, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func benchSuggestIndex(b *testing.B, n int) bleve.Index {
	b.Helper()
	idx, err := bleve.NewUsing(b.TempDir()+"/idx", testMapping(b), scorch.Name, scorch.Name, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	base := benchVocabulary(b)
	r := rand.New(rand.NewPCG(6, 5))
	common := rand.NewZipf(r, 1.1, 1, uint64(len(base)-1))
	rare := rand.NewZipf(r, 1.05, 1, uint64(len(base)*len(base)-1))
	start := time.Now()
	batch := idx.NewBatch()
	for i := 0; i < n; i++ {
		var sb strings.Builder
		for k := 0; k < 100; k++ {
			if k%3 == 0 {
				c := rare.Uint64()
				sb.WriteString(base[c%uint64(len(base))] + base[c/uint64(len(base))])
			} else {
				sb.WriteString(base[common.Uint64()])
			}
			sb.WriteByte(' ')
		}
		if err := batch.Index(strconv.Itoa(i), map[string]string{testExact: sb.String()}); err != nil {
			b.Fatal(err)
		}
		if batch.Size() == 1000 || i == n-1 {
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
			batch = idx.NewBatch()
		}
	}
	d, err := idx.FieldDict(testExact)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d passages indexed in %s; dictionary of %q: about %d terms", n, time.Since(start).Round(time.Second), testExact, d.Cardinality())
	d.Close()
	return idx
}

// benchVocabulary is the words of the taxonomy terms and the test
// passages, lower case, four letters or more.
func benchVocabulary(b *testing.B) []string {
	b.Helper()
	raw, err := os.ReadFile("../corpus/data/taxonomy_terms.tsv")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	for _, p := range suggestPassages {
		text += " " + p
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}
