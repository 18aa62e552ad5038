package search

import (
	"context"
	"math"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/indexer"
)

// Scoring the candidates' passages asks each query term's postings for a
// few thousand passages spread over the whole passage index. The index's
// postings iterator cannot jump over a common term's postings while it
// keeps their frequencies and norms, so each query walked the full lists
// of all its terms (40% of the time of a search at 1,000,000 passages).
// Here each (field, term) of the passage text is read once per snapshot
// into plain arrays, which later queries search by bisection. The
// searchers on top are Bleve's own, reading through cachedReader, so the
// scores are the same as without the cache (a test checks).

// postingsBudget bounds the postings kept per snapshot of each index (10
// bytes each: 80 MB); past it the least recently used terms are dropped.
// (At 1,000,000 generated passages the HTTP benchmark's words hold 7.9
// million passage postings and 2.8 million plan postings.)
const postingsBudget = 8 << 20

// passageTextFields and planTextFields are the fields whose postings are
// kept, in the passage and the plan index.
var (
	passageTextFields = map[string]bool{indexer.FieldText: true, indexer.FieldHeadings: true}
	planTextFields    = func() map[string]bool {
		m := map[string]bool{indexer.FieldTitle: true, indexer.FieldBody: true}
		for v := 0; v <= 5; v++ {
			m[indexer.FieldVeldText(v)] = true
		}
		return m
	}()
)

// postingList is one term's postings in one field: global document
// numbers, ascending, with the term's frequency and the field's norm.
type postingList struct {
	docs  []uint32
	freqs []uint16
	norms []float32
	count uint64 // what the index reader's Count says
	// direct is set when the postings do not fit these types (a document
	// number past 2^32, a frequency past 2^16): they are read from the
	// index each time
	direct bool

	ready chan struct{} // closed when the fields above are set
	err   error
	used  uint64 // clock of the last use, for eviction
}

// postingSets are the cached postings of one snapshot.
type postingSets struct {
	fields map[string]bool // the fields kept
	mu     sync.Mutex
	m      map[string]*postingList
	size   int // postings held
	budget int // most postings held
	clock  uint64
}

// postingsOf returns a builder of the empty cache of fields for a snapshot.
func postingsOf(fields map[string]bool) func(index.IndexReader) (*postingSets, error) {
	return func(index.IndexReader) (*postingSets, error) {
		return &postingSets{fields: fields, m: map[string]*postingList{}, budget: postingsBudget}, nil
	}
}

// list returns the postings of term in field, reading them through r the
// first time.
func (ps *postingSets) list(ctx context.Context, r index.IndexReader, term []byte, field string) (*postingList, error) {
	key := field + "\x00" + string(term)
	ps.mu.Lock()
	ps.clock++
	pl, ok := ps.m[key]
	if ok {
		pl.used = ps.clock
		ps.mu.Unlock()
		<-pl.ready
		return pl, pl.err
	}
	pl = &postingList{ready: make(chan struct{}), used: ps.clock}
	ps.m[key] = pl
	ps.mu.Unlock()

	pl.err = pl.read(ctx, r, term, field)
	close(pl.ready)

	ps.mu.Lock()
	defer ps.mu.Unlock()
	if pl.err != nil {
		if ps.m[key] == pl {
			delete(ps.m, key)
		}
		return nil, pl.err
	}
	ps.size += len(pl.docs)
	ps.evict(key)
	return pl, nil
}

// evict drops the least recently used lists but keep until the postings
// held fit the budget. Lists still being read are left alone.
func (ps *postingSets) evict(keep string) {
	if ps.size <= ps.budget {
		return
	}
	type aged struct {
		key  string
		used uint64
	}
	var all []aged
	for k, pl := range ps.m {
		select {
		case <-pl.ready:
			if k != keep {
				all = append(all, aged{k, pl.used})
			}
		default:
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].used < all[j].used })
	for _, a := range all {
		if ps.size <= ps.budget {
			break
		}
		ps.size -= len(ps.m[a.key].docs)
		delete(ps.m, a.key)
	}
}

// read fills pl from the index.
func (pl *postingList) read(ctx context.Context, r index.IndexReader, term []byte, field string) error {
	tfr, err := r.TermFieldReader(ctx, term, field, true, true, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	pl.count = tfr.Count()
	n := int(pl.count)
	pl.docs, pl.freqs, pl.norms = make([]uint32, 0, n), make([]uint16, 0, n), make([]float32, 0, n)
	var d *index.TermFieldDoc
	for {
		d, err = tfr.Next(d)
		if err != nil {
			return err
		}
		if d == nil {
			return nil
		}
		doc := d.ID.Value()
		if doc > math.MaxUint32 || d.Freq > math.MaxUint16 {
			pl.docs, pl.freqs, pl.norms, pl.direct = nil, nil, nil, true
			return nil
		}
		pl.docs = append(pl.docs, uint32(doc))
		pl.freqs = append(pl.freqs, uint16(d.Freq))
		pl.norms = append(pl.norms, float32(d.Norm))
	}
}

// cachedReader is an index reader whose term readers for the cached fields,
// with frequencies and norms and without term vectors, read the cached
// postings; everything else goes to the index.
type cachedReader struct {
	index.IndexReader
	ps *postingSets
}

func (c cachedReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	if !c.ps.fields[field] || !freq || !norm || vectors {
		return c.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	}
	pl, err := c.ps.list(ctx, c.IndexReader, term, field)
	if err != nil {
		return nil, err
	}
	if pl.direct {
		return c.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors)
	}
	return &listReader{pl: pl, term: string(term)}, nil
}

// listReader reads one cached postingList; Advance bisects.
type listReader struct {
	pl   *postingList
	term string
	at   int // index of the next posting Next returns
}

func (l *listReader) fill(i int, d *index.TermFieldDoc) *index.TermFieldDoc {
	if d == nil {
		d = &index.TermFieldDoc{}
	}
	d.Term = l.term
	d.ID = index.NewIndexInternalID(d.ID, uint64(l.pl.docs[i]))
	d.Freq = uint64(l.pl.freqs[i])
	d.Norm = float64(l.pl.norms[i])
	d.Vectors = d.Vectors[:0]
	l.at = i + 1
	return d
}

func (l *listReader) Next(d *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if l.at >= len(l.pl.docs) {
		return nil, nil
	}
	return l.fill(l.at, d), nil
}

func (l *listReader) Advance(id index.IndexInternalID, d *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	target := id.Value()
	docs := l.pl.docs
	lo := 0
	if l.at > 0 && l.at <= len(docs) && uint64(docs[l.at-1]) < target {
		lo = l.at // forward: search only what is left
	}
	i := lo + sort.Search(len(docs)-lo, func(k int) bool { return uint64(docs[lo+k]) >= target })
	if i >= len(docs) {
		l.at = len(docs)
		return nil, nil
	}
	return l.fill(i, d), nil
}

func (l *listReader) Count() uint64 { return l.pl.count }
func (l *listReader) Close() error  { return nil }
func (l *listReader) Size() int     { return 64 }

// cachedQuery runs q with its text terms read from the cached postings of
// the snapshot it is searched on.
type cachedQuery struct {
	q      query.Query
	cache  *snapCache[*postingSets]
	fields map[string]bool
}

func (c cachedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	ps, err := c.cache.get(r, postingsOf(c.fields))
	if err != nil {
		return nil, err
	}
	return c.q.Searcher(ctx, cachedReader{r, ps}, m, o)
}
