package search_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/search/internal/fts"
)

// ftsBaseline is the SQLite FTS5 search a user could build in a day, over
// the same stored passages as ours (package fts: unicode61 tokenizer,
// diacritics removed, plans ranked by the bm25 of their best passage).
type ftsBaseline struct {
	ix *fts.Index
	gm *corpus.Gemeenten
}

func newFTSBaseline(ctx context.Context, store *corpus.Store, dir string) (*ftsBaseline, error) {
	ix, err := fts.Build(ctx, store, filepath.Join(dir, "fts.sqlite"))
	if err != nil {
		return nil, err
	}
	return &ftsBaseline{ix: ix, gm: store.Gemeenten()}, nil
}

// rank returns the store IDs of the k best plans for a typed query. The
// field filters become SQL filters (fts.Request), quotes stay phrases and
// -words become NOT; plans with a passage that has all words come first,
// then, to fill k, plans with a passage that has any of them, as
// fts.Index.Rank does for a query without filters.
func (b *ftsBaseline) rank(ctx context.Context, u userQuery, k int) ([]int64, error) {
	r, err := b.request(u, k)
	if err != nil {
		return nil, err
	}
	res, err := b.ix.Search(ctx, r)
	if err != nil {
		return nil, err
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, p := range res.Plans {
		ids, seen[p.ID] = append(ids, p.ID), true
	}
	any := anyWords(u.text)
	if len(ids) >= k || any == u.text {
		return ids, nil
	}
	r.Query = any
	if res, err = b.ix.Search(ctx, r); err != nil {
		return nil, err
	}
	for _, p := range res.Plans {
		if !seen[p.ID] && len(ids) < k {
			ids, seen[p.ID] = append(ids, p.ID), true
		}
	}
	return ids, nil
}

// request turns the filters of u into an fts.Request.
func (b *ftsBaseline) request(u userQuery, k int) (fts.Request, error) {
	r := fts.Request{Query: u.text, Size: k}
	if u.veld >= 0 {
		r.Velden = []corpus.Veld{corpus.Veld(u.veld)}
	}
	if u.typ != "" {
		r.Types = []corpus.DocType{corpus.DocType(u.typ)}
	}
	for y := u.jaarFrom; u.jaarFrom > 0 && y <= u.jaarTo; y++ {
		r.Jaren = append(r.Jaren, y)
	}
	if u.gemeente != "" {
		for _, g := range b.gm.All() {
			if strings.EqualFold(g.Naam, u.gemeente) {
				r.Gemeenten = append(r.Gemeenten, g.Code)
			}
		}
		if r.Gemeenten == nil {
			return r, fmt.Errorf("fts baseline: unknown gemeente %q", u.gemeente)
		}
	}
	return r, nil
}

// anyWords joins the words and phrases of q with OR, keeping -words.
func anyWords(q string) string {
	var pos, neg []string
	for _, tok := range splitPhrases(q) {
		switch {
		case tok == "OR":
		case strings.HasPrefix(tok, "-"):
			neg = append(neg, tok)
		default:
			pos = append(pos, tok)
		}
	}
	if len(pos) < 2 {
		return q
	}
	return strings.TrimSpace(strings.Join(pos, " OR ") + " " + strings.Join(neg, " "))
}

// splitPhrases splits q on spaces, keeping a "quoted phrase" whole.
func splitPhrases(q string) []string {
	var out []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		end := strings.IndexByte(q, ' ')
		if q[0] == '"' {
			if e := strings.IndexByte(q[1:], '"'); e >= 0 {
				end = e + 2
			}
		}
		if end < 0 || end > len(q) {
			end = len(q)
		}
		out = append(out, q[:end])
		q = q[end:]
	}
	return out
}

func (b *ftsBaseline) close() error { return b.ix.Close() }
