package ui

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// queuePage is the view of a curator list.
type queuePage struct {
	Layout    layoutData
	Heading   string
	Path      string
	Filter    queueFilterView
	Statuses  []option
	Types     []option
	Gemeenten []corpus.Gemeente
	Items     []queueRow
	Count     string     // all documents of the list, on every page
	Shown     string     // "51–61 van 61" when the list has more than one page
	First     string     // the list's first page, when this page lies past its end
	Paging    pagingView // previous and next page
}

// queueFilterView is the filter form as typed.
type queueFilterView struct {
	Gemeente, Text string
	Submitted      bool
	ShowSubmitted  bool // the documents list offers "only submitted"
	Harvested      bool // only harvested documents (both lists offer it)
}

// queueRow is one document in a curator list.
type queueRow struct {
	ID          int64
	URL         string
	Title       string
	TypeLabel   string
	Gemeenten   string
	Periode     string
	Status      string
	StatusLabel string
	Origin      string // "Ingediend door …", "Geoogst van …" or "Bulkimport"
	Reference   string
	Date        string
}

// newQueuePage builds the view of a curator list.
func (h *handler) newQueuePage(c *gin.Context, k listKind, l curatorList) queuePage {
	q, f := c.Request.URL.Query(), l.filter
	p := queuePage{Layout: h.beheerLayout(c, k.title, k.current), Heading: k.title, Path: k.path,
		Filter: queueFilterView{Gemeente: q.Get("gemeente"), Text: f.Text, Submitted: f.Submitted,
			ShowSubmitted: k.current == "documents", Harvested: f.Harvested},
		Statuses: statusOptions(f.Status), Types: typeOptions(string(f.Type)), Gemeenten: h.gemeenten.All(),
		Count: aantal(l.total, "document", "documenten"), Shown: shownRange(f.Offset, len(l.items), l.total),
		Paging: listPaging(k.path, q, f.Offset, len(l.items))}
	if f.Offset+len(l.items) >= l.total {
		p.Paging.Next = ""
	}
	if len(l.items) == 0 && l.total > 0 {
		p.First = listPageURL(k.path, q, 1)
	}
	for _, it := range l.items {
		p.Items = append(p.Items, queueRowOf(it))
	}
	return p
}

// shownRange says which documents of a longer list a page shows
// ("51–61 van 61"), or "" when the page shows the whole list.
func shownRange(offset, n, total int) string {
	if n == 0 || (offset == 0 && n == total) {
		return ""
	}
	return getal(offset+1) + "–" + getal(offset+n) + " van " + getal(total)
}

// statusOptions are the status filter's choices.
func statusOptions(selected corpus.Status) []option {
	out := []option{{Value: "alle", Label: "Alle statussen", Selected: selected == corpus.AllStatuses}}
	for _, s := range []corpus.Status{corpus.StatusPending, corpus.StatusPublished, corpus.StatusRejected, corpus.StatusWithdrawn} {
		out = append(out, option{Value: string(s), Label: capitalize(statusLabel(s)), Selected: s == selected})
	}
	return out
}

func queueRowOf(it corpus.QueueItem) queueRow {
	d := it.Document
	r := queueRow{ID: d.ID, URL: reviewURL(d.ID), Title: orDefault(d.Title, "(zonder titel)"),
		TypeLabel: d.Type.Label(), Gemeenten: joinNames(d.GemeenteNames(), 3, "gemeenten"),
		Periode: periode(d.Periode()), Status: string(d.Status), StatusLabel: statusLabel(d.Status),
		Origin: "Bulkimport", Date: datum(d.Created)}
	if s := it.Submission; s != nil {
		r.Origin, r.Reference, r.Date = "Ingediend door "+s.ContactName, s.Reference(), datum(s.Created)
	}
	if hv := it.Harvest; hv != nil {
		r.Origin, r.Reference = "Geoogst van "+hostOf(hv.URL), ""
		if hv.PreviousID != 0 {
			r.Reference = "nieuwe versie van #" + strconv.FormatInt(hv.PreviousID, 10)
		}
	}
	return r
}

// reviewURL is the curator's page of a document.
func reviewURL(id int64) string { return "/beheer/documenten/" + strconv.FormatInt(id, 10) }

// queueJSON is the JSON twin of a curator list.
type queueJSON struct {
	Items  []queueItemJSON `json:"items"`
	Total  int             `json:"total"` // documents of the list on all pages
	Offset int             `json:"offset"`
	Limit  int             `json:"limit"`
}

// queueItemJSON is one document of a curator list.
type queueItemJSON struct {
	ID         int64             `json:"id"`
	Title      string            `json:"title"`
	Type       corpus.DocType    `json:"type"`
	Status     corpus.Status     `json:"status"`
	Gemeenten  []corpus.Gemeente `json:"gemeenten"`
	Periode    string            `json:"periode"`
	Source     string            `json:"source"`
	Created    time.Time         `json:"created"`
	URL        string            `json:"url"`
	Submission *submissionJSON   `json:"submission"`
	Harvest    *corpus.Harvest   `json:"harvest,omitempty"` // set for a harvested (geoogst) document
}

// submissionJSON is a submission as curators see it.
type submissionJSON struct {
	Reference    string                  `json:"reference"`
	Status       corpus.SubmissionStatus `json:"status"`
	Reason       string                  `json:"reason,omitempty"`
	ContactName  string                  `json:"contact_name"`
	ContactEmail string                  `json:"contact_email"`
	Note         string                  `json:"note"`
	Source       string                  `json:"source"`
	Submitted    corpus.Metadata         `json:"submitted"`
	Detected     corpus.Metadata         `json:"detected"`
	Created      time.Time               `json:"created"`
}

func queueItemJSONOf(it corpus.QueueItem) queueItemJSON {
	d := it.Document
	return queueItemJSON{ID: d.ID, Title: d.Title, Type: d.Type, Status: d.Status,
		Gemeenten: orEmpty(d.Gemeenten), Periode: d.Periode(), Source: d.Source, Created: d.Created,
		URL: reviewURL(d.ID), Submission: submissionJSONOf(it.Submission), Harvest: it.Harvest}
}

func submissionJSONOf(s *corpus.Submission) *submissionJSON {
	if s == nil {
		return nil
	}
	return &submissionJSON{Reference: s.Reference(), Status: s.Status, Reason: s.Reason,
		ContactName: s.ContactName, ContactEmail: s.ContactEmail, Note: s.Note, Source: s.Source,
		Submitted: s.Submitted, Detected: s.Detected, Created: s.Created}
}
