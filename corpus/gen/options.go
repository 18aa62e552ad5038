package gen

import (
	"errors"
	"fmt"
)

// Defaults used by `make run`.
const (
	DefaultPlans = 60
	DefaultSeed  = 1
)

// MaxPlans is the largest corpus Generate writes. File names carry the
// plan number with at least four digits.
const MaxPlans = 99999

// Formats Generate writes.
const (
	FormatPDF  = "pdf"  // one PDF per plan (the default)
	FormatHTML = "html" // one HTML page per plan, as a municipal regulation page
	FormatBoth = "both" // both, with the same text
)

// ErrInvalidOptions is wrapped by every error Validate returns.
var ErrInvalidOptions = errors.New("invalid generator options")

// Options say where the sample corpus goes, how large it is and which seed
// drives it.
type Options struct {
	// Out is the directory the PDFs and truth.jsonl are written to. It is
	// created when missing; files of an earlier run with other names are
	// left alone. Required.
	Out string
	// Plans is the number of plans, 1 to MaxPlans. `make run` uses
	// DefaultPlans (60), the end-to-end tests 5.
	Plans int
	// Seed drives every choice. The same Options give byte-identical files;
	// any value is valid, 0 included. DefaultSeed is 1.
	Seed int64
	// Format is FormatPDF, FormatHTML or FormatBoth; empty means FormatPDF.
	Format string
}

// Validate reports options Generate cannot use.
func (o Options) Validate() error {
	if o.Out == "" {
		return fmt.Errorf("%w: Out is empty", ErrInvalidOptions)
	}
	if o.Plans < 1 || o.Plans > MaxPlans {
		return fmt.Errorf("%w: Plans is %d, want 1 to %d", ErrInvalidOptions, o.Plans, MaxPlans)
	}
	switch o.Format {
	case "", FormatPDF, FormatHTML, FormatBoth:
	default:
		return fmt.Errorf("%w: Format is %q, want pdf, html or both", ErrInvalidOptions, o.Format)
	}
	return nil
}

func (o Options) pdf() bool  { return o.Format != FormatHTML }
func (o Options) html() bool { return o.Format == FormatHTML || o.Format == FormatBoth }

// Summary reports what Generate wrote.
type Summary struct {
	Plans    int      // plans written
	Pages    int      // pages over all PDFs
	Passages int      // passages in truth.jsonl
	Bytes    int64    // bytes over all files written
	Files    []string // paths of the files (PDF, or HTML when only HTML is written), in plan order
	Truth    string   // path of truth.jsonl
}
