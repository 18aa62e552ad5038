package search

import (
	"context"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// Facets are counted with bitmaps instead of Bleve's facet builder, which
// reads every matching plan's doc values once per facet: at 20,000 plans
// that was most of a query's time. Here the plans having each facet value
// are a roaring bitmap of index doc numbers, made once per snapshot of the
// plan index; a query's matching plans are collected into a bitmap without
// scoring; a count is the size of an intersection.

// valueBits maps facet name -> value -> the plans having it.
type valueBits map[string]map[string]*roaring.Bitmap

// snapCache keeps one value derived from the latest snapshot of an index.
type snapCache[T any] struct {
	mu  sync.Mutex
	key snapshotKey
	val T
}

// snapshotKey identifies an index snapshot: the reader Bleve hands out for
// it (the same object until the next change) and its document count.
// Holding the reader keeps its address from being reused by a later one.
type snapshotKey struct {
	r index.IndexReader
	n uint64
}

// get returns the value of r's snapshot, made by build when the snapshot
// changed (an approval, a merge, a rebuild).
func (c *snapCache[T]) get(r index.IndexReader, build func(index.IndexReader) (T, error)) (T, error) {
	n, err := r.DocCount()
	if err != nil {
		return c.val, err
	}
	key := snapshotKey{r, n}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.key == key {
		return c.val, nil
	}
	v, err := build(r)
	if err != nil {
		return v, err
	}
	c.key, c.val = key, v
	return v, nil
}

// planReader runs fn with a reader of the plan index behind snap and the
// value bitmaps of that reader's snapshot.
func (s *Searcher) planReader(idx bleve.Index, fn func(r index.IndexReader, vb valueBits) error) error {
	return indexer.WithReader(idx, func(r index.IndexReader) error {
		vb, err := s.bits.get(r, readValueBits)
		if err != nil {
			return err
		}
		return fn(r, vb)
	})
}

// readValueBits reads the value bitmaps of every facet field.
func readValueBits(r index.IndexReader) (valueBits, error) {
	vb := valueBits{}
	for _, name := range facetOrder {
		m, err := fieldBits(r, facetFields[name])
		if err != nil {
			return nil, err
		}
		vb[name] = m
	}
	return vb, nil
}

// fieldBits reads the postings of every term of a keyword field.
func fieldBits(r index.IndexReader, field string) (map[string]*roaring.Bitmap, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	out := map[string]*roaring.Bitmap{}
	for de, err := dict.Next(); de != nil || err != nil; de, err = dict.Next() {
		if err != nil {
			return nil, err
		}
		bm, err := termBits(r, de.Term, field)
		if err != nil {
			return nil, err
		}
		out[de.Term] = bm
	}
	return out, nil
}

func termBits(r index.IndexReader, term, field string) (*roaring.Bitmap, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	bm := roaring.New()
	for tfd, err := tfr.Next(nil); tfd != nil || err != nil; tfd, err = tfr.Next(nil) {
		if err != nil {
			return nil, err
		}
		bm.Add(uint32(tfd.ID.Value()))
	}
	return bm, nil
}

// matchBits collects the plans matching q, unscored.
func matchBits(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query) (*roaring.Bitmap, error) {
	sr, err := q.Searcher(ctx, r, m, bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer sr.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(sr.DocumentMatchPoolSize(), 0), IndexReader: r}
	bm := roaring.New()
	for {
		dm, err := sr.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			return bm, nil
		}
		bm.Add(uint32(dm.IndexInternalID.Value()))
		sctx.DocumentMatchPool.Put(dm)
	}
}
