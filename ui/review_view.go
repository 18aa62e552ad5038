package ui

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// reviewPage is the view of the curator's page of one document.
type reviewPage struct {
	Layout      layoutData
	ID          int64
	Title       string
	TypeLabel   string
	Type        string
	Gemeenten   string
	Periode     string
	Status      string
	StatusLabel string
	Notice      string // what the last action did
	FileURL     string
	FileSize    string
	FileKind    string
	PublicURL   string // the public page, when published
	Can         reviewActions
	Compare     []compareRow
	Submission  *submissionView
	Harvest     *harvestView // where a harvested document came from
	Passages    []documentPassage
	PassageInfo string
	Checklist   checklistView
	OCR         ocrView // pages read by OCR, with their confidence
	Edit        metadataValues
	Types       []option
	Gemeentenl  []corpus.Gemeente // datalist
	Errors      actionErrors
	Versions    []versionView
	Audit       []auditRow // admins only
	MaxSize     string
	Links       []linkRow // links to other plans, with confirm and remove
}

// reviewActions says which actions fit the document's status.
type reviewActions struct {
	Approve, Reject, Withdraw bool
}

// compareRow is one metadata field: as submitted, as detected and as stored.
type compareRow struct {
	Label                        string
	Submitted, Detected, Current string
	Differs                      bool // submitted and detected disagree
}

// submissionView is what the municipality sent along.
type submissionView struct {
	Reference, StatusLabel, ContactName, ContactEmail, Note, Source, Date, Reason string
}

// versionView is an earlier file of the document.
type versionView struct {
	Source, Size, Replaced string
}

// newReviewPage builds the review page of r; f holds a returned form's errors.
func (h *handler) newReviewPage(c *gin.Context, r corpus.Review, f *actionErrors) reviewPage {
	d := r.Document
	p := reviewPage{Layout: h.beheerLayout(c, "Beoordelen: "+d.Title, ""), ID: d.ID,
		Title: orDefault(d.Title, "(zonder titel)"), TypeLabel: d.Type.Label(), Type: string(d.Type),
		Gemeenten: strings.Join(d.GemeenteNames(), ", "), Periode: periode(d.Periode()),
		Status: string(d.Status), StatusLabel: statusLabel(d.Status), Notice: notices[c.Query("gedaan")],
		FileURL: beheerFileURL(d.ID), FileSize: grootte(d.Size),
		FileKind: fileKind(d.MediaType), Can: actionsFor(d.Status),
		Compare: compareRows(r), Submission: submissionViewOf(r.Submission), Harvest: harvestViewOf(r.Harvest),
		PassageInfo: aantal(len(r.Passages), "passage", "passages"),
		Checklist:   checklistViewOf(d.ID, r.Checklist), Edit: metadataValuesOf(d.Metadata()),
		Types: typeOptions(string(d.Type)), Gemeentenl: h.gemeenten.All(), MaxSize: sizeLimit(h.opts.MaxUploadBytes)}
	if d.Status == corpus.StatusPublished {
		p.PublicURL = documentURL(d.ID)
	}
	if f != nil {
		p.Errors = *f
		if f.Form == "edit" {
			p.Edit = f.Edit
		}
	}
	p.Passages = h.reviewPassages(d.ID, r.Passages)
	p.OCR = ocrViewOf(d, func(n int) string { return beheerFileURL(d.ID) + "#page=" + strconv.Itoa(n) })
	for _, v := range r.Versions {
		p.Versions = append(p.Versions, versionView{Source: baseName(v.Source), Size: grootte(v.Size), Replaced: datumTijd(v.Replaced)})
	}
	if h.user(c).IsAdmin() {
		p.Audit = auditRows(r.Audit)
	}
	return p
}

// notices are what the review page says after an action.
var notices = map[string]string{
	"goedgekeurd": "Het plan is goedgekeurd en gepubliceerd; het is nu te vinden in de zoeker.",
	"afgewezen":   "Het plan is afgewezen. De gemeente ziet de reden op haar statuspagina.",
	"ingetrokken": "Het plan is ingetrokken en niet meer te vinden in de zoeker.",
	"bewerkt":     "De gegevens zijn opgeslagen.",
	"vervangen":   "Het bestand is vervangen; de vorige versie is bewaard.",
	"herlezen":    "De pagina is opnieuw gelezen met OCR; de tekst is bijgewerkt.",
	"gekoppeld":   "De samenhang met het andere plan is opgeslagen.",
}

func actionsFor(s corpus.Status) reviewActions {
	return reviewActions{Approve: s != corpus.StatusPublished, Reject: s == corpus.StatusPending,
		Withdraw: s == corpus.StatusPublished}
}

// reviewPassages lays the passages out with their tags; page links open
// the curator's copy of the file, which works before publication too.
func (h *handler) reviewPassages(id int64, ps []corpus.Passage) []documentPassage {
	out, _ := documentPassages(id, ps)
	for i, p := range ps {
		out[i].Tags = h.passageTags(p)
		out[i].PageURL = beheerFileURL(id) + "#page=" + strconv.Itoa(max(p.PageFrom, 1))
	}
	return out
}

// compareRows sets the submitted metadata beside the detected and stored.
func compareRows(r corpus.Review) []compareRow {
	cur := r.Document.Metadata()
	var sub *corpus.Metadata
	if r.Submission != nil {
		sub = &r.Submission.Submitted
	}
	fields := []struct {
		label string
		get   func(m corpus.Metadata) string
	}{
		{"Titel", func(m corpus.Metadata) string { return m.Title }},
		{"Soort", func(m corpus.Metadata) string { return typeLabel(m.Type) }},
		{"Gemeenten", func(m corpus.Metadata) string { return strings.Join(m.GemeenteNames(), ", ") }},
		{"Periode", func(m corpus.Metadata) string { return periode(m.Periode()) }},
		{"Vastgesteld", func(m corpus.Metadata) string { return isoDatum(m.Vastgesteld) }},
	}
	out := make([]compareRow, 0, len(fields))
	for _, f := range fields {
		row := compareRow{Label: f.label, Detected: f.get(r.Detected), Current: f.get(cur), Submitted: "—"}
		if sub != nil {
			row.Submitted = f.get(*sub)
			row.Differs = row.Submitted != row.Detected
		}
		out = append(out, row)
	}
	return out
}

func typeLabel(t corpus.DocType) string {
	if t == "" {
		return ""
	}
	return t.Label()
}

func submissionViewOf(s *corpus.Submission) *submissionView {
	if s == nil {
		return nil
	}
	return &submissionView{Reference: s.Reference(), StatusLabel: s.Status.Label(), ContactName: s.ContactName,
		ContactEmail: s.ContactEmail, Note: s.Note, Source: sourceLabel(s.Source), Date: datumTijd(s.Created),
		Reason: s.Reason}
}

// formField is one field of an action form on the review page.
type formField struct {
	ID, Name, Label, Value, Error string
}

// Field returns field name of action form form, with its value and error.
func (p reviewPage) Field(form, name, label string) formField {
	f := formField{ID: form + "-" + name, Name: name, Label: label, Error: p.ErrorFor(form, name)}
	switch {
	case form == "edit" && name == corpus.FieldTitle:
		f.Value = p.Edit.Title
	case form == "edit" && name == corpus.FieldPeriod:
		f.Value = p.Edit.Period
	case form == "edit" && name == corpus.FieldVastgesteld:
		f.Value = p.Edit.Vastgesteld
	case p.Errors.Form == form && name == corpus.FieldReason:
		f.Value = p.Errors.Reason
	}
	return f
}

// ErrorFor is the error of field name in action form form, if that form
// came back.
func (p reviewPage) ErrorFor(form, name string) string {
	if p.Errors.Form != form {
		return ""
	}
	return p.Errors.Fields[name]
}
