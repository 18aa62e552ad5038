package ingest

import (
	"fmt"
	"time"
)

// Options are the limits of the extractor and how it runs.
type Options struct {
	// MaxFileSize is the largest file accepted, in bytes; default 100 MB.
	MaxFileSize int64
	// MaxPages is the largest number of PDF pages accepted; default 2000.
	MaxPages int
	// Timeout bounds the extraction of one file; default 60 s. In a worker
	// process it is enforced by killing the process; in-process it is
	// checked between pages only, so a hang in the PDF library outlives it.
	Timeout time.Duration
	// MemoryLimit bounds the memory of a worker process in bytes; default
	// 1 GiB. The worker sets it as its Go memory limit and is killed when
	// its resident size exceeds it. It has no effect without Worker.
	MemoryLimit int64
	// Worker, when not empty, is the command (program and arguments) of a
	// worker process that runs one extraction: Extract starts it for every
	// file, sends the file on its stdin and reads the result from its
	// stdout. The program must call ServeWorker. Empty: extract in-process.
	Worker []string
	// Fallback, when not empty, is the path of poppler's pdftotext: a PDF
	// the extractor refuses (damaged, encrypted, no text, a crash or a
	// limit) is tried with it under the same time limit, and a result is
	// marked with ExtractorVersion + "+pdftotext". Empty: off, the default.
	Fallback string
	// OCR reads the pages of a PDF that have no text layer (see
	// OCROptions); off unless its program paths are set.
	OCR OCROptions
}

// OCROptions say whether and how pages without a text layer are read by
// OCR: rendered with poppler's pdftoppm and recognised with Tesseract, in
// the extraction (the worker process, with its limits, when Worker is set).
type OCROptions struct {
	// Pdftoppm and Tesseract are the paths of the programs; OCR is on when
	// both are set.
	Pdftoppm, Tesseract string
	// Off says in Dutch why OCR is off ("tesseract ontbreekt"), for the
	// reason a scan is refused with; "" when it is on or nothing is known.
	Off string
	// MaxPages is the most pages of one file read by OCR; default 50. A
	// file with more pages without text is refused with that reason, unless
	// its text layer is enough without them.
	MaxPages int
	// PageTimeout is the time limit of one page; default 60 s. Each page
	// that needs OCR adds it to the file's Timeout; a page past it is left
	// without text, with its reason.
	PageTimeout time.Duration
	// DPI is the resolution pages are rendered at; default 300. Large pages
	// get less, down to 150 dpi, to stay within 60 million pixels; larger
	// ones are left without text.
	DPI int
	// Jobs is how many pages are read at once; default 2.
	Jobs int
	// Reread is a page read again on a curator's request, with more
	// effort: at RereadDPI, its orientation always asked; 0 for none.
	Reread int
}

// RereadDPI is the resolution a page is read again at.
const RereadDPI = 400

// on reports whether OCR is configured.
func (o OCROptions) on() bool { return o.Pdftoppm != "" && o.Tesseract != "" }

// withDefaults fills zero fields with their defaults.
func (o OCROptions) withDefaults() OCROptions {
	if o.MaxPages == 0 {
		o.MaxPages = 50
	}
	if o.PageTimeout == 0 {
		o.PageTimeout = 60 * time.Second
	}
	if o.DPI == 0 {
		o.DPI = 300
	}
	if o.Jobs == 0 {
		o.Jobs = 2
	}
	return o
}

// validate reports OCR options that cannot work.
func (o OCROptions) validate() error {
	switch {
	case o.MaxPages < 0:
		return fmt.Errorf("ingest options: OCR.MaxPages %d is negative", o.MaxPages)
	case o.PageTimeout < 0:
		return fmt.Errorf("ingest options: OCR.PageTimeout %v is negative", o.PageTimeout)
	case o.DPI != 0 && (o.DPI < 72 || o.DPI > 600):
		return fmt.Errorf("ingest options: OCR.DPI %d is outside 72-600", o.DPI)
	case o.Jobs < 0:
		return fmt.Errorf("ingest options: OCR.Jobs %d is negative", o.Jobs)
	}
	return nil
}

// DefaultOptions returns the default limits, extracting in-process.
func DefaultOptions() Options {
	return Options{MaxFileSize: 100 << 20, MaxPages: 2000, Timeout: 60 * time.Second, MemoryLimit: 1 << 30}
}

// withDefaults fills zero fields with their defaults.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxFileSize == 0 {
		o.MaxFileSize = d.MaxFileSize
	}
	if o.MaxPages == 0 {
		o.MaxPages = d.MaxPages
	}
	if o.Timeout == 0 {
		o.Timeout = d.Timeout
	}
	if o.MemoryLimit == 0 {
		o.MemoryLimit = d.MemoryLimit
	}
	o.OCR = o.OCR.withDefaults()
	return o
}

// Validate reports options that cannot work. Zero fields are valid: they
// take their defaults.
func (o Options) Validate() error {
	switch {
	case o.MaxFileSize < 0:
		return fmt.Errorf("ingest options: MaxFileSize %d is negative", o.MaxFileSize)
	case o.MaxPages < 0:
		return fmt.Errorf("ingest options: MaxPages %d is negative", o.MaxPages)
	case o.Timeout < 0:
		return fmt.Errorf("ingest options: Timeout %v is negative", o.Timeout)
	case o.MemoryLimit < 0:
		return fmt.Errorf("ingest options: MemoryLimit %d is negative", o.MemoryLimit)
	case o.MemoryLimit > 0 && o.MemoryLimit < 64<<20:
		return fmt.Errorf("ingest options: MemoryLimit %d is below 64 MiB", o.MemoryLimit)
	case len(o.Worker) > 0 && o.Worker[0] == "":
		return fmt.Errorf("ingest options: Worker has no program")
	}
	return o.OCR.validate()
}
