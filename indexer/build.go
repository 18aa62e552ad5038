package indexer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/corpus"
)

// createGeneration makes an empty pair of indexes in a new directory.
func (ix *Indexer) createGeneration() (*generation, error) {
	name := "gen-" + time.Now().UTC().Format("20060102T150405.000000000")
	dir := filepath.Join(ix.dir, name)
	pm, err := planMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", name, err)
	}
	qm, err := passageMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", name, err)
	}
	plans, err := bleve.New(filepath.Join(dir, "plans"), pm)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", name, err)
	}
	passages, err := bleve.New(filepath.Join(dir, "passages"), qm)
	if err != nil {
		plans.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("create index %s: %w", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "MAPPING"), []byte(MappingVersion+"\n"), 0o644); err != nil {
		plans.Close()
		passages.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("create index %s: %w", name, err)
	}
	return &generation{name: name, plans: plans, passages: passages, mapping: MappingVersion}, nil
}

// Add indexes one stored document and its passages into the serving
// generation, replacing what was indexed for it before. Only published
// documents are searchable; Add of another status removes the document.
func (ix *Indexer) Add(ctx context.Context, d corpus.Document, passages []corpus.Passage) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return ErrClosed
	}
	ix.touch(d.ID)
	err := ix.addTo(ix.gen, d, passages)
	ix.edits.Add(1)
	return err
}

// addTo replaces what g holds for d by d and its passages, or removes d
// when it is not published.
func (ix *Indexer) addTo(g *generation, d corpus.Document, passages []corpus.Passage) error {
	if err := removeFrom(g, d.ID); err != nil {
		return err
	}
	if d.Status != corpus.StatusPublished {
		return nil
	}
	b := ix.newBatch(g)
	b.add(d, passages)
	return b.flush()
}

// Remove takes a document out of the serving generation.
func (ix *Indexer) Remove(ctx context.Context, id int64) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return ErrClosed
	}
	ix.touch(id)
	err := removeFrom(ix.gen, id)
	ix.edits.Add(1)
	return err
}

// touch records that the serving generation changed for document id, so
// that a rebuild running meanwhile re-reads it before it swaps.
func (ix *Indexer) touch(id int64) {
	ix.touchedMu.Lock()
	defer ix.touchedMu.Unlock()
	if ix.touched != nil {
		ix.touched[id] = true
	}
}

func removeFrom(g *generation, id int64) error {
	key := strconv.FormatInt(id, 10)
	if err := g.plans.Delete(key); err != nil {
		return fmt.Errorf("unindex document %d: %w", id, err)
	}
	q := bleve.NewTermQuery(key)
	q.SetField(FieldDocID)
	req := bleve.NewSearchRequestOptions(q, 100000, 0, false)
	res, err := g.passages.Search(req)
	if err != nil {
		return fmt.Errorf("unindex document %d: %w", id, err)
	}
	b := g.passages.NewBatch()
	for _, h := range res.Hits {
		b.Delete(h.ID)
	}
	if err := g.passages.Batch(b); err != nil {
		return fmt.Errorf("unindex document %d: %w", id, err)
	}
	return nil
}

// batch collects plans and passages for one generation.
type batch struct {
	g        *generation
	inwoners *corpus.Inwoners
	plans    *bleve.Batch
	passages *bleve.Batch
	n        int
}

func (ix *Indexer) newBatch(g *generation) *batch {
	return &batch{g: g, inwoners: ix.inwoners, plans: g.plans.NewBatch(), passages: g.passages.NewBatch()}
}

func (b *batch) add(d corpus.Document, passages []corpus.Passage) {
	key := strconv.FormatInt(d.ID, 10)
	doc := planDoc(d, passages)
	if k, ok := b.inwoners.PlanKlasse(d.GemeenteCodes()...); ok {
		doc[FieldKlasse] = k.Key()
	}
	b.plans.Index(key, doc)
	for _, p := range passages {
		b.passages.Index(passageKey(key, p.Ordinal), passageDoc(key, p))
	}
	b.n++
}

// passageKey is the key of a passage in the passage index.
func passageKey(plan string, ordinal int) string { return plan + "/" + strconv.Itoa(ordinal) }

// PlanOfPassage is the plan key (the document ID) of a passage-index key.
func PlanOfPassage(key string) string {
	plan, _, _ := strings.Cut(key, "/")
	return plan
}

// flush writes the collected plans and passages, the two indexes in
// parallel (each analyses its batch on all cores, but the plan batch is
// few large documents and would otherwise leave cores idle).
func (b *batch) flush() error {
	if b.n == 0 {
		return nil
	}
	perr := make(chan error, 1)
	go func() { perr <- b.g.plans.Batch(b.plans) }()
	if err := b.g.passages.Batch(b.passages); err != nil {
		<-perr
		return fmt.Errorf("index passages: %w", err)
	}
	if err := <-perr; err != nil {
		return fmt.Errorf("index plans: %w", err)
	}
	b.plans.Reset()
	b.passages.Reset()
	b.n = 0
	return nil
}

func planDoc(d corpus.Document, passages []corpus.Passage) map[string]any {
	doc := map[string]any{
		FieldTitle:     d.Title,
		FieldGemeente:  d.GemeenteCodes(),
		FieldProvincie: d.Provincies(),
		FieldType:      string(d.Type),
		FieldAdded:     float64(d.Created.Unix()),
		FieldMeta:      string(metaJSON(d)),
		FieldVeld:      planVelden(passages),
		FieldThema:     planThemes(passages),
		FieldJaar:      planYears(d),
	}
	texts, body := planTexts(passages)
	for v := range texts {
		if texts[v] != "" {
			doc[VeldTextFields[v]] = texts[v]
		}
	}
	if body != "" {
		doc[FieldBody] = body
	}
	if y := d.Year(); y > 0 {
		doc[FieldYear] = float64(y)
	}
	return doc
}

// planTexts is the text of a plan's passages per veld and as a whole,
// with the headings above them where they change, so that a plan matches
// a word found only in a heading (the passage index searches headings
// with the text too).
func planTexts(passages []corpus.Passage) (texts [6]string, body string) {
	var per [6]strings.Builder
	var all strings.Builder
	var last [6]string
	lastAll := ""
	for _, p := range passages {
		v := veldOf(p)
		h := strings.Join(p.Headings, "\n")
		if h != last[v] {
			per[v].WriteString(h + "\n\n")
			last[v] = h
		}
		if h != lastAll {
			all.WriteString(h + "\n\n")
			lastAll = h
		}
		per[v].WriteString(p.Text + "\n\n")
		all.WriteString(p.Text + "\n\n")
	}
	for v := range per {
		texts[v] = per[v].String()
	}
	return texts, all.String()
}

// veldOf is a passage's primary veld, 0 when out of range.
func veldOf(p corpus.Passage) int {
	if p.Tags.Veld < 0 || p.Tags.Veld > 5 {
		return 0
	}
	return p.Tags.Veld
}

// maxPeriodYears bounds the years indexed for one plan, against a
// misdetected period such as 1900-2099.
const maxPeriodYears = 12

// planYears are the years a plan's period covers, or its filing year.
func planYears(d corpus.Document) []string {
	from, to := d.PeriodStart, d.PeriodEnd
	if from == 0 || to < from || to-from >= maxPeriodYears {
		if y := d.Year(); y > 0 {
			return []string{strconv.Itoa(y)}
		}
		return nil
	}
	out := make([]string, 0, to-from+1)
	for y := from; y <= to; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

func passageDoc(docID string, p corpus.Passage) map[string]any {
	tags, _ := json.Marshal(p.Tags)
	return map[string]any{
		FieldDocID:    docID,
		FieldText:     p.Text,
		FieldExact:    p.Text,
		FieldHeadings: strings.Join(p.Headings, "\n"),
		FieldOrdinal:  float64(p.Ordinal),
		FieldPageFrom: float64(p.PageFrom),
		FieldPageTo:   float64(p.PageTo),
		FieldVeld:     strconv.Itoa(p.Tags.Veld),
		FieldThema:    p.Tags.Themes,
		FieldTags:     string(tags),
	}
}

// planVelden are the velden any passage of a plan is tagged with.
func planVelden(passages []corpus.Passage) []string {
	var out []string
	seen := map[int]bool{}
	for _, p := range passages {
		if !seen[p.Tags.Veld] {
			seen[p.Tags.Veld] = true
			out = append(out, strconv.Itoa(p.Tags.Veld))
		}
	}
	return out
}

// planThemes is the union of the themes of a plan's passages.
func planThemes(passages []corpus.Passage) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range passages {
		for _, t := range p.Tags.Themes {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

// PlanMeta is what a result list shows of a plan, stored in the plan index
// so that a search needs no trip to the store.
type PlanMeta struct {
	Title       string            `json:"title"`
	Type        corpus.DocType    `json:"type"`
	PeriodStart int               `json:"period_start,omitempty"`
	PeriodEnd   int               `json:"period_end,omitempty"`
	Vastgesteld string            `json:"vastgesteld,omitempty"`
	Gemeenten   []corpus.Gemeente `json:"gemeenten"`
	Pages       int               `json:"pages"`
}

func metaJSON(d corpus.Document) []byte {
	b, _ := json.Marshal(PlanMeta{Title: d.Title, Type: d.Type, PeriodStart: d.PeriodStart,
		PeriodEnd: d.PeriodEnd, Vastgesteld: d.Vastgesteld, Gemeenten: d.Gemeenten, Pages: d.Pages})
	return b
}
