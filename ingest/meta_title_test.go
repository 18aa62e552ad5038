package ingest

import (
	"bytes"
	"context"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestCoverlessTitle extracts plans whose cover is a picture without text
// and checks the title comes from the Info dictionary when that is
// plausible, else from the running header, else as before.
func TestCoverlessTitle(t *testing.T) {
	tests := []struct {
		name, info, header, want string
	}{
		{"info title", "Integraal Veiligheidsplan 2023-2026", "Veiligheidsplan Oss 2023-2026", "Integraal Veiligheidsplan 2023-2026"},
		{"file name", "ivp_oss_def_v3.docx", "Veiligheidsplan Oss 2023-2026", "Veiligheidsplan Oss 2023-2026"},
		{"word document", "Microsoft Word - IVP Oss def.docx", "Veiligheidsplan Oss 2023-2026", "Veiligheidsplan Oss 2023-2026"},
		{"template", "Sjabloon rapportage", "Veiligheidsplan Oss 2023-2026", "Veiligheidsplan Oss 2023-2026"},
		{"info not in the text", "Jaarverslag Stichting Noord", "Veiligheidsplan Oss 2023-2026", "Veiligheidsplan Oss 2023-2026"},
		{"no info", "", "Veiligheidsplan Oss 2023-2026", "Veiligheidsplan Oss 2023-2026"},
		{"header no title", "", "Gemeente Oss", "1 Inleiding"},
	}
	x := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), "plan.pdf", coverlessPDF(t, tt.info, tt.header))
			if err != nil {
				t.Fatal(err)
			}
			if got := ex.Document.Title; got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

// coverlessWords and coverlessVerbs make lines that differ from page to
// page, so that none is taken for a running header.
var (
	coverlessWords = []string{"De gemeente", "Het wijkteam", "De boa", "De wijkagent", "Het jongerenwerk", "De burgemeester"}
	coverlessVerbs = []string{"werkt", "overlegt", "bouwt"}
)

// coverlessPDF builds a plan with a picture for a cover, the given Info
// title and running header, and three pages of text.
func coverlessPDF(t *testing.T, info, header string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	if info != "" {
		f.SetTitle(info, true)
	}
	f.AddPage()
	f.SetFillColor(30, 90, 160)
	f.Rect(0, 0, 210, 297, "F")
	for p := 2; p <= 4; p++ {
		f.AddPage()
		f.SetFont("Helvetica", "", 8)
		f.Text(20, 12, header)
		y := 30.0
		if p == 2 {
			f.SetFont("Helvetica", "B", 16)
			f.Text(20, y, "1 Inleiding")
			y += 12
		}
		f.SetFont("Helvetica", "", 11)
		for i := range 6 {
			f.Text(20, y, coverlessWords[i]+" "+coverlessVerbs[p-2]+" met politie en partners aan een integraal beleid.")
			y += 5.5
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}
