package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/ccv/ivp/corpus"
)

// Submit takes a plan in from a municipality: it checks the form, reads
// the uploaded PDF or HTML file (or fetches the HTML page at in.URL), extracts and tags
// it, and stores it as a pending document with its submission, not
// indexed. The file is on disk before Submit returns. Problems come back
// as *corpus.FieldError values (joined), classified by ErrTooLarge,
// ErrUnsupportedType or ErrInvalid.
func (c *Curator) Submit(ctx context.Context, in corpus.SubmissionInput, file io.Reader) (corpus.Submission, error) {
	gms, err := c.checkInput(in)
	if err != nil {
		return corpus.Submission{}, err
	}
	data, source, field, err := c.readSubmission(ctx, in, file)
	if err != nil {
		return corpus.Submission{}, err
	}
	if _, err := c.store.IDBySHA256(ctx, corpus.Digest(data)); err == nil {
		return corpus.Submission{}, &corpus.FieldError{Field: field, Err: corpus.ErrDuplicate,
			Msg: "Dit plan is al eerder ingediend of staat al in de databank."}
	}
	return c.addSubmission(ctx, in, gms, data, source, field, file)
}

// addSubmission extracts a plan read by readSubmission and stores it as a
// pending document with its submission.
func (c *Curator) addSubmission(ctx context.Context, in corpus.SubmissionInput, gms []corpus.Gemeente,
	data []byte, source, field string, file io.Reader) (corpus.Submission, error) {
	ex, err := c.extractUpload(ctx, source, data, file, field)
	if err != nil {
		return corpus.Submission{}, err
	}
	if err := c.store.PutFile(data); err != nil { // on disk before any row refers to it
		return corpus.Submission{}, err
	}
	c.pause("submit:file-stored")
	sub := submissionOf(in, gms, ex, source)
	d := ex.Document
	d.SetMetadata(sub.Submitted)
	d.Vastgesteld = ex.Document.Vastgesteld
	return c.store.AddSubmission(ctx, d, ex.Passages, data, sub)
}

// submissionOf is the submission of an extracted plan: what the form says
// of it, what extraction found, and the contact.
func submissionOf(in corpus.SubmissionInput, gms []corpus.Gemeente, ex *Extracted, source string) corpus.Submission {
	submitted := corpus.Metadata{Title: ex.Document.Title, Type: in.Type, PeriodStart: in.PeriodStart,
		PeriodEnd: in.PeriodEnd, Gemeenten: gms}
	if submitted.PeriodEnd == 0 {
		submitted.PeriodEnd = submitted.PeriodStart
	}
	return corpus.Submission{Submitted: submitted, Detected: ex.Document.Metadata(), Source: source,
		ContactName: strings.TrimSpace(in.ContactName), ContactEmail: strings.TrimSpace(in.ContactEmail),
		Note: strings.TrimSpace(in.Note)}
}

// SubmissionByToken returns the submission with a public token.
func (c *Curator) SubmissionByToken(ctx context.Context, token string) (corpus.Submission, error) {
	return c.store.SubmissionByToken(ctx, token)
}

// ReplaceFile extracts a newer PDF or HTML file for a document, keeps the
// old one as a version and re-indexes the document when it is published.
func (c *Curator) ReplaceFile(ctx context.Context, u corpus.User, id int64, name string, file io.Reader) error {
	if !u.CanCurate() {
		return fmt.Errorf("%s: %w", corpus.ActionReplaceFile, corpus.ErrForbidden)
	}
	data, err := c.readUpload(file)
	if err != nil {
		return err
	}
	ex, err := c.extractUpload(ctx, safeName(name), data, file, corpus.FieldFile)
	if err != nil {
		return err
	}
	return c.change(ctx, u, corpus.ActionReplaceFile, id, func() (corpus.Change, error) {
		return c.store.ReplaceFile(ctx, u, id, ex.Document, ex.Passages, data)
	})
}

// extract runs the extractor and the tagger; a refusal becomes a
// FieldError on field with the Dutch reason.
func (c *Curator) extract(ctx context.Context, source string, data []byte, field string) (*Extracted, error) {
	return c.extractUpload(ctx, source, data, nil, field)
}

// extractUpload is extract of data read from file. When file is an upload
// spooled to disk, the extraction worker reads that file itself
// (Extractor.ExtractFile) instead of getting data through a pipe.
func (c *Curator) extractUpload(ctx context.Context, source string, data []byte, file io.Reader, field string) (*Extracted, error) {
	ex, err := c.readText(ctx, source, data, file, field)
	if err != nil {
		return nil, err
	}
	if err := c.p.tags.apply(ex); err != nil {
		return nil, err
	}
	return ex, nil
}

// readText is extractUpload without the tagging.
func (c *Curator) readText(ctx context.Context, source string, data []byte, file io.Reader, field string) (*Extracted, error) {
	var ex *Extracted
	var err error
	if f, ok := file.(*os.File); ok {
		ex, err = c.p.x.ExtractFile(ctx, source, f.Name())
	} else {
		ex, err = c.p.x.Extract(ctx, source, data)
	}
	switch {
	case errors.Is(err, ErrTooLarge):
		return nil, tooLarge(field, c.opts.MaxUploadSize)
	case errors.Is(err, ErrUnsupported):
		return nil, &corpus.FieldError{Field: field, Err: corpus.ErrUnsupportedType,
			Msg: "Dit is geen PDF- of HTML-bestand."}
	case err != nil && ctx.Err() != nil:
		return nil, err
	case errors.Is(err, ErrNoText) && sniff(data) == mediaHTML:
		return nil, fieldErr(field, "Op deze webpagina staat (bijna) geen tekst. Kies de pagina met het plan zelf, of het plan als PDF-bestand.")
	case err != nil:
		return nil, fieldErr(field, "Het plan kon niet worden gelezen: "+ReasonOf(err)+".")
	}
	return ex, nil
}

// readSubmission returns the bytes of the plan, its source label and the
// form field it came from.
func (c *Curator) readSubmission(ctx context.Context, in corpus.SubmissionInput, file io.Reader) ([]byte, string, string, error) {
	if strings.TrimSpace(in.URL) == "" {
		data, err := c.readUpload(file)
		return data, safeName(in.FileName), corpus.FieldFile, err
	}
	if file != nil {
		var one [1]byte
		if n, _ := io.ReadFull(file, one[:]); n > 0 {
			return nil, "", "", fieldErr(corpus.FieldURL, "Geef een bestand óf een adres, niet allebei.")
		}
	}
	u := strings.TrimSpace(in.URL)
	data, err := c.fetch(ctx, u)
	return data, u, corpus.FieldURL, err
}

// readUpload reads an uploaded file up to the size limit, refusing it as
// soon as it is too large or its first bytes show it is neither a PDF nor
// an HTML page (the rule of Extract, so an upload takes what ivp ingest
// takes).
func (c *Curator) readUpload(file io.Reader) ([]byte, error) {
	if file == nil {
		return nil, fieldErr(corpus.FieldFile, noFile)
	}
	head := make([]byte, corpus.SniffLen)
	n, err := io.ReadFull(file, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	head = head[:n]
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, fieldErr(corpus.FieldFile, noFile)
	}
	if kind := sniff(head); kind != mediaPDF && kind != mediaHTML {
		return nil, &corpus.FieldError{Field: corpus.FieldFile, Err: corpus.ErrUnsupportedType,
			Msg: "Dit bestand is geen PDF-bestand of HTML-pagina. Kies het plan als PDF of als opgeslagen webpagina (.html)."}
	}
	return c.readRest(head, file, corpus.FieldFile)
}

// noFile is the message for a form without a file or an address.
const noFile = "Kies een PDF- of HTML-bestand, of geef het adres van de webpagina met het plan."

// readRest reads r after head, refusing more than MaxUploadSize bytes.
func (c *Curator) readRest(head []byte, r io.Reader, field string) ([]byte, error) {
	max := c.opts.MaxUploadSize
	buf := bytes.NewBuffer(head)
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		// A spooled upload: read it in one allocation, not by doubling.
		if st, err := f.Stat(); err == nil && st.Size() <= max {
			buf.Grow(int(st.Size()) + bytes.MinRead)
		}
	}
	if _, err := io.Copy(buf, io.LimitReader(r, max-int64(len(head))+1)); err != nil {
		var mbe *http.MaxBytesError // the UI may cap the request body too
		if errors.As(err, &mbe) {
			return nil, tooLarge(field, max)
		}
		return nil, fmt.Errorf("read %s: %w", field, err)
	}
	if int64(buf.Len()) > max {
		return nil, tooLarge(field, max)
	}
	return buf.Bytes(), nil
}

func tooLarge(field string, max int64) *corpus.FieldError {
	return &corpus.FieldError{Field: field, Err: corpus.ErrTooLarge,
		Msg: fmt.Sprintf("Het bestand is groter dan %d MB.", max>>20)}
}

// safeName turns the client's file name into a label: the last path
// element, printable characters only, at most 200 of them.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return -1
	}, name)
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "" || name == "." || name == "/" {
		return "upload.pdf"
	}
	return name
}

// checkInput checks the form and returns the gemeenten it names.
func (c *Curator) checkInput(in corpus.SubmissionInput) ([]corpus.Gemeente, error) {
	var errs []error
	gms, err := c.gemeenten(in.Gemeenten)
	if err != nil {
		errs = append(errs, err)
	}
	if !validType(in.Type) {
		errs = append(errs, fieldErr(corpus.FieldType, "Kies een documenttype."))
	}
	if err := checkPeriod(in.PeriodStart, in.PeriodEnd, true); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, checkContact(in)...)
	if msg := corpus.LengthProblem("De toelichting", in.Note, corpus.MaxNoteRunes); msg != "" {
		errs = append(errs, fieldErr(corpus.FieldNote, msg))
	}
	return gms, errors.Join(errs...)
}

func validType(t corpus.DocType) bool {
	_, err := corpus.ParseDocType(string(t))
	return t != "" && err == nil && strings.ToLower(string(t)) == string(t)
}

// checkContact checks the contact's name and e-mail address.
func checkContact(in corpus.SubmissionInput) []error {
	var errs []error
	name, email := strings.TrimSpace(in.ContactName), strings.TrimSpace(in.ContactEmail)
	if name == "" {
		errs = append(errs, fieldErr(corpus.FieldContactName, "Vul de naam van een contactpersoon in."))
	} else if msg := corpus.LengthProblem("De naam", name, corpus.MaxContactNameRunes); msg != "" {
		errs = append(errs, fieldErr(corpus.FieldContactName, msg))
	}
	if msg := corpus.LengthProblem("Het e-mailadres", email, corpus.MaxEmailRunes); msg != "" {
		errs = append(errs, fieldErr(corpus.FieldContactEmail, msg))
	} else if !validEmail(email) {
		errs = append(errs, fieldErr(corpus.FieldContactEmail, "Vul een geldig e-mailadres in, zoals naam@gemeente.nl."))
	}
	return errs
}

func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Name == "" && a.Address == s
}

// checkPeriod checks a plan period; end 0 means the same year as start.
func checkPeriod(start, end int, required bool) error {
	switch {
	case start == 0 && end == 0 && !required:
		return nil
	case start == 0:
		return fieldErr(corpus.FieldPeriod, "Vul de periode in, bijvoorbeeld 2023-2026.")
	}
	if msg := corpus.PeriodProblem(start, end, corpus.ThisYear()); msg != "" {
		return fieldErr(corpus.FieldPeriod, msg)
	}
	return nil
}
