package corpus

import (
	"fmt"
	"strings"
	"time"
)

// DocType is the kind of policy document a plan is.
type DocType string

// The document types users filter on.
const (
	TypeIVP                DocType = "ivp"
	TypeUitvoeringsplan    DocType = "uitvoeringsplan"
	TypeEvaluatie          DocType = "evaluatie"
	TypeVeiligheidsanalyse DocType = "veiligheidsanalyse"
	TypeAnders             DocType = "anders"
)

// DocTypes lists every DocType in display order.
var DocTypes = []DocType{TypeIVP, TypeUitvoeringsplan, TypeEvaluatie, TypeVeiligheidsanalyse, TypeAnders}

// Label returns the Dutch label shown to users.
func (t DocType) Label() string {
	switch t {
	case TypeIVP:
		return "Integraal veiligheidsplan"
	case TypeUitvoeringsplan:
		return "Uitvoeringsplan / jaarplan"
	case TypeEvaluatie:
		return "Evaluatie"
	case TypeVeiligheidsanalyse:
		return "Veiligheidsanalyse"
	default:
		return "Anders"
	}
}

// ParseDocType maps a stored or user-given value to a DocType.
func ParseDocType(s string) (DocType, error) {
	for _, t := range DocTypes {
		if strings.EqualFold(s, string(t)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("onbekend documenttype %q", s)
}

// Status is where a document stands in its life cycle.
type Status string

// Document statuses. Only published documents are searchable.
const (
	StatusPublished Status = "published"
	StatusPending   Status = "pending"
	StatusRejected  Status = "rejected"
	StatusWithdrawn Status = "withdrawn" // was published, taken out of search by a curator
)

// Document is one stored plan: its metadata and where its original file is.
type Document struct {
	ID               int64
	Title            string
	Type             DocType
	PeriodStart      int    // first year the plan covers; 0 when unknown
	PeriodEnd        int    // last year the plan covers; 0 when unknown
	Vastgesteld      string // date the council adopted it, YYYY-MM-DD; "" when unknown
	Source           string // original file name or URL
	MediaType        string // application/pdf or text/html
	SHA256           string // hex digest of the original file
	Size             int64  // bytes of the original file
	Pages            int
	Status           Status
	ExtractorVersion string
	Gemeenten        []Gemeente
	OCR              []OCRPage // pages read by OCR, by page; read with one document only
	Created          time.Time
	Updated          time.Time
}

// Periode renders the period as users write it ("2023-2026").
func (d Document) Periode() string {
	switch {
	case d.PeriodStart == 0 && d.PeriodEnd == 0:
		return ""
	case d.PeriodEnd == 0 || d.PeriodEnd == d.PeriodStart:
		return fmt.Sprint(d.PeriodStart)
	case d.PeriodStart == 0:
		return fmt.Sprint(d.PeriodEnd)
	}
	return fmt.Sprintf("%d-%d", d.PeriodStart, d.PeriodEnd)
}

// Year is the year a plan is filed under: the start of its period, else
// the year it was adopted; 0 when neither is known.
func (d Document) Year() int {
	if d.PeriodStart > 0 {
		return d.PeriodStart
	}
	if len(d.Vastgesteld) >= 4 {
		var y int
		if _, err := fmt.Sscanf(d.Vastgesteld[:4], "%d", &y); err == nil {
			return y
		}
	}
	return 0
}

// GemeenteNames returns the names of the document's gemeenten.
func (d Document) GemeenteNames() []string {
	out := make([]string, len(d.Gemeenten))
	for i, g := range d.Gemeenten {
		out[i] = g.Naam
	}
	return out
}

// GemeenteCodes returns the CBS codes of the document's gemeenten, in
// their order.
func (d Document) GemeenteCodes() []string {
	out := make([]string, len(d.Gemeenten))
	for i, g := range d.Gemeenten {
		out[i] = g.Code
	}
	return out
}

// Provincies returns the distinct provinces of the document's gemeenten.
func (d Document) Provincies() []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range d.Gemeenten {
		if !seen[g.Provincie] {
			seen[g.Provincie] = true
			out = append(out, g.Provincie)
		}
	}
	return out
}

// Passage is a stretch of a document's text, the unit that search finds.
type Passage struct {
	DocumentID int64
	Ordinal    int      // position in reading order, from 0
	PageFrom   int      // first page, from 1
	PageTo     int      // last page
	Headings   []string // heading path, outermost first
	Text       string
	Tags       Tags
	OCR        bool // the text is (partly) from pages read by OCR
}

// Tags are what the tagger says a passage is about.
type Tags struct {
	Veld       int      `json:"veld"`                // 0 for process text, else 1-5
	Secondary  []int    `json:"secondary,omitempty"` // other velden it touches
	Themes     []string `json:"themes,omitempty"`    // theme ids from the taxonomy
	Confidence float64  `json:"confidence,omitempty"`
	Version    string   `json:"version,omitempty"` // tagger version
}
