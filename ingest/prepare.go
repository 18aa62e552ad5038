package ingest

import "context"

// Prepare extracts and tags the file data without storing it: what the
// harvester does with a document it fetched before it stores it for
// review. name is recorded as the document's source. Errors are those of
// Extractor.Extract; ReasonOf gives their Dutch reason.
func (p *Pipeline) Prepare(ctx context.Context, name string, data []byte) (*Extracted, error) {
	ex, err := p.x.Extract(ctx, name, data)
	if err != nil {
		return nil, err
	}
	if err := p.tags.apply(ex); err != nil {
		return nil, err
	}
	return ex, nil
}
