package ui

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/ccv/ivp/corpus"
)

// Limits on the text fields of a multipart form.
const (
	maxFieldBytes = 64 << 10
	maxFields     = 64
	formSlack     = 256 << 10 // bytes the text fields and part headers may add to the file
)

// upload is a multipart form read as a stream: its text fields and at most
// one file, spooled to a temporary file that close removes. A complete
// upload holds an extraction slot until close.
type upload struct {
	values  url.Values
	tooLong []string // fields longer than maxFieldBytes, left out of values
	file    *os.File // nil when no file was sent
	name    string   // the client's file name: a label, never a path
	release func()   // gives the extraction slot back; nil without one
}

// close removes the spooled file and gives the extraction slot back.
func (u *upload) close() {
	if u == nil {
		return
	}
	if u.file != nil {
		u.file.Close()
		os.Remove(u.file.Name())
	}
	if u.release != nil {
		u.release()
		u.release = nil
	}
}

// Errors of readUpload; the handlers turn them into a form with a message.
var (
	errUploadTooLarge  = errors.New("upload too large")
	errUploadType      = errors.New("upload is not a PDF or HTML file")
	errUploadMalformed = errors.New("malformed form")
)

// readUpload reads a multipart form whose first field must be the CSRF
// token, which check verifies before anything else is read. The body may
// not exceed MaxUploadBytes plus a little for the fields: the limit holds
// while the body streams in, so an oversized upload is refused without
// being read to its end; nor may it stall (see uploadDeadlines). A file
// must look like a PDF or an HTML page by its first bytes and is spooled
// to disk as it arrives. A complete upload takes an extraction slot, which
// close gives back; when none is free the upload is refused with errBusy.
// On error the fields read so far are returned.
func (h *handler) readUpload(c *gin.Context, check func(token string) error) (*upload, error) {
	arrived := h.uploadDeadlines(c)
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, h.opts.MaxUploadBytes+formSlack)
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUploadMalformed, err)
	}
	u := &upload{values: url.Values{}}
	if err := h.readToken(mr, check); err != nil {
		return u, err
	}
	if err := h.readParts(u, mr); err != nil {
		return u, err
	}
	arrived()
	if u.release = h.extracting.take(); u.release == nil {
		return u, errBusy
	}
	return u, nil
}

// readParts reads the fields and the file after the token into u.
func (h *handler) readParts(u *upload, mr *multipart.Reader) error {
	var wrongType error
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return wrongType
		}
		if err == nil && n >= maxFields {
			err = errors.New("too many fields")
		}
		if err == nil {
			err = h.readPart(u, part)
		}
		if errors.Is(err, errUploadType) && wrongType == nil {
			// Read on, so the fields after the file come back filled in;
			// Close skips the rest of the file, within the body limit.
			wrongType, err = err, nil
		}
		if err != nil {
			// No Close: it would read the rest of an oversized part.
			return uploadError(err)
		}
		part.Close()
	}
}

// readToken reads the first part, which must be the CSRF token, and checks it.
func (h *handler) readToken(mr *multipart.Reader, check func(string) error) error {
	part, err := mr.NextPart()
	if err != nil {
		return uploadError(err)
	}
	defer part.Close()
	if part.FormName() != csrfField || part.FileName() != "" {
		return errCSRF
	}
	token, err := io.ReadAll(io.LimitReader(part, 256))
	if err != nil {
		return uploadError(err)
	}
	return check(string(token))
}

// readPart reads one text field or the file into u.
func (h *handler) readPart(u *upload, part *multipart.Part) error {
	name := part.FormName()
	if part.FileName() == "" {
		v, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
		if err != nil {
			return err
		}
		if len(v) > maxFieldBytes {
			// Left out, and said so next to the field; the caller's
			// Close skips the rest of it, within the body limit.
			u.tooLong = append(u.tooLong, name)
			return nil
		}
		u.values.Add(name, string(v))
		return nil
	}
	if u.file != nil {
		return fmt.Errorf("%w: more than one file", errUploadMalformed)
	}
	return h.spool(u, part)
}

// spool checks the first bytes of the file and copies it to a temporary
// file, refusing it once it passes MaxUploadBytes. An empty file part (no
// file chosen) is skipped.
func (h *handler) spool(u *upload, part *multipart.Part) error {
	head := make([]byte, corpus.SniffLen)
	n, err := io.ReadFull(part, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	if n == 0 {
		return nil
	}
	u.name = baseName(part.FileName())
	if sniff(head[:n]) == "" {
		return errUploadType
	}
	f, err := os.CreateTemp("", "ivp-upload-*")
	if err != nil {
		return fmt.Errorf("spool upload: %w", err)
	}
	u.file = f
	max := h.opts.MaxUploadBytes
	if _, err := f.Write(head[:n]); err != nil {
		return fmt.Errorf("spool upload: %w", err)
	}
	rest, err := io.Copy(f, io.LimitReader(part, max-int64(n)+1))
	if err != nil {
		return err
	}
	if int64(n)+rest > max {
		return errUploadTooLarge
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool upload: %w", err)
	}
	return nil
}

// sniff returns the media type of a file by its first bytes, if it is
// one we take: a PDF or an HTML page, by the rule ingest uses.
func sniff(head []byte) string {
	switch t := corpus.SniffMedia(head); t {
	case corpus.MediaPDF, corpus.MediaHTML:
		return t
	}
	return ""
}

// baseName is the last element of a client's file name, for display only.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// uploadError classifies an error met while reading the body.
func uploadError(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe), errors.Is(err, errUploadTooLarge):
		return errUploadTooLarge
	case errors.Is(err, errUploadType), errors.Is(err, errUploadMalformed), errors.Is(err, errCSRF):
		return err
	}
	return fmt.Errorf("%w: %v", errUploadMalformed, err)
}

// sizeLimit says a size limit the way it was set: "50 MB" for 50 << 20.
func sizeLimit(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return getal(n>>20) + " MB"
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return getal(n>>10) + " kB"
	}
	return grootte(n)
}
