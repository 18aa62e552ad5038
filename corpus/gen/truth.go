package gen

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/ccv/ivp/corpus"
)

// TruthFile is the name of the ground-truth file Generate writes beside
// the plans.
const TruthFile = "truth.jsonl"

// TruthPlan is one line of truth.jsonl: what a generated PDF contains.
type TruthPlan struct {
	File         string         `json:"file"`                  // PDF file name (HTML when only HTML is written), relative to the output directory
	SHA256       string         `json:"sha256"`                // hex digest of File
	Bytes        int64          `json:"bytes"`                 // size of File
	HTMLFile     string         `json:"html_file,omitempty"`   // with --format both: the HTML page of the same plan
	HTMLSHA256   string         `json:"html_sha256,omitempty"` // hex digest of HTMLFile
	HTMLBytes    int64          `json:"html_bytes,omitempty"`  // size of HTMLFile
	Title        string         `json:"title"`                 // title as on the cover
	Type         corpus.DocType `json:"type"`                  // ivp, uitvoeringsplan, evaluatie or veiligheidsanalyse
	Gemeenten    []string       `json:"gemeenten"`             // CBS codes, e.g. GM0363
	Namen        []string       `json:"namen"`                 // gemeente names, in the order of Gemeenten
	Provincies   []string       `json:"provincies"`            // distinct provinces of the gemeenten
	PeriodStart  int            `json:"period_start"`          // first year covered
	PeriodEnd    int            `json:"period_end"`            // last year covered; equal to PeriodStart for one year
	Vastgesteld  string         `json:"vastgesteld"`           // adoption date, YYYY-MM-DD
	Pages        int            `json:"pages"`                 // page count, cover and contents included
	Prioriteiten []string       `json:"prioriteiten"`          // subjects of the plan's priorities
	// FollowsPlan is the number (1-based line of truth.jsonl) of the IVP
	// this plan follows up: an uitvoeringsplan for a year of it, or the
	// evaluatie of the four years before it; 0 for none.
	FollowsPlan int            `json:"follows_plan,omitempty"`
	Passages    []TruthPassage `json:"passages"` // body text in reading order
	// ChecklistPresent are the checklist elements (1-15) that at least one
	// passage serves, sorted.
	ChecklistPresent []int `json:"checklist_present"`
	// Layout says which hard cases of the PDF layout the plan has.
	Layout TruthLayout `json:"layout"`
}

// TruthLayout names the features of a plan's PDF that challenge an
// extractor.
type TruthLayout struct {
	ImageCover    bool `json:"image_cover"`    // the cover is a picture without text
	TwoColumns    bool `json:"two_columns"`    // chapters without tables or footnotes are in two columns
	Footnotes     bool `json:"footnotes"`      // footnotes at the foot of some pages
	Hyphenation   bool `json:"hyphenation"`    // words split at line ends
	NumberedLists bool `json:"numbered_lists"` // action lists numbered 1., 2., ...
	Justified     bool `json:"justified"`      // paragraphs justified
	// Ligatures: body text is set in the Go fonts (UTF-8, embedded) with
	// the ligatures ﬁ and ﬂ and typographic quotes and apostrophes; the
	// passage text has plain "fi" and "fl".
	Ligatures bool `json:"ligatures"`
}

// TruthPassage is one paragraph or bullet list of a generated PDF.
type TruthPassage struct {
	Page     int      `json:"page"`     // page the text starts on, from 1
	PageEnd  int      `json:"page_end"` // page it ends on
	Headings []string `json:"headings"` // heading path as printed, outermost first
	Text     string   `json:"text"`     // exact text as written
	Veld     int      `json:"veld"`     // 0 for process text, else 1-5
	Themes   []string `json:"themes"`   // theme ids from the taxonomy
	// Checklist are the checklist elements (1-15, see
	// ../shared/domain/checklist.md) the passage serves; may be empty.
	Checklist []int `json:"checklist"`
	// Secondary are the other velden of a passage that mixes velden, or
	// the velden a veld-0 overview spans; may be empty.
	Secondary []int `json:"secondary"`
}

// ReadTruth reads the plans of a truth.jsonl file, one per line.
func ReadTruth(path string) ([]TruthPlan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read truth %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []TruthPlan
	for sc.Scan() {
		var p TruthPlan
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("read truth %s: %w", path, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read truth %s: %w", path, err)
	}
	return out, nil
}

// truthPlan describes a rendered plan.
func truthPlan(m *docModel, pages int, ps []passage) TruthPlan {
	s := m.spec
	t := TruthPlan{
		Title: m.title, Type: s.typ, Namen: s.names(),
		PeriodStart: s.start, PeriodEnd: s.end,
		Vastgesteld: s.vastgesteld.Format("2006-01-02"), Pages: pages,
	}
	for _, g := range s.gemeenten {
		t.Gemeenten = append(t.Gemeenten, g.Code)
		if !slices.Contains(t.Provincies, g.Provincie) {
			t.Provincies = append(t.Provincies, g.Provincie)
		}
	}
	t.Prioriteiten = m.prios
	t.FollowsPlan = s.follows
	for _, p := range ps {
		t.Passages = append(t.Passages, TruthPassage{
			Page: p.page, PageEnd: p.pageEnd, Headings: p.headings,
			Text: p.text, Veld: p.veld, Themes: p.themes,
			Checklist: orEmpty(p.checklist), Secondary: orEmpty(p.secondary),
		})
	}
	t.ChecklistPresent = present(ps)
	st := m.style
	t.Layout = TruthLayout{ImageCover: st.imageCover, TwoColumns: st.twoColumns, Footnotes: st.footnotes,
		Hyphenation: st.hyphenate, NumberedLists: st.numbered, Justified: st.justify, Ligatures: st.ligatures}
	return t
}

// setPDF records the PDF of the plan.
func (t *TruthPlan) setPDF(name string, data []byte) {
	t.File, t.SHA256, t.Bytes = name, digest(data), int64(len(data))
}

// setHTML records the HTML page of the plan. When it is the only file,
// it is the plan's File and, as ingest reads a web page as one page, all
// passages are on page 1.
func (t *TruthPlan) setHTML(name string, data []byte, only bool) {
	if !only {
		t.HTMLFile, t.HTMLSHA256, t.HTMLBytes = name, digest(data), int64(len(data))
		return
	}
	t.File, t.SHA256, t.Bytes, t.Pages = name, digest(data), int64(len(data)), 1
	for i := range t.Passages {
		t.Passages[i].Page, t.Passages[i].PageEnd = 1, 1
	}
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// orEmpty returns xs, or an empty slice for nil, so that JSON shows [].
func orEmpty(xs []int) []int {
	if xs == nil {
		return []int{}
	}
	return xs
}
