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
	return nil
}
