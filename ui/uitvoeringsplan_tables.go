package ui

import (
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// emptyRows is how many empty rows a table to fill in gets.
const emptyRows = 3

// themeTables are the tables of a chapter: goals, indicators, actions
// (pre-filled with the examples), partners, planning and budget.
func (f *planFormat) themeTables(examples []toetsExample) []formatTable {
	actions := formatTable{Title: "Acties", Columns: []string{"Actie", "Trekker", "Resultaat"}}
	for _, e := range examples {
		actions.Rows = append(actions.Rows, []string{"Voorbeeld uit " + e.Title + " (" + e.Gemeente + ", p. " +
			strconv.Itoa(e.Page) + "): " + shorten(e.Text, 200), "", ""})
	}
	actions.Rows = append(actions.Rows, blank(3, emptyRows)...)
	partners := formatTable{Title: "Partners", Columns: []string{"Partner", "Rol", "Inzet"}}
	for _, p := range f.Partners {
		partners.Rows = append(partners.Rows, []string{p, "", ""})
	}
	if len(partners.Rows) == 0 {
		partners.Rows = blank(3, emptyRows)
	}
	return []formatTable{
		{Title: "Doelen", Columns: []string{"Doel", "Meetbaar resultaat", "Wanneer bereikt"}, Rows: blank(3, emptyRows)},
		{Title: "Indicatoren", Columns: []string{"Indicator", "Bron", "Nulmeting", "Streefwaarde"}, Rows: blank(4, emptyRows)},
		actions, partners, f.planning(),
		{Title: "Budget", Columns: []string{"Actie", "Bedrag", "Dekking", "Capaciteit (uren)"}, Rows: blank(4, emptyRows)},
	}
}

// planning is a table with a column per year, or with a start and an end
// when the plan is for the whole period.
func (f *planFormat) planning() formatTable {
	t := formatTable{Title: "Planning", Columns: []string{"Actie"}}
	if f.Tempo == "jaar" {
		for y := f.Start; y <= f.End; y++ {
			t.Columns = append(t.Columns, strconv.Itoa(y))
		}
	} else {
		t.Columns = append(t.Columns, "Start", "Gereed")
	}
	t.Rows = blank(len(t.Columns), emptyRows)
	return t
}

// blank is n empty rows of cols cells.
func blank(cols, n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = make([]string, cols)
	}
	return rows
}

// checklistName is the name of checklist element number.
func checklistName(number int) string {
	for _, e := range corpus.Checklist {
		if e.Number == number {
			return e.Name
		}
	}
	return ""
}

// processChapters are the chapters the checklist asks of every plan:
// roles (element 9), monitoring and evaluation (element 13), and how the
// uitvoeringsplan is adopted and updated (element 11).
func (f *planFormat) processChapters() []formatChapter {
	when := "per jaar"
	if f.Tempo == "periode" {
		when = "voor de hele periode " + f.years()
	}
	roles := formatTable{Title: "Rolverdeling", Columns: []string{"Partij", "Rol (regie, uitvoering, advies)", "Contactpersoon"}}
	roles.Rows = append(roles.Rows, []string{"Gemeente " + f.Gemeente.Naam, "Regie", ""})
	for _, p := range f.Partners {
		roles.Rows = append(roles.Rows, []string{p, "", ""})
	}
	return []formatChapter{
		{Title: "Regie en rolverdeling", Intro: "Checklist-element 9 (" + checklistName(9) + "): wie heeft de regie, en wat doet elke partner?",
			Tables: []formatTable{roles}, Examples: []toetsExample{}},
		{Title: "Monitoring", Intro: "Checklist-element 13 (" + checklistName(13) + "): hoe volgt u de voortgang van de acties en de indicatoren?",
			Tables:   []formatTable{{Title: "Monitoring", Columns: []string{"Wat", "Hoe gemeten", "Wie", "Wanneer"}, Rows: blank(4, emptyRows)}},
			Examples: []toetsExample{}},
		{Title: "Evaluatie en verantwoording", Intro: "Checklist-element 13: wanneer evalueert u, en hoe legt u verantwoording af aan de raad?",
			Tables:   []formatTable{{Title: "Evaluatiemomenten", Columns: []string{"Moment", "Vorm", "Aan wie"}, Rows: f.evaluationRows()}},
			Examples: []toetsExample{}},
		{Title: "Vaststelling en bijstelling", Intro: "Checklist-element 11 (" + checklistName(11) + "): dit uitvoeringsplan geldt " + when + ". Noem wie het vaststelt en wanneer het wordt bijgesteld.",
			Tables:   []formatTable{{Title: "Vaststelling", Columns: []string{"Stap", "Datum", "Door"}, Rows: blank(3, emptyRows)}},
			Examples: []toetsExample{}},
	}
}

// evaluationRows propose a yearly report and a final evaluation.
func (f *planFormat) evaluationRows() [][]string {
	var rows [][]string
	if f.Tempo == "jaar" {
		for y := f.Start; y < f.End; y++ {
			rows = append(rows, []string{"Voortgangsrapportage " + strconv.Itoa(y), "", "Gemeenteraad"})
		}
	} else if f.End > f.Start {
		rows = append(rows, []string{"Tussenevaluatie " + strconv.Itoa((f.Start+f.End)/2), "", "Gemeenteraad"})
	}
	return append(rows, []string{"Eindevaluatie " + strconv.Itoa(f.End), "", "Gemeenteraad"})
}
