package pdf

import (
	"errors"
	"fmt"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// Errors returned by Open and Reader.Page, checkable with errors.Is.
var (
	// ErrDamaged means the file is not a readable PDF: no header, truncated,
	// or a structure that even the repairs could not make sense of.
	ErrDamaged = errors.New("damaged PDF")
	// ErrEncrypted means the file is encrypted and cannot be opened with an
	// empty user password, or uses an encryption the library cannot read.
	ErrEncrypted = errors.New("encrypted PDF")
	// ErrTooManyPages means the page tree holds more pages than allowed.
	ErrTooManyPages = errors.New("too many pages")
	// ErrPanic means the PDF library panicked on the file or page.
	ErrPanic = errors.New("PDF library panic")
)

// Reader reads the pages of one opened PDF.
type Reader struct {
	pages []lpdf.Page // they keep the library's reader alive
	title string      // the Info dictionary's /Title
}

// Open parses data as a PDF and walks its page tree. maxPages bounds the
// number of pages; more give ErrTooManyPages. When the file does not open
// as it is, or its page tree cannot be read, Open tries again with a
// rebuilt cross-reference table. A panic in the library is returned as
// ErrPanic.
func Open(data []byte, maxPages int) (*Reader, error) {
	body, err := fixHeader(data)
	if err != nil {
		return nil, err
	}
	head, rest := []byte(goodHeader), body[len(goodHeader):]
	first := fmt.Errorf("%w: unsafe cross-reference chain", ErrDamaged)
	if !unsafeXref(body) {
		trimmed, _ := trimTail(rest)
		rd, err := load(newView(head, trimmed), maxPages)
		if errors.Is(err, ErrEncrypted) {
			rd, err = openDecrypted(body, maxPages, err)
		}
		if err == nil || errors.Is(err, ErrEncrypted) || errors.Is(err, ErrTooManyPages) {
			return rd, err
		}
		first = err
	}
	tail, err := rebuildXref(body)
	if err != nil {
		return nil, fmt.Errorf("%w; repair: %v", first, err)
	}
	rd, err := load(newView(head, rest, tail), maxPages)
	if err != nil {
		return nil, fmt.Errorf("%v; after repair: %w", first, err)
	}
	return rd, nil
}

// load opens a PDF and walks its page tree.
func load(v *view, maxPages int) (rd *Reader, err error) {
	defer recoverAs(&err, "open")
	r, err := lpdf.NewReader(v, v.size)
	if err != nil {
		if isEncryption(err) {
			return nil, fmt.Errorf("%w: %w", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if err := checkCipher(r); err != nil {
		return nil, err
	}
	pages, err := walkPages(r, maxPages)
	if err != nil {
		return nil, err
	}
	return &Reader{pages: pages, title: infoTitle(r)}, nil
}

// isEncryption reports whether an Open error comes from the encryption
// handling: a wrong password, or an unsupported or malformed handler.
func isEncryption(err error) bool {
	if errors.Is(err, lpdf.ErrInvalidPassword) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "encrypt") || strings.Contains(msg, "missing ID in trailer")
}

// checkCipher refuses RC4 keys shorter than 128 bits: the library opens
// such files with an empty password but derives wrong object keys, so every
// stream would fail to decode.
func checkCipher(r *lpdf.Reader) error {
	enc := r.Trailer().Key("Encrypt")
	if enc.IsNull() || enc.Key("V").Int64() == 4 {
		return nil
	}
	bits := enc.Key("Length").Int64()
	if bits == 0 {
		bits = 40
	}
	if bits < 128 {
		return fmt.Errorf("%w: %d-bit RC4 is not supported", ErrEncrypted, bits)
	}
	return nil
}

// NumPages returns the number of pages found in the page tree.
func (r *Reader) NumPages() int { return len(r.pages) }

// recoverAs turns a panic into ErrPanic on *err, naming the operation.
func recoverAs(err *error, op string) {
	if x := recover(); x != nil {
		*err = fmt.Errorf("%s: %w: %v", op, ErrPanic, x)
	}
}
