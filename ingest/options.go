package ingest

import "fmt"

// Options are the limits of the extractor.
type Options struct {
	// MaxFileSize is the largest file accepted, in bytes; default 100 MB.
	MaxFileSize int64
	// MaxPages is the largest number of PDF pages accepted; default 2000.
	MaxPages int
}

// DefaultOptions returns the default limits.
func DefaultOptions() Options {
	return Options{MaxFileSize: 100 << 20, MaxPages: 2000}
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
	return o
}

// Validate reports options that cannot work. Zero fields are valid: they
// take their defaults.
func (o Options) Validate() error {
	if o.MaxFileSize < 0 {
		return fmt.Errorf("ingest options: MaxFileSize %d is negative", o.MaxFileSize)
	}
	if o.MaxPages < 0 {
		return fmt.Errorf("ingest options: MaxPages %d is negative", o.MaxPages)
	}
	return nil
}
