package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// sourcesPage is the view of /beheer/bronnen: the sources with what their
// last run found, and the form to add or change one.
type sourcesPage struct {
	Layout  layoutData
	Rows    []sourceRow
	Form    sourceForm
	Saved   bool
	Deleted bool
	// CanHarvest: the server starts harvests, so the page has the button.
	CanHarvest bool
}

// sourceRow is one source in the list.
type sourceRow struct {
	corpus.HarvestSource
	LastRunText string
}

// sourceForm is the add or change form with what was typed and the
// problems per field.
type sourceForm struct {
	ID       int64
	Name     string
	URL      string
	Selector string
	Depth    string
	Enabled  bool
	Errors   map[string]string
}

// showSources lists the sources: GET /beheer/bronnen; ?bewerk=ID fills
// the form with that source.
func (h *handler) showSources(c *gin.Context) {
	form := sourceForm{Depth: "1", Enabled: true}
	if id, err := strconv.ParseInt(c.Query("bewerk"), 10, 64); err == nil {
		src, err := h.opts.Sources.Source(c.Request.Context(), id)
		if err != nil {
			h.fail(c, err)
			return
		}
		form = sourceForm{ID: src.ID, Name: src.Name, URL: src.URL, Selector: src.Selector,
			Depth: strconv.Itoa(src.Depth), Enabled: src.Enabled}
	}
	h.renderSources(c, http.StatusOK, form, c.Query("opgeslagen") != "", c.Query("verwijderd") != "")
}

func (h *handler) renderSources(c *gin.Context, status int, form sourceForm, saved, deleted bool) {
	srcs, err := h.opts.Sources.List(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	p := sourcesPage{Layout: h.beheerLayout(c, "Bronnen", "sources"), Form: form, Saved: saved, Deleted: deleted,
		CanHarvest: h.opts.Jobs != nil}
	for _, s := range srcs {
		r := sourceRow{HarvestSource: s, LastRunText: "nog niet geoogst"}
		if !s.LastRun.IsZero() {
			r.LastRunText = datumTijd(s.LastRun)
		}
		p.Rows = append(p.Rows, r)
	}
	h.html(c, status, "sources", p)
}

// saveSource adds or changes a source: POST /beheer/bronnen and
// /api/v1/beheer/sources. Problems show the form again (422).
func (h *handler) saveSource(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	form, src := sourceFormOf(in)
	saved, err := h.opts.Sources.Save(c.Request.Context(), src)
	if fes := corpus.FieldErrorsOf(err); len(fes) > 0 {
		form.Errors = map[string]string{}
		for _, fe := range fes {
			form.Errors[fe.Field] = fe.Msg
		}
		if isAPI(c) {
			c.JSON(http.StatusUnprocessableEntity, apiFieldErrors{Error: fieldMessages(err), Fields: form.Errors})
			return
		}
		h.renderSources(c, http.StatusUnprocessableEntity, form, false, false)
		return
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	h.log.Info("harvest source saved", "source", saved.ID, "url", saved.URL, "user", h.user(c).Email)
	if isAPI(c) {
		c.JSON(http.StatusOK, saved)
		return
	}
	c.Redirect(http.StatusSeeOther, "/beheer/bronnen?opgeslagen=1")
}

// sourceFormOf reads the form: naam, adres, selector, diepte, actief and
// id (0 or absent for a new source).
func sourceFormOf(in url.Values) (sourceForm, corpus.HarvestSource) {
	f := sourceForm{Name: strings.TrimSpace(in.Get("naam")), URL: strings.TrimSpace(in.Get("adres")),
		Selector: strings.TrimSpace(in.Get("selector")), Depth: strings.TrimSpace(in.Get("diepte")),
		Enabled: in.Get("actief") != ""}
	f.ID, _ = strconv.ParseInt(in.Get("id"), 10, 64)
	depth, err := strconv.Atoi(f.Depth)
	if err != nil {
		depth = 0 // refused by Save with its message
	}
	return f, corpus.HarvestSource{ID: f.ID, Name: f.Name, URL: f.URL, Selector: f.Selector, Depth: depth,
		Enabled: f.Enabled}
}

// deleteSource removes a source: POST /beheer/bronnen/:id/verwijderen.
func (h *handler) deleteSource(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err == nil {
		err = h.opts.Sources.Delete(c.Request.Context(), id)
	}
	if err != nil {
		if errors.Is(err, corpus.ErrNotFound) || id == 0 {
			err = &httpError{status: http.StatusNotFound, title: "Bron niet gevonden", msg: "Er is geen bron met dit nummer.", err: err}
		}
		h.fail(c, err)
		return
	}
	h.log.Info("harvest source deleted", "source", id, "user", h.user(c).Email)
	c.Redirect(http.StatusSeeOther, "/beheer/bronnen?verwijderd=1")
}

// apiSources lists the sources: GET /api/v1/beheer/sources.
func (h *handler) apiSources(c *gin.Context) {
	srcs, err := h.opts.Sources.List(c.Request.Context())
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"sources": orEmpty(srcs)})
}

// needSources answers 404 when the server keeps no harvest sources.
func (h *handler) needSources(c *gin.Context) {
	if h.opts.Sources == nil {
		h.notFound(c)
		c.Abort()
	}
}
