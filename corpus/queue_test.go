package corpus_test

import (
	"context"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func TestQueueItemsCarryTheirOwnRows(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	a := submit(t, s, "%PDF-1.4 qa", "GM0197", "GM1859")
	b := submit(t, s, "%PDF-1.4 qb", "GM1859")
	bulk, _, err := s.Add(ctx, sampleDoc(t, s, "GM0363"), samplePassages, []byte("%PDF-1.4 qbulk"))
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.Queue(ctx, corpus.QueueFilter{Status: corpus.AllStatuses})
	if err != nil || len(items) != 3 {
		t.Fatalf("queue: %d items, %v; want 3", len(items), err)
	}
	want := map[int64]struct {
		codes string
		sub   int64
	}{a.DocumentID: {"GM0197 GM1859", a.ID}, b.DocumentID: {"GM1859", b.ID}, bulk: {"GM0363", 0}}
	for _, it := range items {
		w := want[it.Document.ID]
		var codes []string
		for _, g := range it.Document.Gemeenten {
			codes = append(codes, g.Code)
		}
		var sub int64
		if it.Submission != nil {
			sub = it.Submission.ID
		}
		if strings.Join(codes, " ") != w.codes || sub != w.sub {
			t.Errorf("document %d: gemeenten %q, submission %d; want %q, %d", it.Document.ID, codes, sub, w.codes, w.sub)
		}
	}
}
