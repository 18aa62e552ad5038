package search

import (
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// The plans a query's words match, for the facets, the count of plans
// with every word and the candidates' coverage, are unions and
// intersections of the postings of their terms. Reading a common term's
// postings through a searcher visits every plan that has it, for each
// query and each veld field; here each (field, term) is read once per
// snapshot of the plan index and kept as a bitmap, so later queries with
// the same words only combine bitmaps. The match is the same as the
// words' part of baseQuery (a test checks).

// maxTermSets bounds the bitmaps kept per snapshot; past it they are
// dropped and read again.
const maxTermSets = 1 << 15

// termSets are the cached postings bitmaps of one snapshot.
type termSets struct {
	mu sync.Mutex
	m  map[string]*roaring.Bitmap
}

func newTermSets(index.IndexReader) (*termSets, error) {
	return &termSets{m: map[string]*roaring.Bitmap{}}, nil
}

// term returns the plans having term in field. The bitmap is shared: the
// caller must not change it.
func (ts *termSets) term(r index.IndexReader, field, term string) (*roaring.Bitmap, error) {
	key := field + "\x00" + term
	ts.mu.Lock()
	bm, ok := ts.m[key]
	ts.mu.Unlock()
	if ok {
		return bm, nil
	}
	bm, err := termBits(r, term, field)
	if err != nil {
		return nil, err
	}
	ts.mu.Lock()
	if len(ts.m) >= maxTermSets {
		ts.m = map[string]*roaring.Bitmap{}
	}
	ts.m[key] = bm
	ts.mu.Unlock()
	return bm, nil
}

// fastWords reports whether the words of p can be matched from bitmaps:
// plain groups, without phrases, exclusions or a "meer zoals dit" minimum.
func (p *prepared) fastWords() bool {
	return !p.none && len(p.text.groups) > 0 && p.phrasePlans == nil && len(p.text.excludes) == 0 &&
		len(p.excludedPlans) == 0 && p.text.minMatch == 0
}

// wordBits returns the plans in which any group (every group when all is
// true) of p's words occurs in fields, within the jaar range.
func (p *prepared) wordBits(r index.IndexReader, ts *termSets, vb valueBits, fields []field, all bool) (*roaring.Bitmap, error) {
	var out *roaring.Bitmap
	for _, g := range p.text.groups {
		bm, err := groupBits(r, ts, fields, g)
		if err != nil {
			return nil, err
		}
		switch {
		case out == nil:
			out = bm
		case all:
			out.And(bm)
		default:
			out.Or(bm)
		}
	}
	if p.years != nil {
		in := roaring.New()
		for _, y := range p.years {
			if b := vb[facetJaar][y]; b != nil {
				in.Or(b)
			}
		}
		out.And(in)
	}
	return out, nil
}

// groupBits returns the plans in which an alternative of g occurs in one
// of fields, as groupQuery matches them in the plan index. The result is
// the caller's to change.
func groupBits(r index.IndexReader, ts *termSets, fields []field, g group) (*roaring.Bitmap, error) {
	out := roaring.New()
	for _, a := range g {
		for _, f := range fields {
			bm, err := altBits(r, ts, f.name, a)
			if err != nil {
				return nil, err
			}
			out.Or(bm)
		}
	}
	return out, nil
}

// altBits returns the plans in which a occurs in field: all of a
// compound's parts, the term itself, or the analysed words of its text
// (all of them for a phrase, as a MatchQuery with operator AND).
func altBits(r index.IndexReader, ts *termSets, field string, a alt) (*roaring.Bitmap, error) {
	terms, every := a.parts, true
	switch {
	case len(a.parts) > 0:
	case a.term:
		terms = []string{a.text}
	default:
		terms, every = indexer.AnalyzeQuery(a.text), a.phrase
	}
	out := roaring.New()
	for i, t := range terms {
		bm, err := ts.term(r, field, t)
		if err != nil {
			return nil, err
		}
		switch {
		case i == 0:
			out.Or(bm)
		case every:
			out.And(bm)
		default:
			out.Or(bm)
		}
	}
	return out, nil
}
