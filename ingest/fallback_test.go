package ingest

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

func TestPdftotextFallback(t *testing.T) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	x := newTestExtractor(t)
	x.opts.Fallback = tool
	annot := annotationPDF() // text only in an annotation: we cannot, pdftotext can
	t.Run("off by default", func(t *testing.T) {
		if _, err := newTestExtractor(t).Extract(context.Background(), "urk.pdf", annot); !errors.Is(err, ErrNoText) {
			t.Errorf("err = %v, want ErrNoText", err)
		}
	})
	t.Run("refused file read by pdftotext", func(t *testing.T) {
		ex, err := x.Extract(context.Background(), "urk.pdf", annot)
		if err != nil {
			t.Fatal(err)
		}
		if ex.Document.ExtractorVersion != ExtractorVersion+FallbackVersion || !strings.Contains(allText(ex), "veilige haven") {
			t.Errorf("version %q, text %q", ex.Document.ExtractorVersion, allText(ex))
		}
	})
	t.Run("password stays refused", func(t *testing.T) {
		if _, err := x.Extract(context.Background(), "urk.pdf", pdftest.Protected(t, "geheim")); !errors.Is(err, ErrEncrypted) {
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

// annotationPDF builds a one-page PDF whose only text is the appearance
// stream of a FreeText annotation, which package pdf does not read and
// pdftotext does.
func annotationPDF() []byte {
	text := "BT /F1 11 Tf 20 700 Td (De gemeente Urk werkt aan een veilige haven en een veilig centrum voor iedereen.) Tj ET"
	objs := []string{
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[4 0 R]>>",
		"<</Type/Annot/Subtype/FreeText/Rect[0 0 595 842]/DA(/F1 11 Tf)/AP<</N 5 0 R>>>>",
		fmt.Sprintf("<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 6 0 R>>>>/Length %d>>\nstream\n%s\nendstream", len(text), text),
		"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
	}
	return pdftest.Assemble(objs...)
}
