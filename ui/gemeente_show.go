package ui

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// showGemeente renders one gemeente: GET /gemeenten/:code.
func (h *handler) showGemeente(c *gin.Context) {
	p, err := h.gemeentePageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.overviewHTML(c, "gemeente", p)
}

// apiGemeente is the JSON twin: GET /api/v1/gemeenten/:code.
func (h *handler) apiGemeente(c *gin.Context) {
	p, err := h.gemeentePageFor(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gemeenteJSONOf(p))
}

func (h *handler) gemeentePageFor(c *gin.Context) (gemeentePage, error) {
	code := strings.TrimSpace(c.Param("code"))
	gm, ok := h.gemeenten.ByCode(code)
	if !ok {
		return gemeentePage{}, gemeenteNotFound(code)
	}
	b, err := h.currentBeeld(c.Request.Context())
	if err != nil {
		return gemeentePage{}, err
	}
	gf, ok := b.byCode[gm.Code]
	if !ok {
		return gemeentePage{}, gemeenteNotFound(code)
	}
	return h.newGemeentePage(c.Request.Context(), b, gf)
}

func gemeenteNotFound(code string) *httpError {
	return &httpError{status: http.StatusNotFound, title: "Gemeente niet gevonden",
		msg: "Er is geen gemeente met de code ‘" + code + "’. Gebruik de CBS-code, bijvoorbeeld GM0363 voor Amsterdam, of kies een gemeente op het landelijk beeld."}
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
