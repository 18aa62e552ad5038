package ui_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// decode parses a JSON response into v and checks its status.
func decode(t testing.TB, r response, status int, v any) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("%v: %s", err, r.body)
	}
}

// apiSearchResult is what clients read from /api/v1/search.
type apiSearchResult struct {
	Total   int `json:"total"`
	Page    int `json:"page"`
	Size    int `json:"size"`
	Results []struct {
		ID        int64 `json:"id"`
		Title     string
		Gemeenten []struct{ Code, Naam, Provincie string }
		Passages  []struct {
			Page     int      `json:"page"`
			Headings []string `json:"headings"`
			Snippet  string   `json:"snippet"`
		} `json:"passages"`
	} `json:"results"`
	Facets []struct {
		Name   string `json:"name"`
		Values []struct {
			Value    string `json:"value"`
			Count    int    `json:"count"`
			Selected bool   `json:"selected"`
		} `json:"values"`
	} `json:"facets"`
}

func TestAPISearch(t *testing.T) {
	f := newFixture(t)
	var res apiSearchResult
	decode(t, f.get(t, query("/api/v1/search", "q", "cameratoezicht", "provincie", "Gelderland", "size", "2")), http.StatusOK, &res)
	want := matching("cameratoezicht", inProvincie("Gelderland"))
	if res.Total != len(want) || res.Page != 1 || res.Size != 2 || len(res.Results) != 2 {
		t.Errorf("total %d page %d size %d results %d, want %d 1 2 2", res.Total, res.Page, res.Size, len(res.Results), len(want))
	}
	for _, d := range res.Results {
		if len(d.Passages) == 0 || !strings.Contains(strings.ToLower(d.Passages[0].Snippet), "<mark>cameratoezicht</mark>") {
			t.Errorf("plan %d: no highlighted passage: %+v", d.ID, d.Passages)
		}
		if d.Gemeenten[0].Provincie != "Gelderland" {
			t.Errorf("plan %d is in %s", d.ID, d.Gemeenten[0].Provincie)
		}
	}
	var names []string
	for _, fc := range res.Facets {
		names = append(names, fc.Name)
		for _, v := range fc.Values {
			if fc.Name == "provincie" && v.Value == "Gelderland" && (!v.Selected || v.Count != len(want)) {
				t.Errorf("provincie facet Gelderland: %+v", v)
			}
		}
	}
	slices.Sort(names)
	if got := strings.Join(names, ","); got != "gemeente,jaar,klasse,provincie,thema,type,veld" {
		t.Errorf("facets %s", got)
	}
}

func TestAPISearchEmptyListsAreArrays(t *testing.T) {
	f := newFixture(t)
	r := f.get(t, query("/api/v1/search", "q", "zzzonvindbaarzzz"))
	var raw map[string]json.RawMessage
	decode(t, r, http.StatusOK, &raw)
	if string(raw["results"]) != "[]" {
		t.Errorf("results %s, want []", raw["results"])
	}
	if string(raw["total"]) != "0" {
		t.Errorf("total %s, want 0", raw["total"])
	}
}

func TestAPIErrors(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, target string
		status       int
		want         string
	}{
		{"pagina geen getal", "/api/v1/search?page=abc", http.StatusBadRequest, "paginanummer"},
		{"te veel per pagina", "/api/v1/search?size=1000", http.StatusBadRequest, "aantal per pagina"},
		{"jaar geen getal", "/api/v1/search?jaar=abc", http.StatusBadRequest, "jaar"},
		{"onbekend type", "/api/v1/search?type=notulen", http.StatusBadRequest, "onbekend documenttype"},
		{"onbekend document", "/api/v1/documents/999999", http.StatusNotFound, "bestaat niet"},
		{"document geen getal", "/api/v1/documents/abc", http.StatusNotFound, "bestaat niet"},
		{"onbekend adres", "/api/v1/onzin", http.StatusNotFound, "bestaat niet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e struct {
				Error string `json:"error"`
			}
			decode(t, f.get(t, tt.target), tt.status, &e)
			if !strings.Contains(strings.ToLower(e.Error), tt.want) {
				t.Errorf("error %q lacks %q", e.Error, tt.want)
			}
		})
	}
}

// apiDocument is what clients read from /api/v1/documents/{id}.
type apiDocument struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Type      string `json:"type"`
	Periode   string `json:"periode"`
	Pages     int    `json:"pages"`
	MediaType string `json:"media_type"`
	FileURL   string `json:"file_url"`
	Gemeenten []struct {
		Code, Naam, Provincie string
	} `json:"gemeenten"`
	Passages []struct {
		PageFrom int      `json:"page_from"`
		PageTo   int      `json:"page_to"`
		Headings []string `json:"headings"`
		Text     string   `json:"text"`
		Tags     struct {
			Veld   int      `json:"veld"`
			Themes []string `json:"themes"`
		} `json:"tags"`
	} `json:"passages"`
}

func TestAPIDocument(t *testing.T) {
	f := newFixture(t)
	id := f.ids["ams"]
	var d apiDocument
	decode(t, f.get(t, fmt.Sprintf("/api/v1/documents/%d", id)), http.StatusOK, &d)
	p := planByKey(t, "ams")
	if d.ID != id || d.Title != p.title || d.Type != "ivp" || d.Periode != "2023-2026" || d.Pages != 14 ||
		d.MediaType != "application/pdf" || d.FileURL != fmt.Sprintf("/bestanden/%d", id) {
		t.Errorf("metadata %+v", d)
	}
	if len(d.Gemeenten) != 1 || d.Gemeenten[0].Code != "GM0363" || d.Gemeenten[0].Provincie != "Noord-Holland" {
		t.Errorf("gemeenten %+v", d.Gemeenten)
	}
	if len(d.Passages) != len(p.passages) {
		t.Fatalf("%d passages, want %d", len(d.Passages), len(p.passages))
	}
	for i, got := range d.Passages {
		w := p.passages[i]
		if got.PageFrom != w.from || got.PageTo != w.to || got.Text != w.text ||
			strings.Join(got.Headings, "/") != strings.Join(w.headings, "/") || got.Tags.Veld != tagsFor(w.headings).Veld {
			t.Errorf("passage %d: %+v", i, got)
		}
	}
}

func TestAPIJobs(t *testing.T) {
	f := newFixture(t)
	ctx := t.Context()
	ok, _ := f.store.StartJob(ctx, "reindex")
	f.store.FinishJob(ctx, ok, 11, nil)
	bad, _ := f.store.StartJob(ctx, "harvest")
	f.store.FinishJob(ctx, bad, 0, errors.New("bron onbereikbaar"))
	var res struct {
		Jobs []struct {
			ID        int64  `json:"id"`
			Name      string `json:"name"`
			Outcome   string `json:"outcome"`
			Documents int    `json:"documents"`
			Error     string `json:"error"`
		} `json:"jobs"`
	}
	decode(t, f.get(t, "/api/v1/jobs"), http.StatusOK, &res)
	if len(res.Jobs) < 2 {
		t.Fatalf("%d jobs, want at least 2", len(res.Jobs))
	}
	if j := res.Jobs[0]; j.ID != bad || j.Outcome != "failed" || j.Error != "bron onbereikbaar" {
		t.Errorf("newest job %+v", j)
	}
	if j := res.Jobs[1]; j.ID != ok || j.Outcome != "ok" || j.Documents != 11 {
		t.Errorf("second job %+v", j)
	}
}
