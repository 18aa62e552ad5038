package gen

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ccv/ivp/corpus"
)

// Generate writes o.Plans sample plans and truth.jsonl into o.Out. A nil gm
// means the embedded register (corpus.LoadGemeenten). Plans are laid out
// in parallel and streamed to disk: truth.jsonl is written in plan order
// as plans finish, so memory stays bounded however many plans there are.
// The result does not depend on the number of workers.
func Generate(ctx context.Context, o Options, gm *corpus.Gemeenten) (Summary, error) {
	if err := o.Validate(); err != nil {
		return Summary{}, err
	}
	if gm == nil {
		var err error
		if gm, err = corpus.LoadGemeenten(); err != nil {
			return Summary{}, fmt.Errorf("load gemeenten: %w", err)
		}
	}
	specs, err := planSpecs(o, gm)
	if err != nil {
		return Summary{}, fmt.Errorf("plan corpus: %w", err)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return Summary{}, fmt.Errorf("create %s: %w", o.Out, err)
	}
	tw, err := newTruthWriter(o.Out)
	if err != nil {
		return Summary{}, err
	}
	err = writePlans(ctx, o, specs, tw)
	if cerr := tw.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Summary{}, err
	}
	return tw.sum, nil
}

// result is one finished plan, or the error that stopped it.
type result struct {
	plan  TruthPlan
	files []string
	bytes int64
	err   error
}

// writePlans builds, lays out and writes every plan on up to GOMAXPROCS
// workers, and hands the results to tw in plan order. A bounded number of
// plans is in flight, which bounds memory. It stops at the first error or
// when ctx is done.
func writePlans(ctx context.Context, o Options, specs []*planSpec, tw *truthWriter) error {
	var err error
	build := func(i int) result { return writePlan(o, specs[i]) }
	inOrder(ctx, "generate", len(specs), build, func(r result, yerr error) bool {
		err = yerr
		if err == nil {
			err = r.err
		}
		if err == nil {
			err = tw.write(r)
		}
		return err == nil
	})
	return err
}

// writePlan builds, lays out and writes one plan. A panic, which would
// otherwise end the process from a worker, becomes the plan's error.
func writePlan(o Options, s *planSpec) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("generate %s: panic: %v", s.baseName(), p)
		}
	}()
	m := buildModel(s)
	pdf, ps, pages, err := renderPlan(m)
	if err != nil {
		r.err = err
		return r
	}
	r.plan = truthPlan(m, pages, ps)
	if o.pdf() {
		r.err = r.add(o.Out, s.fileName(), pdf)
		r.plan.setPDF(s.fileName(), pdf)
	}
	if o.html() && r.err == nil {
		page := renderHTML(m)
		r.err = r.add(o.Out, s.baseName()+".html", page)
		r.plan.setHTML(s.baseName()+".html", page, !o.pdf())
	}
	return r
}

// add writes one file of a plan.
func (r *result) add(dir, name string, data []byte) error {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	r.files = append(r.files, path)
	r.bytes += int64(len(data))
	return nil
}

// truthWriter streams truth.jsonl and sums up the corpus.
type truthWriter struct {
	f   *os.File
	w   *bufio.Writer
	enc *json.Encoder
	sum Summary
}

func newTruthWriter(dir string) (*truthWriter, error) {
	path := filepath.Join(dir, TruthFile)
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &truthWriter{f: f, w: w, enc: enc, sum: Summary{Truth: path}}, nil
}

// write appends one plan's line; the Summary lists its first file.
func (t *truthWriter) write(r result) error {
	if err := t.enc.Encode(r.plan); err != nil {
		return fmt.Errorf("encode truth %s: %w", r.plan.File, err)
	}
	t.sum.Plans++
	t.sum.Pages += r.plan.Pages
	t.sum.Passages += len(r.plan.Passages)
	t.sum.Bytes += r.bytes
	t.sum.Files = append(t.sum.Files, r.files[0])
	return nil
}

func (t *truthWriter) close() error {
	err := t.w.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", t.sum.Truth, err)
	}
	st, err := os.Stat(t.sum.Truth)
	if err != nil {
		return fmt.Errorf("stat %s: %w", t.sum.Truth, err)
	}
	t.sum.Bytes += st.Size()
	return nil
}
