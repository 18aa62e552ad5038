package ingest

import (
	"errors"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// gemeenten resolves CBS codes or names, ignoring case, to the register's
// gemeenten; at least one is required.
func (c *Curator) gemeenten(in []string) ([]corpus.Gemeente, error) {
	reg := c.store.Gemeenten()
	var out []corpus.Gemeente
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		g, ok := lookupGemeente(reg, s)
		if !ok {
			return nil, fieldErr(corpus.FieldGemeenten, "Onbekende gemeente: "+s+".")
		}
		if !seen[g.Code] {
			seen[g.Code] = true
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return nil, fieldErr(corpus.FieldGemeenten, "Kies minstens één gemeente.")
	}
	return out, nil
}

// lookupGemeente finds s as a CBS code or a name, ignoring case.
func lookupGemeente(reg *corpus.Gemeenten, s string) (corpus.Gemeente, bool) {
	return reg.Lookup(s)
}

// checkMetadata checks what a curator entered and fills in the gemeenten
// from the register.
func (c *Curator) checkMetadata(m corpus.Metadata) (corpus.Metadata, error) {
	var errs []error
	m.Title = strings.TrimSpace(m.Title)
	if m.Title == "" {
		errs = append(errs, fieldErr(corpus.FieldTitle, "Vul een titel in."))
	} else if msg := corpus.LengthProblem("De titel", m.Title, corpus.MaxTitleRunes); msg != "" {
		errs = append(errs, fieldErr(corpus.FieldTitle, msg))
	}
	if !validType(m.Type) {
		errs = append(errs, fieldErr(corpus.FieldType, "Kies een documenttype."))
	}
	if err := checkPeriod(m.PeriodStart, m.PeriodEnd, false); err != nil {
		errs = append(errs, err)
	}
	if msg := corpus.DateProblem(m.Vastgesteld); m.Vastgesteld != "" && msg != "" {
		errs = append(errs, fieldErr(corpus.FieldVastgesteld, msg))
	}
	codes := make([]string, len(m.Gemeenten))
	for i, g := range m.Gemeenten {
		codes[i] = g.Code
	}
	if len(codes) > 0 {
		gms, err := c.gemeenten(codes)
		if err != nil {
			errs = append(errs, err)
		}
		m.Gemeenten = gms
	}
	return m, errors.Join(errs...)
}
