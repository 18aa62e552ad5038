package search

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
)

// passageRef is a passage chosen to be shown: its key and its score.
type passageRef struct {
	key   string
	score float64
}

// bestPassages returns per plan its best passages (for plans in date
// order; relevance ranking picks them while it ranks).
func (s *Searcher) bestPassages(ctx context.Context, snap indexer.Snapshot, p *prepared, plans []string) (map[string][]passageRef, error) {
	res, err := s.matchingPassages(ctx, snap, p, plans)
	if err != nil {
		return nil, err
	}
	best := map[string][]passageRef{}
	for _, h := range res.Hits {
		if id := indexer.PlanOfPassage(h.ID); len(best[id]) < PassagesPerDocument {
			best[id] = append(best[id], passageRef{h.ID, h.Score})
		}
	}
	return best, nil
}

// passageText ranks passages: any group or phrase, a match under a
// heading counting as one in the text, exact phrases weighing most. (The
// user's words as a phrase earn a bonus later, only among the best plans:
// a phrase clause here cost 40% of the ranking time.)
func (p *prepared) passageText() query.Query {
	var qs []query.Query
	for _, g := range p.text.groups {
		qs = append(qs, groupQuery(g, passageFields, true))
	}
	for _, ph := range p.text.phrases {
		qs = append(qs, phraseQuery(ph, 3))
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// loadPassages reads and highlights the chosen passages into docs. Their
// stored fields are read by key: the passages were scored when chosen.
func (s *Searcher) loadPassages(ctx context.Context, snap indexer.Snapshot, p *prepared, docs []Document, best map[string][]passageRef) error {
	var keys []string
	for _, refs := range best {
		for _, r := range refs {
			keys = append(keys, r.key)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(keys), len(keys), 0, false)
	req.Fields = []string{indexer.FieldOrdinal, indexer.FieldPageFrom, indexer.FieldPageTo, indexer.FieldHeadings, indexer.FieldText, indexer.FieldTags}
	req.Score = "none"
	res, err := snap.Passages.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byKey := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byKey[h.ID] = h
	}
	hl := NewHighlighter(p.highlightQuery(), s.thesaurus)
	for i := range docs {
		for _, r := range best[strconv.FormatInt(docs[i].ID, 10)] {
			if h := byKey[r.key]; h != nil {
				ps := passageOf(h, hl)
				ps.Score = r.score
				docs[i].Passages = append(docs[i].Passages, s.withTags(ps, h))
			}
		}
	}
	return nil
}

// highlightQuery is what snippets mark: the parsed query, or for "meer
// zoals dit" the distinctive terms.
func (p *prepared) highlightQuery() ParsedQuery {
	if p.r.Like == "" {
		return p.parsed
	}
	var q ParsedQuery
	for _, g := range p.text.groups {
		q.Clauses = append(q.Clauses, Clause{{Text: g[0].text}})
	}
	return q
}

func passageOf(h *bsearch.DocumentMatch, hl *Highlighter) Passage {
	num := func(f string) int {
		v, _ := h.Fields[f].(float64)
		return int(v)
	}
	p := Passage{Ordinal: num(indexer.FieldOrdinal), Page: num(indexer.FieldPageFrom), PageTo: num(indexer.FieldPageTo), Score: h.Score}
	if hs, ok := h.Fields[indexer.FieldHeadings].(string); ok && hs != "" {
		p.Headings = strings.Split(hs, "\n")
	}
	if t, ok := h.Fields[indexer.FieldText].(string); ok {
		p.Snippet = hl.Snippet(t)
	}
	return p
}

// withTags adds the stored tags of a passage hit, with Dutch labels.
func (s *Searcher) withTags(p Passage, h *bsearch.DocumentMatch) Passage {
	p.Themes = []corpus.Thema{}
	raw, ok := h.Fields[indexer.FieldTags].(string)
	if !ok {
		return p
	}
	var t corpus.Tags
	if json.Unmarshal([]byte(raw), &t) != nil {
		return p
	}
	p.Veld, p.VeldLabel = corpus.Veld(t.Veld), corpus.Veld(t.Veld).Label()
	p.Themes = s.taxonomy.Themas(t.Themes)
	return p
}

func metaOf(h *bsearch.DocumentMatch) (indexer.PlanMeta, error) {
	var meta indexer.PlanMeta
	if raw, ok := h.Fields[indexer.FieldMeta].(string); ok {
		if err := json.Unmarshal([]byte(raw), &meta); err != nil {
			return meta, fmt.Errorf("plan %s: bad stored metadata: %w", h.ID, err)
		}
	}
	return meta, nil
}

// documentOf turns a plan hit into a result without passages.
func documentOf(h *bsearch.DocumentMatch) (Document, error) {
	meta, err := metaOf(h)
	if err != nil {
		return Document{}, err
	}
	id, _ := strconv.ParseInt(h.ID, 10, 64)
	d := Document{
		ID: id, Title: meta.Title, Type: meta.Type, TypeLabel: meta.Type.Label(),
		PeriodStart: meta.PeriodStart, PeriodEnd: meta.PeriodEnd, Vastgesteld: meta.Vastgesteld,
		Gemeenten: meta.Gemeenten, Pages: meta.Pages, Score: h.Score, Passages: []Passage{},
	}
	d.Periode = corpus.Document{PeriodStart: meta.PeriodStart, PeriodEnd: meta.PeriodEnd}.Periode()
	if d.Gemeenten == nil {
		d.Gemeenten = []corpus.Gemeente{}
	}
	return d, nil
}
