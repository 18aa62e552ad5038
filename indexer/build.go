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
// Calls for one document run one after another.
//
// A search never finds the plan without its passages. Add writes one
// batch to the passage index and then one to the plan index: a View sees
// the old plan or the new one, and the old passages or the new ones, all
// of them. Passages the plan no longer has are taken out of that first
// batch's plan (their doc_id becomes retiredDocID) but stay readable by
// key, for a search that chose them before; they are deleted once every
// View that began before the change has returned. Remove deletes the plan
// first, and its passages likewise after those Views.
func (ix *Indexer) Add(ctx context.Context, d corpus.Document, passages []corpus.Passage) error {
	unlock, err := ix.docs.Lock(ctx, d.ID)
	if err != nil {
		return fmt.Errorf("index document %d: %w", d.ID, err)
	}
	defer unlock()
	ix.writers.RLock()
	defer ix.writers.RUnlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return ErrClosed
	}
	ix.touch(d.ID)
	err = ix.update(ix.gen, d, passages)
	ix.edits.Add(1)
	return err
}

// Remove takes a document out of the serving generation, as Add of a
// document that is not published.
func (ix *Indexer) Remove(ctx context.Context, id int64) error {
	return ix.Add(ctx, corpus.Document{ID: id}, nil)
}

// retiredDocID is the doc_id of passages on their way out: no plan has it,
// so no search finds them as a plan's passages any more.
const retiredDocID = "-"

// update makes the serving generation g hold d and its passages when d
// is published, and nothing of d otherwise, in the order Add describes.
func (ix *Indexer) update(g *generation, d corpus.Document, passages []corpus.Passage) error {
	b := ix.newBatch(g)
	gone, err := b.put(d, passages)
	if err == nil && d.Status == corpus.StatusPublished && len(gone) > 0 {
		err = retire(g, b.passages, gone)
	}
	if err == nil {
		err = b.write()
	}
	if err == nil {
		err = deleteLater(g, gone, ix.readers.wait)
	}
	if err != nil {
		return fmt.Errorf("index document %d: %w", d.ID, err)
	}
	return nil
}

// retire adds to b the passages keys as they are stored, under
// retiredDocID.
func retire(g *generation, b *bleve.Batch, keys []string) error {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(keys), len(keys), 0, false)
	req.Fields = []string{FieldText, FieldHeadings, FieldOrdinal, FieldPageFrom, FieldPageTo, FieldTags}
	res, err := g.passages.Search(req)
	if err != nil {
		return err
	}
	for _, h := range res.Hits {
		b.Index(h.ID, passageDoc(retiredDocID, storedPassage(h.Fields)))
	}
	return nil
}

// storedPassage is the passage whose stored fields are f.
func storedPassage(f map[string]any) corpus.Passage {
	num := func(name string) int { v, _ := f[name].(float64); return int(v) }
	p := corpus.Passage{Ordinal: num(FieldOrdinal), PageFrom: num(FieldPageFrom), PageTo: num(FieldPageTo)}
	p.Text, _ = f[FieldText].(string)
	if h, _ := f[FieldHeadings].(string); h != "" {
		p.Headings = strings.Split(h, "\n")
	}
	if t, ok := f[FieldTags].(string); ok {
		json.Unmarshal([]byte(t), &p.Tags)
	}
	return p
}

// purgeRetired deletes the passages that a process stopped in the middle
// of an update left under retiredDocID.
func purgeRetired(g *generation) error {
	keys, err := passageKeys(g, retiredDocID)
	if err == nil {
		err = deleteLater(g, keys, nil)
	}
	if err != nil {
		return fmt.Errorf("purge retired passages: %w", err)
	}
	return nil
}

// deleteLater deletes the passages keys from g once waitReaders (when
// not nil) returns.
func deleteLater(g *generation, keys []string, waitReaders func()) error {
	if len(keys) == 0 {
		return nil
	}
	if waitReaders != nil {
		waitReaders()
	}
	b := g.passages.NewBatch()
	for _, k := range keys {
		b.Delete(k)
	}
	if err := g.passages.Batch(b); err != nil {
		return fmt.Errorf("unindex passages %s…: %w", keys[0], err)
	}
	return nil
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

// passageKeys are the keys of the passages g holds for the plan key.
func passageKeys(g *generation, key string) ([]string, error) {
	q := bleve.NewTermQuery(key)
	q.SetField(FieldDocID)
	res, err := g.passages.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil || res.Total == 0 {
		return nil, err
	}
	res, err = g.passages.Search(bleve.NewSearchRequestOptions(q, int(res.Total), 0, false))
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		keys[i] = h.ID
	}
	return keys, nil
}

// batch collects plans and passages for one generation.
type batch struct {
	g        *generation
	inwoners *corpus.Inwoners
	plans    *bleve.Batch
	passages *bleve.Batch
	n        int
	keys     map[string]bool // the passage keys added since put began collecting them
}

func (ix *Indexer) newBatch(g *generation) *batch {
	return &batch{g: g, inwoners: ix.inwoners, plans: g.plans.NewBatch(), passages: g.passages.NewBatch()}
}

// put adds d and its passages to b when d is published, else the
// deletion of its plan, and returns the keys of the passages g holds for
// d that d no longer has.
func (b *batch) put(d corpus.Document, passages []corpus.Passage) ([]string, error) {
	key := strconv.FormatInt(d.ID, 10)
	old, err := passageKeys(b.g, key)
	if err != nil {
		return nil, err
	}
	if b.keys == nil {
		b.keys = map[string]bool{}
	}
	if d.Status == corpus.StatusPublished {
		b.add(d, passages)
	} else {
		b.plans.Delete(key)
	}
	var gone []string
	for _, k := range old {
		if !b.keys[k] {
			gone = append(gone, k)
		}
	}
	return gone, nil
}

func (b *batch) add(d corpus.Document, passages []corpus.Passage) {
	key := strconv.FormatInt(d.ID, 10)
	doc := planDoc(d, passages)
	if k, ok := b.inwoners.PlanKlasse(d.GemeenteCodes()...); ok {
		doc[FieldKlasse] = k.Key()
	}
	b.plans.Index(key, doc)
	for _, p := range passages {
		k := passageKey(key, p.Ordinal)
		b.passages.Index(k, passageDoc(key, p))
		if b.keys != nil {
			b.keys[k] = true
		}
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

// write writes the collected passages and then the plans, one batch per
// index, so that a plan is never found before its passages can be.
func (b *batch) write() error {
	if b.passages.Size() > 0 {
		if err := b.g.passages.Batch(b.passages); err != nil {
			return fmt.Errorf("index passages: %w", err)
		}
	}
	if b.plans.Size() > 0 {
		if err := b.g.plans.Batch(b.plans); err != nil {
			return fmt.Errorf("index plans: %w", err)
		}
	}
	b.plans.Reset()
	b.passages.Reset()
	b.n, b.keys = 0, nil
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
