package ingest

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/ccv/ivp/corpus"
)

// RereadPage reads page of document id again by OCR, with more effort (at
// RereadDPI, its orientation always asked), and gives the document the
// passages of its file extracted again with that reading; the other pages
// come out as before. Only a page that was read by OCR can be read again.
// A published document is indexed again.
func (c *Curator) RereadPage(ctx context.Context, u corpus.User, id int64, page int) error {
	if !u.CanCurate() {
		return fmt.Errorf("%s: %w", corpus.ActionRereadPage, corpus.ErrForbidden)
	}
	d, err := c.store.Document(ctx, id)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(d.OCR, func(p corpus.OCRPage) bool { return p.Page == page }) {
		return fieldErr(corpus.FieldPage, fmt.Sprintf("Pagina %d is niet met OCR gelezen.", page))
	}
	if !c.p.x.opts.OCR.on() {
		return fieldErr(corpus.FieldPage, "OCR is niet beschikbaar: "+c.p.x.opts.OCR.Off)
	}
	ex, err := c.reread(ctx, d, page)
	if err != nil {
		return err
	}
	return c.change(ctx, u, corpus.ActionRereadPage, id, func() (corpus.Change, error) {
		return c.store.RereadText(ctx, u, id, page, ex.Document, ex.Passages)
	})
}

// reread extracts d's stored file again, reading page with more effort,
// and tags the passages.
func (c *Curator) reread(ctx context.Context, d corpus.Document, page int) (*Extracted, error) {
	x := *c.p.x
	x.opts.OCR.Reread = page
	data, err := os.ReadFile(c.store.FilePath(d))
	if err != nil {
		return nil, fmt.Errorf("reread document %d: %w", d.ID, err)
	}
	ex, err := x.Extract(ctx, d.Source, data)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fieldErr(corpus.FieldPage, "De pagina kon niet opnieuw worden gelezen: "+ReasonOf(err)+".")
	}
	if err := c.p.tags.apply(ex); err != nil {
		return nil, err
	}
	return ex, nil
}
