package gen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/ccv/ivp/corpus"
)

// Generate writes o.Plans sample plans and truth.jsonl into o.Out. A nil gm
// means the embedded register (corpus.LoadGemeenten). Plans are laid out
// in parallel; the result does not depend on the number of workers.
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
	plans, err := writePlans(ctx, o.Out, specs)
	if err != nil {
		return Summary{}, err
	}
	return writeTruth(o.Out, plans)
}

// writePlans builds, lays out and writes every plan, on up to GOMAXPROCS
// workers. It stops at the first error or when ctx is done.
func writePlans(ctx context.Context, dir string, specs []*planSpec) ([]TruthPlan, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	plans := make([]TruthPlan, len(specs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(specs)) {
		wg.Go(func() {
			for i := range jobs {
				p, err := writePlan(dir, specs[i])
				if err != nil {
					cancel(err)
					continue
				}
				plans[i] = p
			}
		})
	}
feed:
	for i := range specs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return plans, nil
}

// writePlan builds, lays out and writes one plan. A panic, which would
// otherwise end the process from a worker, becomes the plan's error.
func writePlan(dir string, s *planSpec) (t TruthPlan, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("generate %s: panic: %v", s.fileName(), r)
		}
	}()
	m := buildModel(s)
	pdf, ps, pages, err := renderPlan(m)
	if err != nil {
		return TruthPlan{}, err
	}
	path := filepath.Join(dir, s.fileName())
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		return TruthPlan{}, fmt.Errorf("write %s: %w", path, err)
	}
	return truthPlan(m, pdf, pages, ps), nil
}

// writeTruth writes truth.jsonl and sums up the corpus.
func writeTruth(dir string, plans []TruthPlan) (Summary, error) {
	data, err := encodeTruth(plans)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Plans: len(plans), Truth: filepath.Join(dir, TruthFile), Bytes: int64(len(data))}
	if err := os.WriteFile(sum.Truth, data, 0o644); err != nil {
		return Summary{}, fmt.Errorf("write %s: %w", sum.Truth, err)
	}
	for _, p := range plans {
		sum.Pages += p.Pages
		sum.Bytes += p.Bytes
		sum.Files = append(sum.Files, filepath.Join(dir, p.File))
	}
	return sum, nil
}
