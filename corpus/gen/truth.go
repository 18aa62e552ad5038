package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/ccv/ivp/corpus"
)

// TruthFile is the name of the ground-truth file Generate writes beside
// the PDFs.
const TruthFile = "truth.jsonl"

// TruthPlan is one line of truth.jsonl: what a generated PDF contains.
type TruthPlan struct {
	File         string         `json:"file"`         // PDF file name, relative to the output directory
	SHA256       string         `json:"sha256"`       // hex digest of the PDF
	Bytes        int64          `json:"bytes"`        // size of the PDF
	Title        string         `json:"title"`        // title as on the cover
	Type         corpus.DocType `json:"type"`         // ivp, uitvoeringsplan, evaluatie or veiligheidsanalyse
	Gemeenten    []string       `json:"gemeenten"`    // CBS codes, e.g. GM0363
	Namen        []string       `json:"namen"`        // gemeente names, in the order of Gemeenten
	Provincies   []string       `json:"provincies"`   // distinct provinces of the gemeenten
	PeriodStart  int            `json:"period_start"` // first year covered
	PeriodEnd    int            `json:"period_end"`   // last year covered; equal to PeriodStart for one year
	Vastgesteld  string         `json:"vastgesteld"`  // adoption date, YYYY-MM-DD
	Pages        int            `json:"pages"`        // page count, cover and contents included
	Prioriteiten []string       `json:"prioriteiten"` // subjects of the plan's priorities
	Passages     []TruthPassage `json:"passages"`     // body text in reading order
}

// TruthPassage is one paragraph or bullet list of a generated PDF.
type TruthPassage struct {
	Page     int      `json:"page"`     // page the text starts on, from 1
	PageEnd  int      `json:"page_end"` // page it ends on
	Headings []string `json:"headings"` // heading path as printed, outermost first
	Text     string   `json:"text"`     // exact text as written
	Veld     int      `json:"veld"`     // 0 for process text, else 1-5
	Themes   []string `json:"themes"`   // theme ids from the taxonomy
}

// truthPlan describes a rendered plan.
func truthPlan(m *docModel, pdf []byte, pages int, ps []passage) TruthPlan {
	s := m.spec
	sum := sha256.Sum256(pdf)
	t := TruthPlan{
		File: s.fileName(), SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(pdf)),
		Title: m.title, Type: s.typ, Namen: s.names(),
		PeriodStart: s.start, PeriodEnd: s.end,
		Vastgesteld: s.vastgesteld.Format("2006-01-02"), Pages: pages,
	}
	for _, g := range s.gemeenten {
		t.Gemeenten = append(t.Gemeenten, g.Code)
		if !contains(t.Provincies, g.Provincie) {
			t.Provincies = append(t.Provincies, g.Provincie)
		}
	}
	t.Prioriteiten = m.prios
	for _, p := range ps {
		t.Passages = append(t.Passages, TruthPassage{
			Page: p.page, PageEnd: p.pageEnd, Headings: p.headings,
			Text: p.text, Veld: p.veld, Themes: p.themes,
		})
	}
	return t
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// encodeTruth writes one JSON object per line, without HTML escaping so
// that the Dutch text stays readable.
func encodeTruth(plans []TruthPlan) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, p := range plans {
		if err := enc.Encode(p); err != nil {
			return nil, fmt.Errorf("encode truth %s: %w", p.File, err)
		}
	}
	return buf.Bytes(), nil
}
