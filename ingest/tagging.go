package ingest

import (
	"sync"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/tag"
)

// tagging tags the passages of extracted documents. The taxonomy is read
// once, on first use, from the store's data directory (a curator's copy
// there wins over the embedded one).
type tagging struct {
	dir  string
	once sync.Once
	tg   *tag.Tagger
	err  error
}

func newTagging(dir string) *tagging { return &tagging{dir: dir} }

// apply sets the tags of every passage of ex.
func (t *tagging) apply(ex *Extracted) error {
	t.once.Do(func() {
		var tax *corpus.Taxonomy
		if tax, t.err = corpus.LoadTaxonomy(t.dir); t.err == nil {
			t.tg = tag.New(tax)
		}
	})
	if t.err != nil {
		return t.err
	}
	TagPassages(t.tg, ex.Passages)
	return nil
}

// TagPassages sets the tags of a document's passages, given in reading
// order, as tg says.
func TagPassages(tg *tag.Tagger, ps []corpus.Passage) {
	for i, tags := range tg.TagDocument(ps) {
		ps[i].Tags = tags
	}
}
