package ui

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showGemeente renders one gemeente: GET /gemeenten/:code. A former
// gemeente gets a page of its own that points to the gemeenten of today;
// a name instead of a code redirects to the code.
func (h *handler) showGemeente(c *gin.Context) {
	gm, b, err := h.gemeenteFor(c, "/gemeenten/")
	switch {
	case err != nil:
		h.fail(c, err)
	case b == nil: // redirected
	case gm.Former():
		h.overviewHTML(c, "gemeente_voormalig", h.newVoormaligPage(b, gm))
	default:
		p, err := h.newGemeentePage(c.Request.Context(), b, b.byCode[gm.Code])
		if err != nil {
			h.fail(c, err)
			return
		}
		h.overviewHTML(c, "gemeente", p)
	}
}

// apiGemeente is the JSON twin: GET /api/v1/gemeenten/:code.
func (h *handler) apiGemeente(c *gin.Context) {
	gm, b, err := h.gemeenteFor(c, "/api/v1/gemeenten/")
	switch {
	case err != nil:
		h.fail(c, err)
	case b == nil: // redirected
	case gm.Former():
		c.JSON(http.StatusOK, h.newVoormaligPage(b, gm))
	default:
		p, err := h.newGemeentePage(c.Request.Context(), b, b.byCode[gm.Code])
		if err != nil {
			h.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, gemeenteJSONOf(p))
	}
}

// gemeenteFor finds the gemeente of the :code parameter, of 2025 or
// former, and the current beeld. A name that stands for one gemeente
// ("winsum", "Den Bosch") redirects to prefix + its code, and then the
// beeld is nil.
func (h *handler) gemeenteFor(c *gin.Context, prefix string) (corpus.Gemeente, *beeld, error) {
	code := strings.TrimSpace(c.Param("code"))
	gm, ok := h.gemeenten.ByCode(code)
	if !ok {
		if codes, ok := h.resolvers.Gemeente(code); ok && len(codes) == 1 {
			c.Redirect(http.StatusMovedPermanently, prefix+url.PathEscape(codes[0]))
			return corpus.Gemeente{}, nil, nil
		}
		return gm, nil, gemeenteNotFound(code)
	}
	b, err := h.currentBeeld(c.Request.Context())
	if err != nil {
		return gm, nil, err
	}
	if _, ok := b.byCode[gm.Code]; !ok && !gm.Former() {
		return gm, nil, gemeenteNotFound(code)
	}
	return gm, b, nil
}

func gemeenteNotFound(code string) *httpError {
	return &httpError{status: http.StatusNotFound, title: "Gemeente niet gevonden",
		msg: "Er is geen gemeente met de code ‘" + code + "’. Gebruik de CBS-code, bijvoorbeeld GM0363 voor Amsterdam, of de naam van een gemeente van nu of van een voormalige gemeente (zoals Winsum), of kies een gemeente op het landelijk beeld."}
}

// toetsPlan is the plan whose kwaliteitstoets the gemeente page shows: its
// plan in force that started last, else its latest IVP; nil when it has
// no IVP.
func toetsPlan(gf *gemeenteFacts) *planFacts {
	if n := len(gf.inForce); n > 0 {
		return gf.inForce[n-1]
	}
	var last *planFacts
	for _, p := range gf.plans {
		if p.doc.Type == corpus.TypeIVP {
			last = p
		}
	}
	return last
}

// toetsOf reads the kwaliteitstoets of p: from the beeld for a plan in
// force, else from the summary cache.
func (h *handler) toetsOf(ctx context.Context, p *planFacts) ([]corpus.CheckResult, error) {
	if p.sum != nil {
		return p.sum.checks, nil
	}
	sum, err := h.overview.summaries.get(ctx, h.docs, h.taxonomy, p.doc)
	return sum.checks, err
}
