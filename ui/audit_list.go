package ui

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// auditPage is the view of the audit log.
type auditPage struct {
	Layout  layoutData
	Rows    []auditRow
	Actions []option
	Doc     string     // the document filter as typed
	Paging  pagingView // previous and next page
}

// auditRow is one audit entry: who, when, what, before and after.
type auditRow struct {
	Time, Who, Action, DocURL, Doc, Before, After string
}

// auditJSON is one audit entry in the API.
type auditJSON struct {
	Time         time.Time       `json:"time"`
	UserEmail    string          `json:"user_email"`
	Action       string          `json:"action"`
	DocumentID   int64           `json:"document_id"`
	SubmissionID int64           `json:"submission_id,omitempty"`
	Before       json.RawMessage `json:"before"`
	After        json.RawMessage `json:"after"`
}

// actionLabels are the Dutch names of audit actions.
var actionLabels = map[string]string{
	corpus.ActionSubmit: "ingediend", corpus.ActionReview: "in behandeling genomen",
	corpus.ActionApprove: "goedgekeurd", corpus.ActionReject: "afgewezen", corpus.ActionEdit: "gegevens bewerkt",
	corpus.ActionWithdraw: "ingetrokken", corpus.ActionReplaceFile: "bestand vervangen",
	corpus.ActionSubmitDuplicate: "opnieuw ingediend (bestand stond er al)",
	corpus.ActionRereadPage:      "pagina opnieuw gelezen (OCR)",
	corpus.ActionLink:            "samenhang met een ander plan vastgelegd",
}

// showAudit lists the audit log, for admins: GET /beheer/audit.
func (h *handler) showAudit(c *gin.Context) {
	f, es, err := h.auditEntries(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	p := auditPage{Layout: h.beheerLayout(c, "Auditlog", "audit"), Rows: auditRows(es),
		Actions: actionOptions(f.Action), Doc: c.Query("document"),
		Paging: listPaging("/beheer/audit", c.Request.URL.Query(), f.Offset, len(es))}
	h.html(c, http.StatusOK, "audit", p)
}

// apiAudit is the JSON twin: GET /api/v1/beheer/audit.
func (h *handler) apiAudit(c *gin.Context) {
	_, es, err := h.auditEntries(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := make([]auditJSON, 0, len(es))
	for _, e := range es {
		out = append(out, auditJSONOf(e))
	}
	c.JSON(http.StatusOK, out)
}

// auditEntries reads the filter and fetches the entries, for both twins.
func (h *handler) auditEntries(c *gin.Context) (corpus.AuditFilter, []corpus.AuditEntry, error) {
	f, err := auditFilter(c)
	if err != nil {
		return f, nil, err
	}
	es, err := h.curation.AuditLog(c.Request.Context(), h.user(c), f)
	return f, es, err
}

// auditFilter reads actie, document and pagina.
func auditFilter(c *gin.Context) (corpus.AuditFilter, error) {
	f := corpus.AuditFilter{Action: c.Query("actie"), Limit: queuePageSize}
	if _, ok := actionLabels[f.Action]; f.Action != "" && !ok {
		return f, badRequest("onbekende actie " + strconv.Quote(f.Action))
	}
	if d := c.Query("document"); d != "" {
		id, err := strconv.ParseInt(d, 10, 64)
		if err != nil || id < 1 {
			return f, badRequest("het documentnummer moet een getal zijn")
		}
		f.DocumentID = id
	}
	var err error
	f.Offset, err = pageOffset(c.Request.URL.Query())
	return f, err
}

func actionOptions(selected string) []option {
	out := []option{{Value: "", Label: "Alle acties", Selected: selected == ""}}
	for _, a := range []string{corpus.ActionSubmit, corpus.ActionReview, corpus.ActionApprove, corpus.ActionReject,
		corpus.ActionEdit, corpus.ActionWithdraw, corpus.ActionReplaceFile, corpus.ActionRereadPage, corpus.ActionLink} {
		out = append(out, option{Value: a, Label: capitalize(actionLabels[a]), Selected: a == selected})
	}
	return out
}

// auditRows lays audit entries out for a table; before and after are
// indented JSON, shown as text.
func auditRows(es []corpus.AuditEntry) []auditRow {
	out := make([]auditRow, 0, len(es))
	for _, e := range es {
		out = append(out, auditRow{Time: datumTijd(e.Time), Who: orDefault(e.UserEmail, "publiek (indiener)"),
			Action: orDefault(actionLabels[e.Action], e.Action), DocURL: reviewURL(e.DocumentID),
			Doc: "#" + strconv.FormatInt(e.DocumentID, 10), Before: indentJSON(e.Before), After: indentJSON(e.After)})
	}
	return out
}

func indentJSON(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return string(raw)
	}
	return buf.String()
}

func auditJSONOf(e corpus.AuditEntry) auditJSON {
	return auditJSON{Time: e.Time, UserEmail: e.UserEmail, Action: e.Action, DocumentID: e.DocumentID,
		SubmissionID: e.SubmissionID, Before: orNull(e.Before), After: orNull(e.After)}
}

func orNull(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 {
		return json.RawMessage("null")
	}
	return raw
}
