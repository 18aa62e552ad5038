package ui

import (
	"context"
	"sync"
	"time"

	"github.com/ccv/ivp/corpus"
)

// refPassages is how many of a follow-up's first passages are read for
// the IVP it names: the introduction says which plan it works out.
const refPassages = 20

// refCache keeps the IVP period each uitvoeringsplan names, for the
// version of it that was read (its Updated time), so a new index
// generation re-reads only the plans that changed.
type refCache struct {
	mu   sync.Mutex
	byID map[int64]cachedRef
}

type cachedRef struct {
	updated time.Time
	ref     [2]int
}

// setRefs sets, for every uitvoeringsplan, the period of the IVP its
// title or else its first passages name.
func (h *handler) setRefs(ctx context.Context, plans []*planFacts) error {
	for _, p := range plans {
		if p.doc.Type != corpus.TypeUitvoeringsplan {
			continue
		}
		ref, err := h.overview.refs.get(ctx, h.docs, p.doc)
		if err != nil {
			return err
		}
		p.ref = ref
	}
	return nil
}

// get returns the IVP period d names, reading its passages when its title
// names none and d is new or changed since it was last read.
func (c *refCache) get(ctx context.Context, docs Documents, d corpus.Document) ([2]int, error) {
	if ref := referencedPeriod(d.Title); ref[0] > 0 {
		return ref, nil
	}
	c.mu.Lock()
	cr, ok := c.byID[d.ID]
	c.mu.Unlock()
	if ok && cr.updated.Equal(d.Updated) {
		return cr.ref, nil
	}
	text, err := docs.LeadText(ctx, d.ID, refPassages)
	if err != nil {
		return [2]int{}, err
	}
	ref := referencedPeriod(text)
	c.mu.Lock()
	if c.byID == nil {
		c.byID = map[int64]cachedRef{}
	}
	c.byID[d.ID] = cachedRef{updated: d.Updated, ref: ref}
	c.mu.Unlock()
	return ref, nil
}
