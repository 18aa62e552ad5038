package ui_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ccv/ivp/corpus"
)

// readCSV parses an export: the notes, then (after an empty line) the
// table.
func readCSV(t *testing.T, body string) (notes map[string]string, table [][]string) {
	t.Helper()
	if !strings.HasPrefix(body, "\ufeff") {
		t.Error("CSV without a byte order mark")
	}
	head, rest, ok := strings.Cut(strings.TrimPrefix(body, "\ufeff"), "\n\n")
	if !ok {
		t.Fatalf("no empty line after the notes: %.300s", body)
	}
	notes = map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ";")
		notes[k] = v
	}
	r := csv.NewReader(strings.NewReader(rest))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	table, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return notes, table
}

// TestExportBeeld: the CSV and the workbook of the landelijk beeld hold
// the numbers of its JSON twin for the same filter, and say the filter.
func TestExportBeeld(t *testing.T) {
	g := newGenCorpus(t)
	const q = "provincie=Gelderland"
	var api struct {
		Speerpunten []struct {
			Key   string `json:"key"`
			Count int    `json:"count"`
		} `json:"speerpunten"`
		Checklist []struct {
			Key   string `json:"key"`
			Count int    `json:"count"`
		} `json:"kwaliteitstoets"`
	}
	if err := json.Unmarshal([]byte(g.get(t, "/api/v1/landelijk-beeld?"+q).body), &api); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, s := range api.Speerpunten {
		want["speerpunt/"+s.Key] = strconv.Itoa(s.Count)
	}
	for _, s := range api.Checklist {
		want["kwaliteitstoets/"+s.Key] = strconv.Itoa(s.Count)
	}
	r := g.get(t, "/landelijk-beeld/export.csv?"+q)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("status %d, %v", r.status, r.header)
	}
	notes, table := readCSV(t, r.body)
	if !strings.Contains(notes["Filters"], "Gelderland") {
		t.Errorf("filters note %q", notes["Filters"])
	}
	got := map[string]string{}
	for _, row := range table[1:] {
		if row[0] == "speerpunt" || row[0] == "kwaliteitstoets" {
			got[row[0]+"/"+row[1]] = row[3]
		}
	}
	if len(want) < 16 || !mapsEqual(got, want) {
		t.Errorf("CSV %v, JSON %v", got, want)
	}
	x := g.workbook(t, "/landelijk-beeld/export.xlsx?"+q)
	rows, err := x.GetRows("Speerpunten")
	if err != nil || len(rows)-1 != len(api.Speerpunten) {
		t.Fatalf("sheet Speerpunten: %d rows, %v; want %d", len(rows)-1, err, len(api.Speerpunten))
	}
	for _, row := range rows[1:] {
		if want["speerpunt/"+row[0]] != row[2] {
			t.Errorf("workbook %s: %s, JSON %s", row[0], row[2], want["speerpunt/"+row[0]])
		}
	}
	if gem, _ := x.GetRows("Gemeenten"); len(gem) != 343 {
		t.Errorf("sheet Gemeenten has %d rows, want 342 and a header", len(gem))
	}
	if f, _ := x.GetCellValue("Toelichting", "B4"); !strings.Contains(f, "Gelderland") {
		t.Errorf("workbook filters %q", f)
	}
}

// workbook fetches and opens an Excel export.
func (g *genCorpus) workbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	r := g.get(t, path)
	if r.status != http.StatusOK {
		t.Fatalf("%s: status %d %.200s", path, r.status, r.body)
	}
	x, err := excelize.OpenReader(bytes.NewReader([]byte(r.body)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestExportMatrix: the matrix as CSV and workbook: a row per gemeente of
// the page with the same cells.
func TestExportMatrix(t *testing.T) {
	g := newGenCorpus(t)
	const q = "regio=VR13&sort=5.2"
	var api struct {
		Themes []struct {
			ID string `json:"id"`
		} `json:"themes"`
		Gemeenten []struct {
			Code  string `json:"code"`
			Cells []struct {
				State string `json:"state"`
			} `json:"cells"`
		} `json:"gemeenten"`
	}
	if err := json.Unmarshal([]byte(g.get(t, "/api/v1/speerpunten?"+q).body), &api); err != nil {
		t.Fatal(err)
	}
	_, table := readCSV(t, g.get(t, "/speerpunten/export.csv?"+q).body)
	x := g.workbook(t, "/speerpunten/export.xlsx?"+q)
	sheet, err := x.GetRows("Speerpunten")
	if err != nil {
		t.Fatal(err)
	}
	for name, rows := range map[string][][]string{"CSV": table, "workbook": sheet} {
		if len(rows)-1 != len(api.Gemeenten) || len(rows[0]) != 3+len(api.Themes) {
			t.Fatalf("%s: %d rows × %d columns, want %d × %d", name, len(rows)-1, len(rows[0]), len(api.Gemeenten), 3+len(api.Themes))
		}
		for i, gm := range api.Gemeenten {
			row := append(rows[i+1], make([]string, len(rows[0]))...) // the workbook leaves out empty trailing cells
			if row[0] != gm.Code {
				t.Errorf("%s row %d is %s, want %s", name, i, row[0], gm.Code)
			}
			for j, c := range gm.Cells {
				if w := strings.TrimPrefix(c.State, "afwezig"); row[3+j] != w {
					t.Errorf("%s %s × %s: %q, want %q", name, gm.Code, api.Themes[j].ID, row[3+j], w)
				}
			}
		}
	}
}

// TestExportSafe: a title that a spreadsheet would run as a formula is
// written to the workbook as text (the CSV side is TestSafeCells), and an
// unknown format is a Dutch 400.
func TestExportSafe(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	gm, _ := f.store.Gemeenten().ByCode("GM0153")
	year := thisYear()
	d := corpus.Document{Title: "=HYPERLINK(\"http://example.com\")", Type: corpus.TypeIVP, PeriodStart: year, PeriodEnd: year + 3,
		Source: "x.pdf", MediaType: "application/pdf", Status: corpus.StatusPublished, ExtractorVersion: "test",
		Gemeenten: []corpus.Gemeente{gm}, Pages: 1}
	id, _, err := f.store.Add(ctx, d, nil, pdfFile(t, "x", 1))
	if err != nil {
		t.Fatal(err)
	}
	d.ID = id
	if err := f.ix.Add(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(strings.NewReader(f.get(t, "/landelijk-beeld/export.xlsx").body))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Gemeenten")
	for _, row := range rows {
		if row[0] == "GM0153" {
			if formula, _ := x.GetCellFormula("Gemeenten", "G2"); formula != "" || row[6] != d.Title {
				t.Errorf("workbook cell %q, formula %q", row[6], formula)
			}
		}
	}
	if r := f.get(t, "/landelijk-beeld/export.pdf"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "kies csv of xlsx") {
		t.Errorf("export.pdf: status %d", r.status)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestExportSearch: the search export lists the plans of the search in
// its order, over several pages of results, with the query and filters in
// the notes.
func TestExportSearch(t *testing.T) {
	g := newGenCorpus(t)
	for _, q := range []string{"", "q=ondermijning&provincie=Gelderland", "q=jongeren&sort=datum"} {
		var want []string
		for page := 1; ; page++ {
			var api struct {
				Total   int `json:"total"`
				Results []struct {
					Title string `json:"title"`
				} `json:"results"`
			}
			if err := json.Unmarshal([]byte(g.get(t, "/api/v1/search?size=100&page="+strconv.Itoa(page)+"&"+q).body), &api); err != nil {
				t.Fatal(err)
			}
			for _, r := range api.Results {
				want = append(want, r.Title)
			}
			if len(want) >= api.Total || len(api.Results) == 0 {
				break
			}
		}
		if q == "" && len(want) <= 100 {
			t.Fatalf("only %d plans: the export is not tested over pages", len(want))
		}
		notes, table := readCSV(t, g.get(t, "/zoeken/export.csv?"+q).body)
		if !strings.Contains(notes["Gevonden"], strconv.Itoa(len(want))) {
			t.Errorf("%q: notes say %q, want %d plans", q, notes["Gevonden"], len(want))
		}
		x := g.workbook(t, "/zoeken/export.xlsx?"+q)
		sheet, _ := x.GetRows("Resultaten")
		for name, rows := range map[string][][]string{"CSV": table, "workbook": sheet} {
			if len(rows)-1 != len(want) {
				t.Errorf("%q %s: %d rows, want %d", q, name, len(rows)-1, len(want))
				continue
			}
			for i, w := range want {
				if rows[i+1][1] != w || rows[i+1][0] != strconv.Itoa(i+1) {
					t.Errorf("%q %s row %d: %v, want %q", q, name, i+1, rows[i+1][:2], w)
					break
				}
			}
		}
	}
	if r := g.get(t, "/zoeken/export.csv?jaar=abc"); r.status != http.StatusBadRequest {
		t.Errorf("bad jaar: status %d", r.status)
	}
}
