package ui_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// searchKeys runs an API search and returns the keys of the plans found.
func (f *fixture) searchKeys(t *testing.T, target string) []string {
	t.Helper()
	var res struct {
		Results []struct {
			ID       int64 `json:"id"`
			Passages []struct {
				Veld   int `json:"veld"`
				Themes []struct {
					ID    string `json:"id"`
					Label string `json:"label"`
				} `json:"themes"`
			} `json:"passages"`
		} `json:"results"`
	}
	decode(t, f.get(t, target), http.StatusOK, &res)
	var keys []string
	for _, d := range res.Results {
		keys = append(keys, f.keys[d.ID])
		for _, p := range d.Passages {
			if strings.Contains(target, "veld=5") && p.Veld != 5 {
				t.Errorf("%s: plan %s shows a passage of veld %d", target, f.keys[d.ID], p.Veld)
			}
			if len(p.Themes) == 0 || p.Themes[0].Label == "" {
				t.Errorf("%s: passage without labelled themes: %+v", target, p)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func TestVeldFilterMeansAMatchingPassageHasTheVeld(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, target string
		want         []string
	}{
		{"query and veld", query("/api/v1/search", "q", "ondermijning", "veld", "5"), []string{"achterhoek", "ams"}},
		{"no passage of the veld matches", query("/api/v1/search", "q", "cameratoezicht", "veld", "5"), nil},
		{"veld alone", query("/api/v1/search", "veld", "3"), []string{"ede"}},
		{"thema", query("/api/v1/search", "q", "cameratoezicht", "thema", "2.3", "provincie", "Gelderland"), []string{"achterhoek", "arn"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.searchKeys(t, tt.target); !slices.Equal(got, tt.want) {
				t.Errorf("plans %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVeldAndThemaFacetsInSidebar(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, query("/", "q", "cameratoezicht")).html(t)
	_, count, _ := facetLink(t, doc, "veld", "2")
	withCamera := func(p plan) bool {
		for _, pg := range p.passages {
			if slices.Equal(pg.headings, hCamera) {
				return true
			}
		}
		return false
	}
	if want := len(matching("cameratoezicht", withCamera)); count != want {
		t.Errorf("veld 2 counts %d plans, want %d", count, want)
	}
	if doc.Find(`.facet[data-facet=thema] a.facetwaarde[data-value="2.3"]`).Length() != 1 {
		t.Error("no thema facet value 2.3")
	}
	if !strings.Contains(doc.Find(".tags").First().Text(), "Veilig uitgaan") {
		t.Errorf("passage tags %q", doc.Find(".tags").First().Text())
	}
}

func TestBadVeldIs400(t *testing.T) {
	f := newFixture(t)
	r := f.get(t, query("/api/v1/search", "veld", "9"))
	if r.status != http.StatusBadRequest {
		t.Errorf("status %d", r.status)
	}
}

func TestDocumentShowsVeldenAndChecklist(t *testing.T) {
	f := newFixture(t)
	doc := f.get(t, "/documenten/"+strconv.FormatInt(f.ids["ams"], 10)).html(t)
	if doc.Find(".veldoverzicht li").Length() < 2 {
		t.Error("no per-veld overview")
	}
	if n := doc.Find(".checklist-elementen li").Length(); n != 15 {
		t.Errorf("checklist has %d elements, want 15", n)
	}
	var res struct {
		Checklist []struct {
			Number  int  `json:"number"`
			Present bool `json:"present"`
		} `json:"checklist"`
		Velden []struct{ Veld, Percent int } `json:"velden"`
	}
	decode(t, f.get(t, "/api/v1/documents/"+strconv.FormatInt(f.ids["ams"], 10)), http.StatusOK, &res)
	if len(res.Checklist) != 15 || len(res.Velden) == 0 {
		t.Errorf("document JSON: %+v", res)
	}
}
