package search

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/indexer"
)

// likeSourcePassages is how many passages of a plan stand for it in a
// "meer zoals dit" search from a plan.
const likeSourcePassages = 40

// likeMinShould is the share of the distinctive terms a plan must have.
const likeMinShould = 0.25

// A "meer zoals dit" search shows the most similar plans only: at most
// likeMaxPlans, each scoring at least likeMinShare of the best one. Nearly
// every plan shares a few distinctive words with any other, so without a
// cut-off almost the whole index came back.
const (
	likeMaxPlans = 20
	likeMinShare = 0.4
	// likeMinPlans are kept whatever their score, so that one very close
	// plan does not leave the list nearly empty.
	likeMinPlans = 3
)

// ErrLikeSource is returned when the plan or passage a "meer zoals dit"
// search starts from is not in the index; its text is shown to users.
var ErrLikeSource = errors.New("het plan of de passage voor ‘meer zoals dit’ staat niet (meer) in de index")

// like turns a "meer zoals dit" request into groups of the source's most
// distinctive terms (each an index term, weighted), leaves the source plan
// out, and names the source for the page.
func (s *Searcher) like(ctx context.Context, snap indexer.Snapshot, p *prepared) error {
	plan, _, isPassage := strings.Cut(p.r.Like, "/")
	text, title, err := likeSource(ctx, snap, p.r.Like, plan, isPassage)
	if err != nil {
		return err
	}
	o := LikeOptions{Field: indexer.FieldText, Analyzer: indexer.TextAnalyzer}
	if o.Skip, err = likePlaces(ctx, snap, plan, text); err != nil {
		return err
	}
	_, terms, err := Like(ctx, snap.Passages, text, o)
	if err != nil {
		return err
	}
	if len(terms) == 0 {
		p.none = true
		p.notices = append(p.notices, "Deze tekst heeft te weinig kenmerkende woorden om vergelijkbare plannen te vinden.")
	}
	for _, t := range terms {
		p.text.groups = append(p.text.groups, group{{text: t.Term, term: true, boost: t.Weight}})
	}
	p.text.minMatch = max(1, int(float64(len(terms))*likeMinShould+0.999))
	p.excludedPlans = append(p.excludedPlans, plan)
	p.likeTitle = title
	return nil
}

// likePlaces are the terms of the place names in text and of the plan's
// gemeenten, which a "meer zoals dit" query leaves out.
func likePlaces(ctx context.Context, snap indexer.Snapshot, plan, text string) (map[string]bool, error) {
	an := snap.Passages.Mapping().AnalyzerNamed(indexer.TextAnalyzer)
	if an == nil {
		return nil, fmt.Errorf("like %s: no analyzer %q", plan, indexer.TextAnalyzer)
	}
	meta, err := planMeta(ctx, snap, plan)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, g := range meta.Gemeenten {
		names = append(names, g.Naam)
	}
	return placeTerms(an, text, names), nil
}

// likeCutoff keeps, of the plans the prepared "meer zoals dit" search
// matches (filters included), only the most similar: it restricts the
// search to them as a phrase would, so that the count, the facets and the
// list agree.
func (s *Searcher) likeCutoff(ctx context.Context, snap indexer.Snapshot, p *prepared) error {
	q := cachedQuery{p.planQuery(), &s.planPostings, planTextFields}
	res, err := snap.Plans.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, likeMaxPlans, 0, false))
	if err != nil {
		return fmt.Errorf("like %s: %w", p.r.Like, err)
	}
	ids := []string{}
	for _, h := range res.Hits {
		if len(ids) < likeMinPlans || h.Score >= likeMinShare*res.Hits[0].Score {
			ids = append(ids, h.ID)
		}
	}
	p.phrasePlans = ids
	return nil
}

// likeSource reads the text a "meer zoals dit" search starts from: one
// passage, or the first passages of a plan, and a title for the page.
func likeSource(ctx context.Context, snap indexer.Snapshot, like, plan string, isPassage bool) (text, title string, err error) {
	meta, err := planMeta(ctx, snap, plan)
	if err != nil {
		return "", "", err
	}
	keys := []string{like}
	if !isPassage { // the plan's first passages, by their keys "plan/ordinal"
		keys = keys[:0]
		for i := range likeSourcePassages {
			keys = append(keys, plan+"/"+strconv.Itoa(i))
		}
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(keys), len(keys), 0, false)
	req.Fields = []string{indexer.FieldText}
	req.SortBy([]string{"_id"})
	res, err := snap.Passages.SearchInContext(ctx, req)
	if err != nil {
		return "", "", err
	}
	if len(res.Hits) == 0 {
		return "", "", ErrLikeSource
	}
	var sb strings.Builder
	for _, h := range res.Hits {
		t, _ := h.Fields[indexer.FieldText].(string)
		sb.WriteString(t + "\n")
	}
	title = "‘" + meta.Title + "’" + gemeentenOf(meta)
	if isPassage {
		return sb.String(), "een passage uit " + title, nil
	}
	return meta.Title + "\n" + sb.String(), title, nil
}

// gemeentenOf names the gemeenten of a plan after its title: " (Ede)",
// " (Ede, Epe en 2 andere)"; "" without gemeenten.
func gemeentenOf(m indexer.PlanMeta) string {
	var names []string
	for _, g := range m.Gemeenten {
		names = append(names, g.Naam)
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 3:
		return " (" + strings.Join(names[:2], ", ") + " en " + strconv.Itoa(len(names)-2) + " andere)"
	}
	return " (" + strings.Join(names, ", ") + ")"
}

// planMeta reads the stored metadata of one plan.
func planMeta(ctx context.Context, snap indexer.Snapshot, id string) (indexer.PlanMeta, error) {
	hits, err := planHits(ctx, snap, []string{id})
	if err != nil {
		return indexer.PlanMeta{}, err
	}
	if hits[id] == nil {
		return indexer.PlanMeta{}, ErrLikeSource
	}
	return metaOf(hits[id])
}

// suggest fills in a "did you mean" query for a query with words that
// found nothing or has a rare word close to a common one.
func (s *Searcher) suggest(ctx context.Context, snap indexer.Snapshot, p *prepared, res *Result) error {
	if p.r.Query == "" || p.r.Like != "" {
		return nil
	}
	find := Suggest
	if res.Total > 0 {
		find = suggestRare // unknown words were searched corrected already
	}
	sug, err := find(ctx, snap.Passages, indexer.FieldExact, p.r.Query)
	if err != nil || sug == nil {
		return err
	}
	res.Suggestion = sug.Query
	return nil
}
