package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ccv/ivp/corpus"
)

// ExtractorVersion names the extraction rules; bump it whenever the
// extracted text, passages or metadata change, so stored documents can be
// re-extracted.
const ExtractorVersion = "ingest-4"

// Media types of the documents Extract accepts.
const (
	mediaPDF  = corpus.MediaPDF
	mediaHTML = corpus.MediaHTML
)

// Extractor turns the bytes of a PDF or HTML file into a document with
// passages. It holds no mutable state and is safe for concurrent use.
type Extractor struct {
	opts Options
	gm   *gemeenteMatcher
}

// NewExtractor returns an extractor with options o (zero fields take their
// defaults) that recognises the municipalities in gm.
func NewExtractor(o Options, gm *corpus.Gemeenten) (*Extractor, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if gm == nil {
		return nil, errors.New("new extractor: no gemeenten register")
	}
	return &Extractor{opts: o.withDefaults(), gm: newGemeenteMatcher(gm.Every())}, nil
}

// Extracted is the result of extracting one file.
type Extracted struct {
	Document  corpus.Document  // metadata; ID, Status and timestamps are left zero
	Passages  []corpus.Passage // in reading order; DocumentID and Tags are left zero
	PageTexts []string         // cleaned text per page
}

// Extract detects the type of data by its content (never by the name),
// extracts the text and splits it into passages. name is recorded as the
// document's source. Failures are returned as *Error wrapping one of the
// sentinels; a panic inside a parser becomes ErrPanic, a run past
// Options.Timeout ErrTimeout. With Options.Worker set the work runs in a
// worker process that is killed at the time limit (ErrTimeout) and held to
// the memory limit (ErrMemory); data is streamed to it, not copied.
// Cancelling ctx stops the work (between pages when in-process) and
// returns ctx's error.
func (x *Extractor) Extract(ctx context.Context, name string, data []byte) (*Extracted, error) {
	return x.run(ctx, name, input{data: data, size: int64(len(data))})
}

// ExtractFile is Extract of the file at path, e.g. an upload spooled to a
// temporary file. With Options.Worker set the worker process reads the file
// itself, so its bytes never pass through this process's memory;
// in-process, or for the pdftotext fallback, it is read here.
func (x *Extractor) ExtractFile(ctx context.Context, name, path string) (*Extracted, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	return x.run(ctx, name, input{path: path, size: st.Size()})
}

// input is what to extract: bytes in memory, or a file read only where
// the extraction runs.
type input struct {
	data []byte
	path string // set: the file to read; data is nil
	size int64
}

// bytes returns the input's bytes, reading the file when it is one.
func (in input) bytes() ([]byte, error) {
	if in.path == "" {
		return in.data, nil
	}
	return os.ReadFile(in.path)
}

// run is Extract and ExtractFile: the size check, the attempt and the
// fallback.
func (x *Extractor) run(ctx context.Context, name string, in input) (*Extracted, error) {
	if in.size > x.opts.MaxFileSize {
		return nil, fail(name, ErrTooLarge, fmt.Errorf("%d bytes, at most %d", in.size, x.opts.MaxFileSize))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	ex, err := x.attempt(ctx, name, in)
	if err != nil && ctx.Err() == nil && x.opts.Fallback != "" {
		data, rerr := in.bytes()
		if rerr != nil {
			return nil, err
		}
		return x.fallback(ctx, name, data, err)
	}
	return ex, err
}

// attempt is Extract under the time limit (extended for pages read by
// OCR, see budget), in a worker process or here.
func (x *Extractor) attempt(ctx context.Context, name string, in input) (*Extracted, error) {
	b := newBudget(ctx, x.opts.Timeout)
	defer b.stop()
	tctx := b.watch(ctx, x.opts.OCR.PageTimeout)
	var ex *Extracted
	var err error
	if len(x.opts.Worker) > 0 {
		ex, err = x.extractIsolated(tctx, name, in)
	} else {
		ex, err = x.extractInput(tctx, name, in)
	}
	if err != nil && ctx.Err() == nil && b.expired() {
		return nil, fail(name, ErrTimeout, fmt.Errorf("after %v", time.Since(b.start).Round(time.Second)))
	}
	return ex, err
}

// extractInput is extract of in, reading it first when it is a file.
func (x *Extractor) extractInput(ctx context.Context, name string, in input) (*Extracted, error) {
	data, err := in.bytes()
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	return x.extract(ctx, name, data)
}

// extract is Extract in this process.
func (x *Extractor) extract(ctx context.Context, name string, data []byte) (ex *Extracted, err error) {
	defer func() {
		if r := recover(); r != nil {
			ex, err = nil, fail(name, ErrPanic, fmt.Errorf("%v", r))
		}
	}()
	var doc *layout
	switch sniff(data) {
	case mediaPDF:
		doc, err = x.readPDF(ctx, name, data)
	case mediaHTML:
		doc, err = readHTML(name, data)
	case "":
		return nil, fail(name, ErrEmpty, nil)
	default:
		return nil, fail(name, ErrUnsupported, nil)
	}
	if err != nil {
		return nil, err
	}
	return x.finish(name, data, doc)
}

// finish cleans the layout, splits it into passages and fills in the
// document.
func (x *Extractor) finish(name string, data []byte, doc *layout) (*Extracted, error) {
	ex := &Extracted{PageTexts: doc.pageTexts()}
	ex.Passages = split(doc.blocks)
	if len(ex.Passages) == 0 {
		return nil, fail(name, ErrNoText, errors.New("no passages"))
	}
	sum := sha256.Sum256(data)
	ex.Document = corpus.Document{
		Source:           name,
		MediaType:        doc.media,
		SHA256:           hex.EncodeToString(sum[:]),
		Size:             int64(len(data)),
		Pages:            len(doc.pages),
		ExtractorVersion: ExtractorVersion,
	}
	x.detectMeta(&ex.Document, doc, ex.PageTexts, fileTitle(name))
	markOCR(ex, doc.ocr)
	return ex, nil
}

// sniff returns the media type of data by its content: "" for a file with
// only white space, "unknown" for anything that is not PDF or HTML. The
// rule is corpus.SniffMedia, which the upload forms use too.
func sniff(data []byte) string { return corpus.SniffMedia(data) }

// fileTitle makes a title from a file name: no directory, no extension,
// underscores as spaces.
func fileTitle(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.Join(strings.Fields(strings.NewReplacer("_", " ", "+", " ").Replace(base)), " ")
}
