package indexer

import (
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
)

// TestMappingV11Opens checks that an index written with the analyzers of
// mapping version 11 opens and answers a query, so that an upgraded
// server can serve it while it rebuilds.
func TestMappingV11Opens(t *testing.T) {
	im := bleve.NewIndexMapping()
	for name, filters := range map[string][]any{
		"v11_index": {"to_lower", "ivp_apostrophe", "ivp_fold", "ivp_nl_stem_split"},
		"v11_query": {"to_lower", "ivp_apostrophe", "ivp_fold", "stop_nl", "stemmer_nl_snowball"},
	} {
		err := im.AddCustomAnalyzer(name, map[string]any{"type": custom.Name, "tokenizer": wordTokenizerName, "token_filters": filters})
		if err != nil {
			t.Fatal(err)
		}
	}
	doc := bleve.NewDocumentStaticMapping()
	f := bleve.NewTextFieldMapping()
	f.Analyzer = "v11_index"
	doc.AddFieldMappingsAt("text", f)
	im.DefaultMapping = doc
	path := filepath.Join(t.TempDir(), "v11")
	idx, err := bleve.New(path, im)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("a", map[string]string{"text": "Het aantal woninginbraken daalde."}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err = bleve.Open(path)
	if err != nil {
		t.Fatalf("a version 11 index does not open: %v", err)
	}
	defer idx.Close()
	q := bleve.NewMatchQuery("inbraak")
	q.SetField("text")
	q.Analyzer = "v11_query"
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("inbraak finds %d documents in a version 11 index, want 1", res.Total)
	}
}
