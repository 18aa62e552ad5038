package corpus_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/ccv/ivp/corpus"
)

// TestOCRPagesRoundTrip stores a document with pages read by OCR and
// finds the pages, their confidence and notes, and the mark on the
// passages from them, read back; deleting the document takes them along.
func TestOCRPagesRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	d := sampleDoc(t, s)
	d.OCR = []corpus.OCRPage{{Page: 1, Confidence: 93.5, Words: 410},
		{Page: 2, Confidence: 12, Words: 1, Note: "geen leesbare tekst gevonden", Rotation: 180}}
	ps := slices.Clone(samplePassages)
	ps[0].OCR = true
	id, _, err := s.Add(ctx, d, ps, []byte("%PDF-1.4 scan"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.OCR, d.OCR) || !slices.Equal(got.OCRPageNumbers(), []int{1}) {
		t.Errorf("OCR pages read back %+v (with text %v), want %+v", got.OCR, got.OCRPageNumbers(), d.OCR)
	}
	back, err := s.Passages(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !back[0].OCR || back[1].OCR {
		t.Errorf("OCR marks read back %v, %v; want true, false", back[0].OCR, back[1].OCR)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	id2, _, err := s.Add(ctx, sampleDoc(t, s), samplePassages, []byte("%PDF-1.4 text"))
	if err != nil {
		t.Fatal(err)
	}
	if d2, _ := s.Document(ctx, id2); len(d2.OCR) != 0 {
		t.Errorf("a text document has OCR pages %+v", d2.OCR)
	}
}
