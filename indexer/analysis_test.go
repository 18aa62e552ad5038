package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bleventl "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/corpus/nl"
)

// TestRegisteredChainsMatchHelpers checks that the analyzers a mapping gets
// from RegisterAnalysis produce what corpus/nl's helpers produce, so that
// highlighting, phrase pairs and compound search agree with the index.
func TestRegisteredChainsMatchHelpers(t *testing.T) {
	im := bleve.NewIndexMapping()
	if err := RegisterAnalysis(im); err != nil {
		t.Fatal(err)
	}
	if err := RegisterAnalysis(im); err == nil {
		t.Error("a second RegisterAnalysis on the same mapping succeeded")
	}
	texts := []string{
		"De BOA's zagen jeugdoverlast en woninginbraken bij één geïntegreerde aanpak; zo'n 12 camera’s.",
		"Verkeersveiligheid, WhatsApp-buurtpreventie (o.a. www.ede.nl) en 3,5 fte voor de ĳzeren ﬁets.",
	}
	helpers := map[string]func(string) []string{
		DutchIndexAnalyzer: nl.IndexTerms,
		DutchQueryAnalyzer: AnalyzeQuery,
		DutchExactAnalyzer: ExactTerms,
		DutchPairsAnalyzer: func(s string) []string { return append(ExactTerms(s), PhrasePairs(s)...) },
	}
	for name, helper := range helpers {
		a := im.AnalyzerNamed(name)
		if a == nil {
			t.Fatalf("analyzer %s is not defined", name)
		}
		for _, text := range texts {
			got, want := tokenTerms(a.Analyze([]byte(text))), helper(text)
			if name == DutchPairsAnalyzer {
				slices.Sort(got)
				slices.Sort(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: mapping gives %q, helper %q", name, got, want)
			}
		}
	}
}

// dutchTestIndex is an in-memory index with a stemmed, split text field
// and an exact field over the same passages.
func dutchTestIndex(t *testing.T, passages map[string]string) bleve.Index {
	t.Helper()
	im := bleve.NewIndexMapping()
	if err := RegisterAnalysis(im); err != nil {
		t.Fatal(err)
	}
	doc := bleve.NewDocumentStaticMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = DutchIndexAnalyzer
	exact := bleve.NewTextFieldMapping()
	exact.Analyzer = DutchExactAnalyzer
	doc.AddFieldMappingsAt("text", text)
	doc.AddFieldMappingsAt("exact", exact)
	im.DefaultMapping = doc
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	for id, p := range passages {
		if err := idx.Index(id, map[string]string{"text": p, "exact": p}); err != nil {
			t.Fatal(err)
		}
	}
	return idx
}

func searchIDs(t *testing.T, idx bleve.Index, q query.Query) []string {
	t.Helper()
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

func matchQuery(text string) query.Query {
	m := bleve.NewMatchQuery(text)
	m.SetField("text")
	m.Analyzer = DutchQueryAnalyzer
	return m
}

func exactPhrase(text string) query.Query {
	p := bleve.NewMatchPhraseQuery(text)
	p.SetField("exact")
	p.Analyzer = DutchExactAnalyzer
	return p
}

func TestDutchSearch(t *testing.T) {
	idx := dutchTestIndex(t, map[string]string{
		"woninginbraak": "Het aantal woninginbraken daalde in de wijk.",
		"preventie":     "Inbraakpreventie begint bij goed hang- en sluitwerk.",
		"handel":        "De drugshandel verplaatst zich naar het buitengebied.",
		"jeugd":         "Jeugdoverlast bij het winkelcentrum vraagt om een groepsaanpak.",
		"camera":        "De camera's bij het station helpen de politie.",
		"geintegreerd":  "Een geïntegreerde aanpak van ondermijning.",
		"woning":        "Nieuwe woningen in de wijk worden gebouwd.",
		"integraal":     "Het integraal veiligheidsplan van de gemeente.",
		"integrale":     "Wij kiezen voor integrale veiligheid als uitgangspunt.",
		"drugs":         "Drugsoverlast in de binnenstad.",
	})
	tests := []struct {
		name string
		q    query.Query
		want []string
	}{
		{"inbraak finds woninginbraak and inbraakpreventie", matchQuery("inbraak"), []string{"preventie", "woninginbraak"}},
		{"overlast finds jeugdoverlast and drugsoverlast", matchQuery("overlast"), []string{"drugs", "jeugd"}},
		{"drugs finds drugsoverlast and drugshandel", matchQuery("drugs"), []string{"drugs", "handel"}},
		{"camera finds camera's", matchQuery("camera"), []string{"camera"}},
		{"geintegreerd finds geïntegreerd", matchQuery("geintegreerd"), []string{"geintegreerd"}},
		{"woninginbraak is not split at query time", matchQuery("woninginbraak"), []string{"woninginbraak"}},
		{"woning finds woningen and the compound", matchQuery("woning"), []string{"woning", "woninginbraak"}},
		{"exact phrase", exactPhrase("integrale veiligheid"), []string{"integrale"}},
		{"exact phrase is not stemmed", exactPhrase("integraal veiligheidsplan"), []string{"integraal"}},
		{"stemmed field joins both forms", matchQuery("integrale"), []string{"integraal", "integrale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := searchIDs(t, idx, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("hits %q, want %q", got, tt.want)
			}
		})
	}
}

// benchPassages are ~1,000-character passages of policy text.
func benchPassages() [][]byte {
	base := []string{
		"De gemeente zet in op de aanpak van woninginbraken en jeugdoverlast. Samen met de politie, de BOA's en de woningcorporaties werken we aan inbraakpreventie en cameratoezicht in de wijken waar de veiligheidsbeleving het laagst is. ",
		"Ondermijnende criminaliteit, zoals drugshandel, witwassen en mensenhandel, vraagt om een geïntegreerde aanpak met het RIEC, de Belastingdienst en het Openbaar Ministerie. De burgemeester gebruikt de Wet Bibob en sluit drugspanden. ",
		"In het uitgaansgebied nemen geweldsincidenten en verkeersonveiligheid toe. Horecaondernemers, het jongerenwerk en de handhavers maken afspraken over toezicht, camera's en een veilig uitgaansklimaat tijdens evenementen. ",
	}
	var out [][]byte
	for i := range 30 {
		var b strings.Builder
		for b.Len() < 1000 {
			b.WriteString(base[(i+b.Len())%len(base)])
		}
		out = append(out, []byte(b.String()[:1000]))
	}
	return out
}

func BenchmarkAnalyzer(b *testing.B) {
	passages := benchPassages()
	im := bleve.NewIndexMapping()
	if err := RegisterAnalysis(im); err != nil {
		b.Fatal(err)
	}
	cache := registry.NewCache()
	stock, err := cache.AnalyzerNamed(bleventl.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range []struct {
		name string
		an   analysis.Analyzer
	}{{DutchIndexAnalyzer, im.AnalyzerNamed(DutchIndexAnalyzer)}, {DutchQueryAnalyzer, im.AnalyzerNamed(DutchQueryAnalyzer)}, {"bleve_nl", stock}} {
		b.Run(a.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				a.an.Analyze(passages[n%len(passages)])
				n++
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}
