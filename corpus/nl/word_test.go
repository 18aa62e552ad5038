package nl

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestTextHelpers(t *testing.T) {
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
			if got := QueryTerms(tt.text); !slices.Equal(got, tt.query) {
				t.Errorf("QueryTerms = %q, want %q", got, tt.query)
			}
			if got := ExactTerms(tt.text); !slices.Equal(got, tt.exact) {
				t.Errorf("ExactTerms = %q, want %q", got, tt.exact)
			}
			for i, sp := range Spans(tt.text) {
				if sp.Form != tt.exact[i] || formOf(tt.text[sp.Start:sp.End]) != sp.Form {
					t.Errorf("span %d %+v, want form %q", i, sp, tt.exact[i])
				}
			}
		})
	}
}

func TestAnalyzeForm(t *testing.T) {
	if w := AnalyzeForm([]byte("woninginbraken")); w != Analyze("woninginbraken") {
		t.Error("AnalyzeForm of a plain form is not the remembered analysis")
	}
	// "ℌ" folds to a capital H; as a form it is kept as it is.
	if w := AnalyzeForm([]byte("H")); w.Form != "H" {
		t.Errorf("AnalyzeForm(H).Form = %q", w.Form)
	}
}

func TestMemoIsBoundedAndShared(t *testing.T) {
	analyze := func(w string) *Word { return analyzeForm(formOf(w)) }
	m := newMemo(2*memoShards, analyze)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				w := m.getString(fmt.Sprintf("woning%d", (i+g)%500))
				if w.Form != fmt.Sprintf("woning%d", (i+g)%500) {
					t.Errorf("wrong analysis %+v", w)
				}
			}
		}()
	}
	wg.Wait()
	n := 0
	for i := range m.shards {
		n += len(m.shards[i].m)
	}
	if n > 2*memoShards {
		t.Errorf("memo holds %d words, bound %d", n, 2*memoShards)
	}
	m = newMemo(1024, analyze)
	if a, b := m.getString("woninginbraak"), m.getBytes([]byte("woninginbraak")); a != b {
		t.Error("the same word was analysed twice")
	}
}

func BenchmarkAnalyze(b *testing.B) {
	words := ExactTerms("De gemeente zet in op de aanpak van woninginbraken en jeugdoverlast samen met de politie, de BOA's en de woningcorporaties")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Analyze(w)
		}
	}
}
