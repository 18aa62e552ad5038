package ingest

import (
	"errors"
	"fmt"
)

// Sentinel errors of Extract, checkable with errors.Is on the returned
// error. Each comes wrapped in an *Error that carries the reason shown to
// users.
var (
	// ErrUnsupported means the file is neither a PDF nor an HTML page.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrEmpty means the file has no bytes, or only white space.
	ErrEmpty = errors.New("empty file")
	// ErrDamaged means the PDF is broken or truncated beyond repair.
	ErrDamaged = errors.New("damaged file")
	// ErrEncrypted means the PDF cannot be read without a password.
	ErrEncrypted = errors.New("encrypted file")
	// ErrNoText means the file has no usable text (a scan without OCR).
	ErrNoText = errors.New("no text")
	// ErrTooLarge means the file exceeds Options.MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrTooManyPages means the PDF exceeds Options.MaxPages.
	ErrTooManyPages = errors.New("too many pages")
	// ErrPanic means the parser panicked on the file, or its worker
	// process crashed.
	ErrPanic = errors.New("parser panic")
	// ErrTimeout means extraction ran past Options.Timeout.
	ErrTimeout = errors.New("time limit exceeded")
	// ErrMemory means the worker process grew past Options.MemoryLimit.
	ErrMemory = errors.New("memory limit exceeded")
	// ErrOCRPages means the PDF has more pages without a text layer than
	// OCR reads in one file (OCROptions.MaxPages).
	ErrOCRPages = errors.New("too many pages for OCR")
)

// sentinels lists every sentinel of Extract, for errors.Is and for
// rebuilding a worker's error in the parent.
func sentinels() []error {
	return []error{ErrUnsupported, ErrEmpty, ErrDamaged, ErrEncrypted, ErrNoText,
		ErrTooLarge, ErrTooManyPages, ErrPanic, ErrTimeout, ErrMemory, ErrOCRPages}
}

// reasons are the short Dutch reasons shown to users, per sentinel.
var reasons = map[error]string{
	ErrUnsupported:  "geen PDF- of HTML-bestand",
	ErrEmpty:        "leeg bestand",
	ErrDamaged:      "beschadigde of afgebroken PDF",
	ErrEncrypted:    "versleuteld",
	ErrNoText:       "geen tekstlaag (gescand?)",
	ErrTooLarge:     "bestand te groot",
	ErrTooManyPages: "te veel pagina's",
	ErrPanic:        "interne fout bij het lezen",
	ErrTimeout:      "tijdslimiet overschreden",
	ErrMemory:       "geheugenlimiet overschreden",
	ErrOCRPages:     "te veel gescande pagina's voor OCR",
}

// Error is why a file could not be extracted.
type Error struct {
	Reason string // short Dutch reason shown to users
	Err    error  // wraps one of the sentinels and the underlying cause
	Pages  int    // pages of the file when known, e.g. for a scan without text
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err == nil {
		return e.Reason
	}
	return e.Reason + ": " + e.Err.Error()
}

// Unwrap returns the wrapped error, so errors.Is finds the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// fail builds the *Error for file name: sentinel kind, with an optional
// cause.
func fail(name string, kind, cause error) *Error {
	err := fmt.Errorf("extract %s: %w", name, kind)
	if cause != nil {
		err = fmt.Errorf("extract %s: %w: %w", name, kind, cause)
	}
	return &Error{Reason: reasons[kind], Err: err}
}
