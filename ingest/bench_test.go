package ingest

import (
	"context"
	"testing"
)

func BenchmarkExtractPDF(b *testing.B) {
	x := newTestExtractor(b)
	data := fixturePDF(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := x.Extract(context.Background(), "plan.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	var blocks []block
	for i := range 200 {
		blocks = append(blocks, head(1+i%3, "Kop", i/10+1), para(sentences(1+i%9), i/10+1))
	}
	b.ReportAllocs()
	for b.Loop() {
		split(blocks)
	}
}
