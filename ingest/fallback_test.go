package ingest

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

func TestPdftotextFallback(t *testing.T) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	x := newTestExtractor(t)
	x.opts.Fallback = tool
	rc4 := protectedPDF(t, "") // 40-bit RC4: the library cannot, pdftotext can
	t.Run("off by default", func(t *testing.T) {
		if _, err := newTestExtractor(t).Extract(context.Background(), "urk.pdf", rc4); !errors.Is(err, ErrEncrypted) {
			t.Errorf("err = %v, want ErrEncrypted", err)
		}
	})
	t.Run("refused file read by pdftotext", func(t *testing.T) {
		ex, err := x.Extract(context.Background(), "urk.pdf", rc4)
		if err != nil {
			t.Fatal(err)
		}
		if ex.Document.ExtractorVersion != ExtractorVersion+FallbackVersion || !strings.Contains(allText(ex), "veilige haven") {
			t.Errorf("version %q, text %q", ex.Document.ExtractorVersion, allText(ex))
		}
	})
	t.Run("password stays refused", func(t *testing.T) {
		if _, err := x.Extract(context.Background(), "urk.pdf", protectedPDF(t, "geheim")); !errors.Is(err, ErrEncrypted) {
			t.Errorf("err = %v, want ErrEncrypted", err)
		}
	})
	t.Run("own result keeps own version", func(t *testing.T) {
		ex, err := x.Extract(context.Background(), "oss.pdf", fixturePDF(t))
		if err != nil || ex.Document.ExtractorVersion != ExtractorVersion {
			t.Errorf("err %v, version %q", err, ex.Document.ExtractorVersion)
		}
	})
}
