package search_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
	"github.com/ccv/ivp/ingest/tag"
)

// The fixed corpus of the relevance suite: relPlans generated plans of
// seed relSeed, ingested from their PDFs by the real pipeline, plus the
// hand-written documents of handdocs.tsv built from labels.tsv.
const (
	relSeed   = 6
	relPlans  = 70
	relDir    = "testdata/relevance"
	labelsTSV = "../ingest/tag/testdata/labels.tsv"
)

// relCorpus is the fixed corpus, stored and indexed.
type relCorpus struct {
	store  *corpus.Store
	ix     *indexer.Indexer
	keys   map[int64]string // store ID -> judgement key
	docs   []judgedDoc      // what the grader reads, one per plan
	digest string           // contentDigest of docs
}

// buildRelCorpus generates, ingests, stores and indexes the fixed corpus.
func buildRelCorpus(t *testing.T) *relCorpus {
	t.Helper()
	ctx := context.Background()
	out := t.TempDir()
	if _, err := gen.Generate(ctx, gen.Options{Out: out, Plans: relPlans, Seed: relSeed}, nil); err != nil {
		t.Fatalf("generate corpus: %v", err)
	}
	store, err := corpus.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	c := &relCorpus{store: store, keys: map[int64]string{}}
	if err := c.addGenerated(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := c.addHandWritten(ctx); err != nil {
		t.Fatal(err)
	}
	if c.digest, err = contentDigest(c.docs); err != nil {
		t.Fatal(err)
	}
	c.ix = indexOf(t, store)
	return c
}

// addGenerated ingests every generated PDF as 'ivp ingest' does and reads
// the truth the grader needs.
func (c *relCorpus) addGenerated(ctx context.Context, dir string) error {
	truth, err := readTruth(filepath.Join(dir, gen.TruthFile))
	if err != nil {
		return err
	}
	x, err := ingest.NewExtractor(ingest.DefaultOptions(), c.store.Gemeenten())
	if err != nil {
		return err
	}
	p := ingest.NewPipeline(c.store, x, nil)
	for _, tp := range truth {
		data, err := os.ReadFile(filepath.Join(dir, tp.File))
		if err != nil {
			return fmt.Errorf("ingest corpus: %w", err)
		}
		o := p.Ingest(ctx, tp.File, data)
		if o.Err != nil {
			return fmt.Errorf("ingest %s: %w", tp.File, o.Err)
		}
		c.keys[o.ID] = tp.File
		c.docs = append(c.docs, judgedTruth(tp))
	}
	return nil
}

// readTruth reads truth.jsonl.
func readTruth(path string) ([]gen.TruthPlan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read truth: %w", err)
	}
	defer f.Close()
	var out []gen.TruthPlan
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var tp gen.TruthPlan
		if err := json.Unmarshal(sc.Bytes(), &tp); err != nil {
			return nil, fmt.Errorf("read truth: %w", err)
		}
		out = append(out, tp)
	}
	return out, sc.Err()
}

// contentDigest names the corpus by what the grader reads (metadata,
// priorities, passage text and labels), so that a change of layout or
// page numbers alone keeps the judgements valid.
func contentDigest(docs []judgedDoc) (string, error) {
	b, err := json.Marshal(docs)
	if err != nil {
		return "", fmt.Errorf("corpus digest: %w", err)
	}
	sum := sha256.Sum256(b)
	return fmt.Sprintf("seed=%d plans=%d docs=%d content-sha256=%s", relSeed, relPlans, len(docs),
		hex.EncodeToString(sum[:8])), nil
}

func judgedTruth(tp gen.TruthPlan) judgedDoc {
	d := judgedDoc{Key: tp.File, Type: string(tp.Type), Gemeenten: tp.Namen,
		From: tp.PeriodStart, To: tp.PeriodEnd, Priorities: tp.Prioriteiten}
	for _, p := range tp.Passages {
		d.Passages = append(d.Passages, newJudgedPassage(p.Headings, p.Text, p.Veld, p.Themes))
	}
	return d
}

// handDoc is one line of handdocs.tsv with its labelled rows.
type handDoc struct {
	doc       corpus.Document
	passages  []corpus.Passage
	judged    judgedDoc
	gemeenten []string
}

// addHandWritten stores the hand-written documents, tagged by the real
// tagger, as the pipeline would have tagged them.
func (c *relCorpus) addHandWritten(ctx context.Context) error {
	docs, err := readHandDocs(c.store.Gemeenten())
	if err != nil {
		return err
	}
	tax, err := corpus.LoadTaxonomy("")
	if err != nil {
		return err
	}
	tg := tag.New(tax)
	for _, rd := range docs {
		ingest.TagPassages(tg, rd.passages)
		var text strings.Builder
		for _, p := range rd.passages {
			text.WriteString(p.Text + "\n")
		}
		id, _, err := c.store.Add(ctx, rd.doc, rd.passages, []byte(text.String()))
		if err != nil {
			return err
		}
		c.keys[id] = rd.doc.Source
		c.docs = append(c.docs, rd.judged)
	}
	return nil
}

// readHandDocs reads handdocs.tsv and the rows of labels.tsv.
func readHandDocs(gm *corpus.Gemeenten) ([]*handDoc, error) {
	meta, err := readTSV(filepath.Join(relDir, "handdocs.tsv"))
	if err != nil {
		return nil, err
	}
	byName := map[string]*handDoc{}
	var out []*handDoc
	for _, m := range meta {
		rd, err := newHandDoc(m, gm)
		if err != nil {
			return nil, err
		}
		byName[m[0]] = rd
		out = append(out, rd)
	}
	labels, err := readTSV(labelsTSV)
	if err != nil {
		return nil, err
	}
	for _, r := range labels {
		rd := byName[r[0]]
		if rd == nil {
			return nil, fmt.Errorf("labels.tsv: document %q is not in handdocs.tsv", r[0])
		}
		rd.addRow(r)
	}
	return out, nil
}

func newHandDoc(m []string, gm *corpus.Gemeenten) (*handDoc, error) {
	if len(m) != 7 {
		return nil, fmt.Errorf("handdocs.tsv: %d columns in %q, want 7", len(m), m[0])
	}
	d := corpus.Document{Title: m[1], Type: corpus.DocType(m[2]), Source: "labels/" + m[0],
		MediaType: "text/plain", Pages: 1, Status: corpus.StatusPublished}
	from, to, _ := strings.Cut(m[3], "-")
	d.PeriodStart, _ = strconv.Atoi(from)
	if d.PeriodEnd, _ = strconv.Atoi(to); d.PeriodEnd == 0 {
		d.PeriodEnd = d.PeriodStart
	}
	rd := &handDoc{}
	if m[4] != "-" {
		g, ok := gm.ByCode(m[4])
		if !ok {
			return nil, fmt.Errorf("handdocs.tsv: unknown gemeente %s", m[4])
		}
		d.Gemeenten = []corpus.Gemeente{g}
		rd.gemeenten = []string{g.Naam}
	}
	rd.doc = d
	rd.judged = judgedDoc{Key: d.Source, Type: m[2], Gemeenten: rd.gemeenten, From: d.PeriodStart,
		To: d.PeriodEnd, Priorities: list(m[5])}
	return rd, nil
}

// addRow adds a labels.tsv row: doc, headings, veld, secondary, themes,
// source, note, text.
func (rd *handDoc) addRow(r []string) {
	var headings []string
	if r[1] != "" {
		headings = strings.Split(r[1], " > ")
	}
	text := strings.ReplaceAll(r[7], `\n`, "\n")
	page := 1
	if _, p, ok := strings.Cut(r[5], " p."); ok {
		if n, err := strconv.Atoi(p); err == nil {
			page = n
		}
	}
	rd.doc.Pages = max(rd.doc.Pages, page)
	rd.passages = append(rd.passages, corpus.Passage{Ordinal: len(rd.passages), PageFrom: page, PageTo: page,
		Headings: headings, Text: text})
	veld, _ := strconv.Atoi(r[2])
	rd.judged.Passages = append(rd.judged.Passages, newJudgedPassage(headings, text, veld, list(r[4])))
}
