package indexer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/corpus"
)

// A change reaches the store first and the index second, in separate
// writes, and the two indexes take separate batches; a process killed in
// between leaves the index without a plan, with a plan but not its
// passages, or with a plan the store has withdrawn. Check finds such
// documents by comparing the serving index with the store, and Repair
// brings each of them in line again.

// Report is what Check found: the documents on which the serving index
// and the store disagree.
type Report struct {
	Published int    // published documents in the store
	Plans     uint64 // plans in the plan index
	Passages  uint64 // passages in the passage index
	// Missing are published documents whose plan is absent from the plan
	// index or indexed with other metadata than the store's, or whose
	// passages in the passage index are not as many as the store holds.
	Missing []int64
	// Extra are documents the plan or passage index holds that are not
	// published (pending, rejected, withdrawn or deleted).
	Extra []int64
	// Stray are values of the passages' doc_id that are no document ID:
	// passages an update set aside to delete, left by a process killed
	// before it deleted them.
	Stray []string
}

// Consistent reports whether Check found nothing to repair.
func (r Report) Consistent() bool { return len(r.Missing)+len(r.Extra)+len(r.Stray) == 0 }

// Check compares the serving index with the store: every published
// document must have its plan, with the store's metadata, in the plan
// index and all its passages in the passage index, and nothing else may
// be in either. It changes nothing. A document changed while Check runs
// may be reported; run it before the process takes changes (at start).
func (ix *Indexer) Check(ctx context.Context, store *corpus.Store) (Report, error) {
	docs, err := store.Documents(ctx, corpus.StatusPublished)
	if err != nil {
		return Report{}, fmt.Errorf("check index: %w", err)
	}
	want, err := store.PassageCounts(ctx)
	if err != nil {
		return Report{}, fmt.Errorf("check index: %w", err)
	}
	var plans map[string]string
	var passages map[string]uint64
	err = ix.View(func(s Snapshot) error {
		if plans, err = readPlans(s.Plans); err != nil {
			return err
		}
		passages, err = readPassageCounts(s.Passages)
		return err
	})
	if err != nil {
		return Report{}, fmt.Errorf("check index: %w", err)
	}
	return compare(docs, want, plans, passages), nil
}

// compare lists the documents where what is indexed (plan key → stored
// metadata, plan key → number of passages) differs from the store.
func compare(docs []corpus.Document, want map[int64]int, plans map[string]string, passages map[string]uint64) Report {
	r := Report{Published: len(docs), Plans: uint64(len(plans))}
	published := make(map[string]bool, len(docs))
	for _, d := range docs {
		key := strconv.FormatInt(d.ID, 10)
		published[key] = true
		meta, ok := plans[key]
		if !ok || meta != string(metaJSON(d)) || passages[key] != uint64(want[d.ID]) {
			r.Missing = append(r.Missing, d.ID)
		}
	}
	extra := map[int64]bool{}
	for key := range plans {
		if id, err := strconv.ParseInt(key, 10, 64); err == nil && !published[key] {
			extra[id] = true
		}
	}
	for key, n := range passages {
		r.Passages += n
		id, err := strconv.ParseInt(key, 10, 64)
		switch {
		case err != nil:
			r.Stray = append(r.Stray, key)
		case !published[key]:
			extra[id] = true
		}
	}
	for id := range extra {
		r.Extra = append(r.Extra, id)
	}
	slices.Sort(r.Extra)
	slices.Sort(r.Stray)
	return r
}

// readPlans returns the key and stored metadata of every plan in idx.
func readPlans(idx bleve.Index) (map[string]string, error) {
	out := map[string]string{}
	err := WithReader(idx, func(r index.IndexReader) error {
		all, err := r.DocIDReaderAll()
		if err != nil {
			return err
		}
		defer all.Close()
		for id, err := all.Next(); id != nil || err != nil; id, err = all.Next() {
			if err != nil {
				return err
			}
			key, err := r.ExternalID(id)
			if err != nil {
				return err
			}
			doc, err := r.Document(key)
			if err != nil {
				return err
			}
			out[key] = storedMeta(doc)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read plans: %w", err)
	}
	return out, nil
}

// storedMeta is the FieldMeta value of a plan document, "" without one.
func storedMeta(doc index.Document) string {
	var meta string
	if doc == nil {
		return meta
	}
	doc.VisitFields(func(f index.Field) {
		if f.Name() == FieldMeta {
			meta = string(f.Value())
		}
	})
	return meta
}

// readPassageCounts returns how many passages idx holds per plan key,
// from the postings of the doc_id field (deleted passages not counted).
func readPassageCounts(idx bleve.Index) (map[string]uint64, error) {
	out := map[string]uint64{}
	err := WithReader(idx, func(r index.IndexReader) error {
		dict, err := r.FieldDict(FieldDocID)
		if err != nil {
			return err
		}
		defer dict.Close()
		for de, err := dict.Next(); de != nil || err != nil; de, err = dict.Next() {
			if err != nil {
				return err
			}
			n, err := termCount(r, de.Term, FieldDocID)
			if err != nil {
				return err
			}
			if n > 0 {
				out[de.Term] = n
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	return out, nil
}

// termCount is the number of live documents with term in field.
func termCount(r index.IndexReader, term, field string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	n := tfr.Count()
	return n, tfr.Close()
}

// WithReader runs fn with a reader of the one index behind idx (an alias
// of one index) and closes it afterwards.
func WithReader(idx bleve.Index, fn func(index.IndexReader) error) error {
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	return errors.Join(fn(r), r.Close())
}

// Repair brings the serving index in line with the store for every
// document of r, as Sync does, and deletes the stray passages. It goes on
// after a failure and returns every error joined.
func (ix *Indexer) Repair(ctx context.Context, store *corpus.Store, r Report) error {
	var errs []error
	for _, id := range append(slices.Clone(r.Missing), r.Extra...) {
		if err := ctx.Err(); err != nil {
			return errors.Join(append(errs, err)...)
		}
		errs = append(errs, ix.Sync(ctx, store, id))
	}
	for _, docID := range r.Stray {
		errs = append(errs, ix.deleteStray(ctx, docID))
	}
	return errors.Join(errs...)
}

// deleteStray deletes every passage whose doc_id is docID.
func (ix *Indexer) deleteStray(ctx context.Context, docID string) error {
	q := bleve.NewTermQuery(docID)
	q.SetField(FieldDocID)
	err := ix.View(func(s Snapshot) error {
		for {
			res, err := s.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1000, 0, false))
			if err != nil || len(res.Hits) == 0 {
				return err
			}
			b := s.Passages.NewBatch()
			for _, h := range res.Hits {
				b.Delete(h.ID)
			}
			if err := s.Passages.Batch(b); err != nil {
				return err
			}
		}
	})
	ix.edits.Add(1)
	if err != nil {
		return fmt.Errorf("delete stray passages (doc_id %q): %w", docID, err)
	}
	return nil
}

// Sync makes the serving index hold document id as the store has it now:
// its plan and every passage when it is published, nothing of it when it
// is not or the store no longer has it.
func (ix *Indexer) Sync(ctx context.Context, store *corpus.Store, id int64) error {
	d, err := store.Document(ctx, id)
	if errors.Is(err, corpus.ErrNotFound) || err == nil && d.Status != corpus.StatusPublished {
		return ix.Remove(ctx, id)
	}
	if err != nil {
		return fmt.Errorf("sync document %d: %w", id, err)
	}
	passages, err := store.Passages(ctx, id)
	if err != nil {
		return fmt.Errorf("sync document %d: %w", id, err)
	}
	return ix.Add(ctx, d, passages)
}

// Holds reports whether the serving index holds document d whole: its
// plan with d's metadata and exactly passages passages.
func (ix *Indexer) Holds(ctx context.Context, d corpus.Document, passages int) (bool, error) {
	key := strconv.FormatInt(d.ID, 10)
	var ok bool
	err := ix.View(func(s Snapshot) error {
		doc, err := s.Plans.Document(key)
		if err != nil || doc == nil || storedMeta(doc) != string(metaJSON(d)) {
			return err
		}
		q := bleve.NewTermQuery(key)
		q.SetField(FieldDocID)
		res, err := s.Passages.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			return err
		}
		ok = res.Total == uint64(passages)
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("look up document %d in the index: %w", d.ID, err)
	}
	return ok, nil
}
