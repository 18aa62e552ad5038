package ui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"
)

// exportTable is one table of an export: a sheet of the workbook.
type exportTable struct {
	Sheet  string
	Header []string
	Rows   [][]any
}

// exportFile is what an overview page exports: notes that say what the
// file holds (title, year, filters, sources), the tables of the workbook
// and the one table of the CSV file.
type exportFile struct {
	Name   string // file name without extension
	Notes  [][]string
	Tables []exportTable
	CSV    exportTable
}

// sendExport answers with the file as CSV or as an Excel workbook.
func (h *handler) sendExport(c *gin.Context, f exportFile, format string) {
	var (
		body []byte
		err  error
		mime string
	)
	switch format {
	case "csv":
		body, err = f.csv()
		mime = "text/csv; charset=utf-8"
	case "xlsx":
		body, err = f.xlsx()
		mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	default:
		err = badFilter("onbekend bestandsformaat ‘" + format + "’: kies csv of xlsx")
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+f.Name+"."+format+`"`)
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, mime, body)
}

// csv writes the notes, an empty line and the CSV table, separated by
// semicolons (what Excel in Dutch expects) after a UTF-8 byte order mark.
func (f exportFile) csv() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	for _, n := range f.Notes {
		w.Write(safeCells(n))
	}
	w.Write(nil)
	w.Write(safeCells(f.CSV.Header))
	for _, r := range f.CSV.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = fmt.Sprint(v)
		}
		w.Write(safeCells(cells))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("export %s.csv: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// safeCells keeps a spreadsheet from reading a text as a formula: a cell
// that starts with = + - @ gets a leading apostrophe. Numbers are
// written as numbers.
func safeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isNumber(c) {
			c = "'" + c
		}
		out[i] = c
	}
	return out
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// xlsx writes a workbook: a sheet "Toelichting" with the notes, then a
// sheet per table.
func (f exportFile) xlsx() ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", "Toelichting"); err != nil {
		return nil, fmt.Errorf("export %s.xlsx: %w", f.Name, err)
	}
	for i, n := range f.Notes {
		row := make([]any, len(n))
		for j, v := range n {
			row[j] = v
		}
		if err := setRow(x, "Toelichting", i+1, row); err != nil {
			return nil, fmt.Errorf("export %s.xlsx: %w", f.Name, err)
		}
	}
	for _, t := range f.Tables {
		if err := addSheet(x, t); err != nil {
			return nil, fmt.Errorf("export %s.xlsx: sheet %s: %w", f.Name, t.Sheet, err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("export %s.xlsx: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

func addSheet(x *excelize.File, t exportTable) error {
	if _, err := x.NewSheet(t.Sheet); err != nil {
		return err
	}
	head := make([]any, len(t.Header))
	for i, v := range t.Header {
		head[i] = v
	}
	if err := setRow(x, t.Sheet, 1, head); err != nil {
		return err
	}
	for i, r := range t.Rows {
		if err := setRow(x, t.Sheet, i+2, r); err != nil {
			return err
		}
	}
	return x.SetPanes(t.Sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func setRow(x *excelize.File, sheet string, row int, values []any) error {
	cell, err := excelize.CoordinatesToCellName(1, row)
	if err != nil {
		return err
	}
	return x.SetSheetRow(sheet, cell, &values)
}
