package ui

import (
	"context"
	"errors"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// metadataValues is the edit form of a document's metadata, as typed.
type metadataValues struct {
	Title       string
	Type        string
	Period      string
	Vastgesteld string
	Gemeenten   []string // names, at least gemeenteSlots
}

// metadataValuesOf fills the edit form with m.
func metadataValuesOf(m corpus.Metadata) metadataValues {
	v := metadataValues{Title: m.Title, Type: string(m.Type), Vastgesteld: m.Vastgesteld,
		Period: m.Periode(), Gemeenten: m.GemeenteNames()}
	return v.padded()
}

// padded adds empty gemeente fields up to gemeenteSlots, one more when full.
func (v metadataValues) padded() metadataValues {
	n := max(gemeenteSlots, len(v.Gemeenten)+1)
	for len(v.Gemeenten) < n {
		v.Gemeenten = append(v.Gemeenten, "")
	}
	return v
}

// editDocument replaces a document's metadata:
// POST /beheer/documenten/:id/gegevens and /api/v1/beheer/documents/:id/metadata.
func (h *handler) editDocument(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	v := metadataValues{Title: strings.TrimSpace(in.Get("title")), Type: in.Get("type"),
		Period: strings.TrimSpace(in.Get("period")), Vastgesteld: strings.TrimSpace(in.Get("vastgesteld"))}
	for _, g := range in["gemeenten"] {
		if g = strings.TrimSpace(g); g != "" {
			v.Gemeenten = append(v.Gemeenten, g)
		}
	}
	f := &actionErrors{Form: "edit", Edit: v.padded()}
	m, err := h.metadata(v)
	if err != nil {
		h.actionFailed(c, f, err)
		return
	}
	h.act(c, f, "bewerkt", func(ctx context.Context, u corpus.User, id int64) error {
		return h.curation.EditMeta(ctx, u, id, m)
	})
}

// metadata checks the edit form and turns it into Metadata; the error
// joins one corpus.FieldError per wrong field.
func (h *handler) metadata(v metadataValues) (corpus.Metadata, error) {
	var errs []error
	bad := func(field, msg string) {
		errs = append(errs, &corpus.FieldError{Field: field, Msg: msg, Err: corpus.ErrInvalid})
	}
	m := corpus.Metadata{Title: v.Title, Vastgesteld: v.Vastgesteld}
	if m.Title == "" {
		bad(corpus.FieldTitle, "Vul een titel in.")
	} else if msg := corpus.LengthProblem("De titel", m.Title, corpus.MaxTitleRunes); msg != "" {
		bad(corpus.FieldTitle, msg)
	}
	m.Type = checkDocType(v.Type, bad)
	if v.Period != "" {
		var msg string
		if m.PeriodStart, m.PeriodEnd, msg = parsePeriod(v.Period); msg == periodFormat {
			bad(corpus.FieldPeriod, "Vul de periode in als één jaar (2025) of twee jaren (2023-2026), of laat het veld leeg.")
		} else if msg != "" {
			bad(corpus.FieldPeriod, msg)
		}
	}
	if msg := corpus.DateProblem(v.Vastgesteld); v.Vastgesteld != "" && msg != "" {
		bad(corpus.FieldVastgesteld, msg+" Of laat het veld leeg.")
	}
	m.Gemeenten = h.checkGemeenten(v.Gemeenten, bad)
	return m, errors.Join(errs...)
}
