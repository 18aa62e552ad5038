package ui

import (
	"strings"

	"github.com/ccv/ivp/corpus"
)

// badField records a Dutch message for a form field.
type badField func(field, msg string)

// checkGemeenten looks the typed gemeente names up in the register, in
// order; bad gets a message for every name that is not a gemeente and one
// when there are no names at all.
func (h *handler) checkGemeenten(names []string, bad badField) []corpus.Gemeente {
	var out []corpus.Gemeente
	for _, n := range names {
		g, ok := h.gemeenten.Lookup(strings.TrimSpace(n))
		if !ok {
			bad(corpus.FieldGemeenten, "„"+shorten(n, 60)+"” is geen Nederlandse gemeente. Kies een naam uit de lijst.")
			continue
		}
		out = append(out, g)
	}
	if len(names) == 0 {
		bad(corpus.FieldGemeenten, "Vul ten minste één gemeente in.")
	}
	return out
}

// checkDocType reads the chosen kind of document; bad gets a message when
// it is not one of corpus.DocTypes.
func checkDocType(s string, bad badField) corpus.DocType {
	t, err := corpus.ParseDocType(s)
	if err != nil {
		bad(corpus.FieldType, "Kies het soort document.")
	}
	return t
}

// shorten cuts s to at most n characters, ending in "…" when it was cut,
// so a message does not repeat a whole pasted text.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
