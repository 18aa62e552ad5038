package pdftest

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

// Protected builds a small plan-like PDF encrypted with 40-bit RC4 (all
// fpdf offers) and the given user password; fpdf sets an owner password
// too.
func Protected(t testing.TB, userPass string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetProtection(fpdf.CnProtectPrint, userPass, "eigenaar")
	f.AddPage()
	f.SetFont("Helvetica", "B", 16)
	f.Text(20, 30, "Integraal Veiligheidsplan Gemeente Urk")
	f.SetFont("Helvetica", "", 11)
	f.Text(20, 45, "De gemeente Urk werkt aan een veilige haven en een veilig centrum voor iedereen.")
	return output(t, f)
}

// Drawings builds a PDF of n pages that hold only drawings: a scan as far
// as text goes.
func Drawings(t testing.TB, n int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	for range n {
		f.AddPage()
		f.SetFillColor(200, 200, 200)
		f.Rect(20, 20, 170, 250, "F")
	}
	return output(t, f)
}

func output(t testing.TB, f *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
