package corpus_test

import (
	"context"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// StaleTags counts the passages another tagger version tagged, not those
// of the version asked for and not untagged ones.
func TestStaleTags(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	ps := []corpus.Passage{
		{Ordinal: 0, PageFrom: 1, PageTo: 1, Text: "Woninginbraak.", Tags: corpus.Tags{Veld: 1, Version: "tag-5+aa"}},
		{Ordinal: 1, PageFrom: 1, PageTo: 1, Text: "Uitgaan.", Tags: corpus.Tags{Veld: 2, Version: "tag-6+aa+bb"}},
		{Ordinal: 2, PageFrom: 2, PageTo: 2, Text: "Bijlage."},
	}
	if _, _, err := s.Add(ctx, sampleDoc(t, s), ps, []byte("%PDF-1.4 tags")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		version string
		want    int
	}{{"tag-6+aa+bb", 1}, {"tag-5+aa", 1}, {"tag-7", 2}} {
		if n, err := s.StaleTags(ctx, tc.version); err != nil || n != tc.want {
			t.Errorf("StaleTags(%q) = %d, %v; want %d", tc.version, n, err, tc.want)
		}
	}
}
