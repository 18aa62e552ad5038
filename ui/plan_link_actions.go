package ui

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// Relations of a link form, seen from the document under review.
const (
	relFollows    = "volgt-op"     // this document follows up (or succeeds) the other
	relFollowedBy = "gevolgd-door" // the other follows up (or succeeds) this document
)

// linkRow is one link of the document under review: proposed (detected),
// confirmed or removed by a curator.
type linkRow struct {
	From      int64            `json:"from"`
	To        int64            `json:"to"`
	Relation  string           `json:"relation"` // volgt-op or gevolgd-door
	Other     int64            `json:"other"`
	Title     string           `json:"title"`
	TypeLabel string           `json:"type_label"`
	Periode   string           `json:"periode"`
	State     string           `json:"state"` // voorgesteld, bevestigd or verwijderd
	URL       string           `json:"-"`
	Label     string           `json:"-"` // "Dit document volgt op", "Volgt op dit document"
	Decided   corpus.LinkState `json:"-"`
}

// linkPlan records a curator's decision on a link of the document:
// POST /beheer/documenten/:id/samenhang and /api/v1/beheer/documents/:id/links,
// with other (a document number), relation (volgt-op, gevolgd-door) and
// state (bevestigd, the default, or verwijderd).
func (h *handler) linkPlan(c *gin.Context) {
	in, err := h.input(c)
	if err != nil {
		h.fail(c, err)
		return
	}
	f := &actionErrors{Form: "link"}
	from, to, state, err := linkInput(c, in)
	if err == nil {
		err = h.curation.SetPlanLink(c.Request.Context(), h.user(c), from, to, state)
	}
	if err != nil {
		h.actionFailed(c, f, err)
		return
	}
	id, _ := documentID(c)
	h.log.Info("curator action", "action", corpus.ActionLink, "from", from, "to", to, "state", state, "user", h.user(c).Email)
	if isAPI(c) {
		rows, err := h.linkRows(c.Request.Context(), id)
		if err != nil {
			h.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, gin.H{"id": id, "links": rows})
		return
	}
	c.Redirect(http.StatusSeeOther, reviewURL(id)+"?gedaan=gekoppeld#samenhang")
}

// linkInput reads a link form: the two plans, from the one that follows
// up to the other, and the decision.
func linkInput(c *gin.Context, in map[string][]string) (from, to int64, state corpus.LinkState, err error) {
	id, err := documentID(c)
	if err != nil {
		return 0, 0, "", err
	}
	get := func(k string) string {
		if v := in[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	other, perr := strconv.ParseInt(strings.TrimPrefix(get("other"), "#"), 10, 64)
	if perr != nil || other < 1 {
		return 0, 0, "", &corpus.FieldError{Field: corpus.FieldOther, Err: corpus.ErrInvalid,
			Msg: "Geef het nummer van het andere document, bijvoorbeeld 42."}
	}
	state = corpus.LinkState(get("state"))
	if state == "" {
		state = corpus.LinkConfirmed
	}
	if state != corpus.LinkConfirmed && state != corpus.LinkRemoved {
		return 0, 0, "", &corpus.FieldError{Field: "state", Err: corpus.ErrInvalid, Msg: "Kies bevestigen of verwijderen."}
	}
	switch get("relation") {
	case relFollows, "":
		return id, other, state, nil
	case relFollowedBy:
		return other, id, state, nil
	}
	return 0, 0, "", &corpus.FieldError{Field: "relation", Err: corpus.ErrInvalid,
		Msg: "Kies of dit document op het andere volgt of andersom."}
}

// linkRows are the links of document id: those the current beeld holds
// (detected, with the curators' decisions applied) and every decision a
// curator took on a link of it, removed ones included.
func (h *handler) linkRows(ctx context.Context, id int64) ([]linkRow, error) {
	b, err := h.currentBeeld(ctx)
	if err != nil {
		return nil, err
	}
	decided, err := h.docs.PlanLinks(ctx)
	if err != nil {
		return nil, err
	}
	rows := map[[2]int64]*linkRow{}
	for _, pair := range b.linksOf(id) {
		rows[pair] = &linkRow{From: pair[0], To: pair[1], State: "voorgesteld"}
	}
	for _, l := range decided {
		if l.From != id && l.To != id {
			continue
		}
		r := rows[[2]int64{l.From, l.To}]
		if r == nil {
			r = &linkRow{From: l.From, To: l.To}
			rows[[2]int64{l.From, l.To}] = r
		}
		r.State, r.Decided = string(l.State), l.State
	}
	return h.fillLinkRows(ctx, id, rows)
}

// fillLinkRows names the other plan of each row, sorted by its period.
func (h *handler) fillLinkRows(ctx context.Context, id int64, rows map[[2]int64]*linkRow) ([]linkRow, error) {
	out := make([]linkRow, 0, len(rows))
	for _, r := range rows {
		r.Relation, r.Other, r.Label = relFollows, r.To, "Dit document volgt op"
		if r.To == id {
			r.Relation, r.Other, r.Label = relFollowedBy, r.From, "Volgt op dit document"
		}
		d, err := h.docs.Document(ctx, r.Other)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		r.Title, r.TypeLabel, r.Periode = orDefault(d.Title, "(zonder titel)"), d.Type.Label(), periode(d.Periode())
		r.URL = reviewURL(d.ID)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Periode != out[j].Periode {
			return out[i].Periode < out[j].Periode
		}
		return out[i].Other < out[j].Other
	})
	return out, nil
}

// linksOf are the links of plan id in the beeld, as (from, to) pairs: the
// IVP it follows up and the IVP before it, and the plans that follow it up
// or succeed it.
func (b *beeld) linksOf(id int64) [][2]int64 {
	p := b.byID[id]
	if p == nil {
		return nil
	}
	var out [][2]int64
	for _, to := range []*planFacts{p.links.follows, p.links.prev} {
		if to != nil {
			out = append(out, [2]int64{id, to.doc.ID})
		}
	}
	for _, from := range append([]*planFacts{p.links.next}, p.links.followUps...) {
		if from != nil {
			out = append(out, [2]int64{from.doc.ID, id})
		}
	}
	return out
}
