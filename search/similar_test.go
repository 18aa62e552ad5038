package search

import (
	"context"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
)

var likePassages = map[string]string{
	"cam1": "De gemeente zet cameratoezicht in op het stationsplein. De camera's worden live uitgekeken door de meldkamer van de politie.",
	"cam2": "Cameratoezicht in het uitgaansgebied: de camera's hangen bij de horeca en de beelden gaan naar de meldkamer.",
	"cam3": "De burgemeester besluit over tijdelijk cameratoezicht; mobiele camera's worden geplaatst bij overlast en de meldkamer kijkt mee.",
	"cam4": "Evaluatie van het cameratoezicht: minder incidenten op het plein, de gemeente houdt de camera's.",
	"jeu1": "Jeugdoverlast door groepen jongeren in de wijk. Jongerenwerkers en de wijkagent spreken de jongeren aan.",
	"jeu2": "De gemeente pakt jeugdoverlast aan met jongerenwerk, ouders en school; de jongeren krijgen een plek in het buurthuis.",
	"jeu3": "Problematische jeugdgroepen worden in beeld gebracht met de shortlist; de gemeente zet jongerenwerkers in.",
	"jeu4": "Jongeren die overlast geven op het plein worden door de wijkagent en het jongerenwerk aangesproken.",
	"ond1": "Ondermijning en georganiseerde criminaliteit pakt de gemeente aan met het RIEC en de Wet Bibob.",
	"inb1": "Woninginbraak: de gemeente geeft voorlichting over inbraakpreventie en het keurmerk veilig wonen.",
}

func likeIndex(t *testing.T) bleve.Index {
	t.Helper()
	return testIndexes(t, likePassages)["scorch"]
}

func TestLikeFindsSameSubject(t *testing.T) {
	idx := likeIndex(t)
	ctx := context.Background()
	for _, start := range []string{"cam1", "jeu1"} {
		t.Run(start, func(t *testing.T) {
			o := LikeOptions{Field: testText, Analyzer: nl.AnalyzerName, MaxDocFreq: 0.5, Exclude: []string{start}}
			q, _, err := Like(ctx, idx, likePassages[start], o)
			if err != nil || q == nil {
				t.Fatalf("Like: %v, %v", q, err)
			}
			res, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 10, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			subject := start[:3]
			if len(res.Hits) < 3 {
				t.Fatalf("%d hits, want the 3 other %s passages", len(res.Hits), subject)
			}
			for i, h := range res.Hits {
				if h.ID == start {
					t.Errorf("the starting passage %s is among the hits", start)
				}
				if i < 3 && !strings.HasPrefix(h.ID, subject) {
					t.Errorf("hit %d is %s, want a %s passage first: %v", i+1, h.ID, subject, hitIDs(res))
				}
			}
		})
	}
}

func hitIDs(res *bleve.SearchResult) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestLikeTerms(t *testing.T) {
	idx := likeIndex(t)
	o := LikeOptions{Field: testText, Analyzer: nl.AnalyzerName, MaxDocFreq: 0.5, MaxTerms: 4}
	_, terms, err := Like(context.Background(), idx, likePassages["cam1"], o)
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != 4 {
		t.Fatalf("%d terms, want 4: %+v", len(terms), terms)
	}
	seen := map[string]bool{}
	for i, lt := range terms {
		seen[lt.Term] = true
		if i > 0 && lt.Weight > terms[i-1].Weight {
			t.Errorf("terms not heaviest first: %+v", terms)
		}
	}
	// "cameratoezicht" (four of ten passages) and "meldkamer" (three) are
	// distinctive. "gemeent" (stem of gemeente) is in six of ten: too
	// common. "de" and "het" are stop words; "live" (stem "liv") is in this
	// passage only, so it cannot find another.
	for _, want := range []string{"cameratoezicht", "meldkamer"} {
		if !seen[want] {
			t.Errorf("%q missing from %+v", want, terms)
		}
	}
	for _, bad := range []string{"gemeent", "de", "het", "liv"} {
		if seen[bad] {
			t.Errorf("%q should have been dropped: %+v", bad, terms)
		}
	}
}

func TestLikeNothingToFind(t *testing.T) {
	idx := likeIndex(t)
	o := LikeOptions{Field: testText, Analyzer: nl.AnalyzerName}
	q, terms, err := Like(context.Background(), idx, "de het een zwembadrooster", o)
	if err != nil || q != nil || len(terms) != 0 {
		t.Errorf("Like of stop words and unknown words = %v, %v, %v; want nothing", q, terms, err)
	}
}

func TestLikeOptionsValidate(t *testing.T) {
	cases := []struct {
		name string
		o    LikeOptions
		ok   bool
	}{
		{"defaults", LikeOptions{Field: "text", Analyzer: "nl"}, true},
		{"no field", LikeOptions{Analyzer: "nl"}, false},
		{"share above one", LikeOptions{Field: "text", Analyzer: "nl", MinShouldMatch: 1.5}, false},
		{"negative terms", LikeOptions{Field: "text", Analyzer: "nl", MaxTerms: -1}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.o.Validate()
			if (err == nil) != c.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, c.ok)
			}
		})
	}
	o := LikeOptions{Field: "text", Analyzer: "nl"}
	if err := o.Validate(); err != nil || o.MaxTerms != 15 || o.MinShouldMatch != 0.25 {
		t.Errorf("defaults not filled: %+v, %v", o, err)
	}
}

func TestLikeNot(t *testing.T) {
	idx := likeIndex(t)
	not := bleve.NewTermQuery("uitgaansgebied")
	not.SetField(testExact)
	o := LikeOptions{Field: testText, Analyzer: nl.AnalyzerName, MaxDocFreq: 0.5, Exclude: []string{"cam1"}, Not: not}
	q, _, err := Like(context.Background(), idx, likePassages["cam1"], o)
	if err != nil || q == nil {
		t.Fatalf("Like: %v, %v", q, err)
	}
	res, err := idx.Search(bleve.NewSearchRequestOptions(q, 10, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.Join(hitIDs(res), " ")
	if strings.Contains(ids, "cam2") || !strings.Contains(ids, "cam3") {
		t.Errorf("hits %s: want cam3 and not cam2 (left out by Not)", ids)
	}
}
