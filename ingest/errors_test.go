package ingest

import (
	"context"
	"errors"
	"testing"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest/internal/pdftest"
)

func TestExtractErrors(t *testing.T) {
	x := newTestExtractor(t)
	good := fixturePDF(t)
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	small, err := NewExtractor(Options{MaxFileSize: 1000, MaxPages: 2}, gm)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		x      *Extractor
		data   []byte
		want   error
		reason string
	}{
		{"empty", x, nil, ErrEmpty, "leeg bestand"},
		{"white space", x, []byte(" \n\t "), ErrEmpty, "leeg bestand"},
		{"text named pdf", x, []byte("Dit is geen PDF maar platte tekst."), ErrUnsupported, "geen PDF- of HTML-bestand"},
		{"zip named pdf", x, []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), ErrUnsupported, "geen PDF- of HTML-bestand"},
		{"truncated pdf", x, good[:len(good)/2], ErrDamaged, "beschadigde of afgebroken PDF"},
		{"header only", x, []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), ErrDamaged, "beschadigde of afgebroken PDF"},
		{"too large", small, good, ErrTooLarge, "bestand te groot"},
		{"too many pages", &Extractor{opts: Options{MaxFileSize: 1 << 30, MaxPages: 2}, gm: x.gm}, good, ErrTooManyPages, "te veel pagina's"},
		{"user password", x, pdftest.Protected(t, "geheim"), ErrEncrypted, "versleuteld"},
		{"html without text", x, []byte("<html><body><nav>Menu</nav></body></html>"), ErrNoText, "geen tekst gevonden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := tt.x.Extract(context.Background(), "bestand.pdf", tt.data)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.want) {
				t.Fatalf("Extract = %v, %v; want *Error wrapping %v", ex, err, tt.want)
			}
			if e.Reason != tt.reason {
				t.Errorf("reason %q, want %q", e.Reason, tt.reason)
			}
		})
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newTestExtractor(t).Extract(ctx, "plan.pdf", fixturePDF(t))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		ok   bool
	}{
		{"defaults", DefaultOptions(), true},
		{"zero takes defaults", Options{}, true},
		{"negative size", Options{MaxFileSize: -1}, false},
		{"negative pages", Options{MaxPages: -1}, false},
		{"negative timeout", Options{Timeout: -1}, false},
		{"memory below 64 MiB", Options{MemoryLimit: 1 << 20}, false},
		{"worker without program", Options{Worker: []string{""}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.o.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok %v", err, tt.ok)
			}
		})
	}
	if _, err := NewExtractor(DefaultOptions(), nil); err == nil {
		t.Error("NewExtractor without gemeenten: no error")
	}
}
