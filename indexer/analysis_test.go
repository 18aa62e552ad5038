package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"
)

func TestIndexTerms(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"woninginbraak", []string{"woninginbrak", "woning", "inbrak"}},
		{"woninginbraken", []string{"woninginbrak", "woning", "inbrak"}},
		{"inbraakpreventie", []string{"inbraakpreventie", "inbrak", "preventie"}},
		{"jeugdoverlast", []string{"jeugdoverlast", "jeugd", "overlast"}},
		{"drugsoverlast", []string{"drugsoverlast", "drug", "overlast"}},
		{"drugshandel", []string{"drugshandel", "drug", "handel"}},
		{"fietsendiefstal", []string{"fietsendiefstal", "fiet", "diefstal"}},  // linking -en-
		{"rampenbestrijding", []string{"rampenbestrijd", "ramp", "bestrijd"}}, // linking -en-
		{"verkeersveiligheid", []string{"verkeersveil", "verker", "veilig"}},  // linking -s-, head stemmed further
		{"parkeeroverlast", []string{"parkeeroverlast", "overlast"}},          // unknown modifier
		{"ondermijningsbeeld", []string{"ondermijningsbeeld", "ondermijn"}},   // unknown head
		{"woninginbraakpreventie", []string{"woninginbraakpreventie", "woning", "inbrak", "preventie"}},
		{"Camera's", []string{"camera"}},
		{"camera’s", []string{"camera"}},
		{"BOA's", []string{"boa"}},
		{"auto's", []string{"auto"}},
		{"geïntegreerde", []string{"geintegreerd"}},
		{"één", nil}, // folded to the stop word "een"
		{"de", nil},
		{"wethouder", []string{"wethouder"}},              // no "wet": parts have 4+ letters
		{"raadsvoorstel", []string{"raadsvoorstel"}},      // "raad" is too short to be a modifier before an unknown head
		{"voorraad", []string{"voorrad"}},                 // voor- is a prefix, not a modifier
		{"groepsbehandeling", []string{"groepsbehandel"}}, // be-handel is no handel
		{"gebruikersinterface", []string{"gebruikersinterfac"}},
		{"autoriteit", []string{"autoriteit"}},
		{"brandweer", []string{"brandwer"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IndexTerms(tt.word); !slices.Equal(got, tt.want) {
				t.Errorf("IndexTerms(%q) = %q, want %q", tt.word, got, tt.want)
			}
			words := ExactWords(tt.word)
			if len(words) != 1 || words[0].Start != 0 || words[0].End != len(tt.word) {
				t.Fatalf("ExactWords(%q) = %+v", tt.word, words)
			}
			if got := IndexTermsOfExact(words[0].Term); !slices.Equal(got, tt.want) {
				t.Errorf("IndexTermsOfExact(%q) = %q, want %q", words[0].Term, got, tt.want)
			}
		})
	}
}

func TestQueryAndExactTerms(t *testing.T) {
	tests := []struct {
		text         string
		query, exact []string
	}{
		{"woninginbraak", []string{"woninginbrak"}, []string{"woninginbraak"}},
		{"De camera's van de BOA's", []string{"camera", "boa"}, []string{"de", "camera", "van", "de", "boa"}},
		{"Integrale Veiligheid", []string{"integral", "veilig"}, []string{"integrale", "veiligheid"}},
		{"één geïntegreerde aanpak", []string{"geintegreerd", "aanpak"}, []string{"een", "geintegreerde", "aanpak"}},
		{"zo'n 12 inbraken", []string{"zon", "12", "inbrak"}, []string{"zon", "12", "inbraken"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := AnalyzeQuery(tt.text); !slices.Equal(got, tt.query) {
				t.Errorf("AnalyzeQuery = %q, want %q", got, tt.query)
			}
			if got := ExactTerms(tt.text); !slices.Equal(got, tt.exact) {
				t.Errorf("ExactTerms = %q, want %q", got, tt.exact)
			}
		})
	}
}

func TestCompoundDictionary(t *testing.T) {
	d, err := parseCompoundDict(compoundPartsTxt)
	if err != nil {
		t.Fatal(err)
	}
	for k := range d.parts {
		if len(k) < minPart {
			t.Errorf("key %q is shorter than %d letters", k, minPart)
		}
	}
	for _, w := range []string{"inbraak", "overlast", "woning", "jeugd", "ondermijning", "criminaliteit", "geweld", "camera", "toezicht"} {
		if _, ok := d.parts[w]; !ok {
			t.Errorf("%q is missing from compound_parts.txt", w)
		}
	}
	for _, bad := range []string{"wet\n", "Woning\n", "geïntegreerd\n", "twee woorden\n"} {
		if _, err := parseCompoundDict([]byte(bad)); err == nil {
			t.Errorf("parseCompoundDict(%q) accepted a bad line", bad)
		}
	}
}

// TestRegisteredChainsMatchHelpers checks that the analyzers a mapping gets
// from RegisterAnalysis produce what the helpers (built outside any
// mapping) produce, so highlighting agrees with the index.
func TestRegisteredChainsMatchHelpers(t *testing.T) {
	im := bleve.NewIndexMapping()
	if err := RegisterAnalysis(im); err != nil {
		t.Fatal(err)
	}
	if err := RegisterAnalysis(im); err == nil {
		t.Error("a second RegisterAnalysis on the same mapping succeeded")
	}
	text := "De BOA's zagen jeugdoverlast en woninginbraken bij één geïntegreerde aanpak; zo'n 12 camera’s."
	helpers := map[string]func(string) []string{
		DutchIndexAnalyzer: func(s string) []string { return terms(indexChain, s) },
		DutchQueryAnalyzer: AnalyzeQuery,
		DutchExactAnalyzer: ExactTerms,
	}
	for name, helper := range helpers {
		a := im.AnalyzerNamed(name)
		if a == nil {
			t.Fatalf("analyzer %s is not defined", name)
		}
		got := tokenTerms(a.Analyze([]byte(text)))
		if want := helper(text); !slices.Equal(got, want) {
			t.Errorf("%s: mapping gives %q, helper %q", name, got, want)
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
	cache := registry.NewCache()
	stock, err := cache.AnalyzerNamed(nl.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range []struct {
		name string
		an   analysis.Analyzer
	}{{"ivp_nl_index", indexChain}, {"ivp_nl_query", queryChain}, {"bleve_nl", stock}} {
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

func FuzzAnalyzers(f *testing.F) {
	for _, s := range []string{"woninginbraakpreventie camera's", "één geïntegreerde aanpak", "plekplekplekplekplekplekplekplek", "'s-Hertogenbosch ’t zo'n", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, w := range ExactWords(text) {
			if w.Start < last || w.End <= w.Start || w.End > len(text) {
				t.Fatalf("word %+v out of order or range in %q", w, text)
			}
			last = w.End
			for _, term := range IndexTermsOfExact(w.Term) {
				if term == "" {
					t.Fatalf("empty index term for %q", w.Term)
				}
			}
		}
		AnalyzeQuery(text)
		IndexTerms(text)
	})
}
