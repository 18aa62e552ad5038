package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// queuePageSize is how many documents one page of a curator list shows.
const queuePageSize = 50

// listKind says which curator list a request is for.
type listKind struct {
	current string        // queue or documents: the tab in the curator bar
	title   string        // page title
	path    string        // the page's path
	status  corpus.Status // the status filter when none is chosen
}

var (
	queueList     = listKind{"queue", "Te beoordelen", "/beheer", corpus.StatusPending}
	documentsList = listKind{"documents", "Alle documenten", "/beheer/documenten", corpus.AllStatuses}
)

// showQueue is the review queue: GET /beheer.
func (h *handler) showQueue(c *gin.Context) { h.showList(c, queueList) }

// showDocuments lists every document, bulk ingested ones too:
// GET /beheer/documenten.
func (h *handler) showDocuments(c *gin.Context) { h.showList(c, documentsList) }

// apiQueue is the JSON twin of the queue: GET /api/v1/beheer/queue.
func (h *handler) apiQueue(c *gin.Context) { h.apiList(c, queueList) }

// apiDocuments is the JSON twin of the documents list:
// GET /api/v1/beheer/documents.
func (h *handler) apiDocuments(c *gin.Context) { h.apiList(c, documentsList) }

func (h *handler) showList(c *gin.Context, k listKind) {
	l, err := h.listItems(c, k)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.html(c, http.StatusOK, "queue", h.newQueuePage(c, k, l))
}

func (h *handler) apiList(c *gin.Context, k listKind) {
	l, err := h.listItems(c, k)
	if err != nil {
		h.fail(c, err)
		return
	}
	out := make([]queueItemJSON, 0, len(l.items))
	for _, it := range l.items {
		out = append(out, queueItemJSONOf(it))
	}
	c.JSON(http.StatusOK, queueJSON{Items: out, Total: l.total, Offset: l.filter.Offset, Limit: l.filter.Limit})
}

// curatorList is one page of a curator list and how many documents the
// list holds on all its pages.
type curatorList struct {
	filter corpus.QueueFilter
	items  []corpus.QueueItem
	total  int
}

// listItems reads the list's filters and fetches its items and their
// total, for both twins.
func (h *handler) listItems(c *gin.Context, k listKind) (curatorList, error) {
	f, err := h.queueFilter(c.Request.URL.Query(), k)
	l := curatorList{filter: f}
	if err != nil {
		return l, err
	}
	ctx := c.Request.Context()
	if l.items, err = h.curation.Queue(ctx, f); err != nil {
		return l, err
	}
	l.total, err = h.curation.QueueCount(ctx, f)
	return l, err
}

// queueFilter reads the filters of a curator list: status, gemeente (name
// or CBS code), type, q (text), ingediend=1, geoogst=1 and pagina.
func (h *handler) queueFilter(q url.Values, k listKind) (corpus.QueueFilter, error) {
	f := corpus.QueueFilter{Status: k.status, Text: strings.TrimSpace(q.Get("q")),
		Submitted: q.Get("ingediend") == "1", Harvested: q.Get("geoogst") == "1", Limit: queuePageSize}
	if s := q.Get("status"); s != "" {
		if s == "alle" {
			s = string(corpus.AllStatuses)
		}
		if _, ok := statusLabels[corpus.Status(s)]; !ok && corpus.Status(s) != corpus.AllStatuses {
			return f, badRequest("onbekende status " + strconv.Quote(s))
		}
		f.Status = corpus.Status(s)
	}
	if g := strings.TrimSpace(q.Get("gemeente")); g != "" {
		gm, ok := h.gemeenten.Lookup(g)
		if !ok {
			return f, badRequest("onbekende gemeente " + strconv.Quote(g))
		}
		f.Gemeente = gm.Code
	}
	if t := q.Get("type"); t != "" {
		dt, err := corpus.ParseDocType(t)
		if err != nil {
			return f, badRequest(err.Error())
		}
		f.Type = dt
	}
	var err error
	f.Offset, err = pageOffset(q)
	return f, err
}

// statusLabels are the Dutch words for document statuses.
var statusLabels = map[corpus.Status]string{
	corpus.StatusPending:   "te beoordelen",
	corpus.StatusPublished: "gepubliceerd",
	corpus.StatusRejected:  "afgewezen",
	corpus.StatusWithdrawn: "ingetrokken",
}

// statusLabel is the Dutch word for s.
func statusLabel(s corpus.Status) string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}
