package ui

import (
	"strconv"

	"github.com/ccv/ivp/corpus"
)

// harvestView is where a harvested (geoogst) document came from, on the
// review page.
type harvestView struct {
	URL, Listing, Title, Date, Harvested string
	PreviousURL, Previous                string // the earlier version, when this is a newer one
}

func harvestViewOf(h *corpus.Harvest) *harvestView {
	if h == nil {
		return nil
	}
	v := &harvestView{URL: h.URL, Listing: h.Listing, Title: h.Title, Date: h.Date, Harvested: datumTijd(h.Harvested)}
	if h.PreviousID != 0 {
		v.PreviousURL, v.Previous = reviewURL(h.PreviousID), "#"+strconv.FormatInt(h.PreviousID, 10)
	}
	return v
}
