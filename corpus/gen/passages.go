package gen

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// PlanText is one generated plan as the store would hold it after ingest,
// made without laying out a PDF: the document, its passages with their
// headings, estimated pages and the truth tags, and a small file that
// stands in for the PDF.
type PlanText struct {
	Document corpus.Document
	Passages []corpus.Passage
	// File is a short deterministic text/plain stand-in for the original
	// file, unique per plan and seed, for corpus.Store.Add.
	File []byte
}

// TextTagVersion is the Tags.Version of passages from Texts: the tags are
// the generator's truth, not a tagger's guess.
const TextTagVersion = "gen-truth"

// textPageChars is about how many characters of body text fill a page;
// Texts uses it to estimate pages without a layout.
const textPageChars = 2600

// Texts yields plans plans of the corpus that Generate would write for
// seed, in plan order, with the same text, headings and tags as
// truth.jsonl but pages estimated from the text length (nothing is laid
// out, so it is some hundred times faster than Generate). A nil gm means
// the embedded register. Plans are built on all cores; stopping the loop
// or cancelling ctx stops the work.
func Texts(ctx context.Context, plans int, seed int64, gm *corpus.Gemeenten) (iter.Seq2[PlanText, error], error) {
	if plans < 1 || plans > MaxPlans {
		return nil, fmt.Errorf("%w: Plans is %d, want 1 to %d", ErrInvalidOptions, plans, MaxPlans)
	}
	if gm == nil {
		var err error
		if gm, err = corpus.LoadGemeenten(); err != nil {
			return nil, fmt.Errorf("load gemeenten: %w", err)
		}
	}
	specs, err := planSpecs(Options{Plans: plans, Seed: seed}, gm)
	if err != nil {
		return nil, fmt.Errorf("plan corpus: %w", err)
	}
	return func(yield func(PlanText, error) bool) {
		inOrder(ctx, "generate texts", len(specs), func(i int) PlanText { return planText(specs[i], seed) }, yield)
	}, nil
}

// inOrder runs build(i) for i < n on all cores and yields the results in
// order, with a bounded number in flight. When ctx is done it yields the
// error, wrapped with op, and stops; so it does when yield returns false.
// Builds already started finish before it returns.
func inOrder[T any](ctx context.Context, op string, n int, build func(int) T, yield func(T, error) bool) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	slots := make([]chan T, n)
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	next := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				slots[i] <- build(i)
			}
		})
	}
	defer wg.Wait()
	ahead := make(chan struct{}, 4*workers)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	defer close(stop)
	for i := range n {
		if err := ctx.Err(); err != nil {
			var zero T
			yield(zero, fmt.Errorf("%s: %w", op, err))
			return
		}
		v := <-slots[i]
		<-ahead
		if !yield(v, nil) {
			return
		}
	}
}

// planText builds one plan's model and turns its blocks into passages.
func planText(s *planSpec, seed int64) PlanText {
	m := buildModel(s)
	ps, pages := blockPassages(m)
	d := corpus.Document{
		Title: m.title, Type: s.typ, PeriodStart: s.start, PeriodEnd: s.end,
		Vastgesteld: s.vastgesteld.Format("2006-01-02"), Source: s.baseName() + ".txt",
		MediaType: "text/plain", Pages: pages, Status: corpus.StatusPublished,
		ExtractorVersion: TextTagVersion, Gemeenten: slices.Clone(s.gemeenten),
	}
	file := fmt.Sprintf("ivp gen text, seed %d, plan %d\n%s\n%s\n", seed, s.index, m.title, s.label())
	return PlanText{Document: d, Passages: ps, File: []byte(file)}
}

// blockPassages returns the passages of a plan in reading order with
// their heading paths, and the estimated page count: a cover, a page of
// contents, then the body at textPageChars a page, chapters on a new page
// where the plan's style says so.
func blockPassages(m *docModel) ([]corpus.Passage, int) {
	var out []corpus.Passage
	var path []string
	page, used := 3, 0
	for _, b := range m.blocks {
		var text string
		switch b.kind {
		case blockHeading:
			if b.level == 1 && m.style.chapterPage && used > 0 {
				page, used = page+used/textPageChars+1, 0
			}
			path = append(path[:min(len(path), b.level-1)], b.text)
			used += 80
			continue
		case blockTable:
			used += 60 * len(b.rows)
		case blockPara:
			text = b.text
		case blockBullets:
			text = listText(b)
		}
		from := page + used/textPageChars
		used += len(text)
		if text == "" {
			continue
		}
		out = append(out, corpus.Passage{
			Ordinal: len(out), PageFrom: from, PageTo: page + used/textPageChars,
			Headings: slices.Clone(path), Text: text,
			Tags: corpus.Tags{Veld: b.veld, Secondary: b.secondary, Themes: b.themes, Confidence: 1, Version: TextTagVersion},
		})
	}
	return out, page + used/textPageChars
}
