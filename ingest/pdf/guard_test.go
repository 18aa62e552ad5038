package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

func TestEndsInHex(t *testing.T) {
	tests := []struct {
		tail string
		want bool
	}{
		{"BT (x) Tj ET", false},
		{"BT <4E6F> Tj ET\n", false},
		{"BT <4E6F", true},
		{"BT <4E6F \n ", true},
		{"BT <4E6FT", true},
		{"BT (Pagina 1) Tj <T", true},
		{"BT <", true},
		{"<</MCID 0>> BDC", false},
		{"q 1 0 0 1 50 50 cm", false},
		{"<<", true},
		{"", false},
		{strings.Repeat("10 20 30 40 50 60 c\n", 300) + "f", false},
	}
	for _, tt := range tests {
		if got := endsInHex([]byte(tt.tail)); got != tt.want {
			t.Errorf("endsInHex(%.30q) = %v, want %v", tt.tail, got, tt.want)
		}
	}
}

// TestHexAtEndDoesNotHang is the hang the fuzzer found: a content stream
// that stops inside a hex string kept the library's lexer busy for ever.
func TestHexAtEndDoesNotHang(t *testing.T) {
	data := pdftest.Assemble(
		"<</Type/Catalog/Pages 2 0 R>>",
		"<</Type/Pages/Kids[3 0 R]/Count 1>>",
		"<</Type/Page/Parent 2 0 R/Contents[4 0 R 5 0 R]/Resources<</Font<</F1 6 0 R>>>>>>",
		stream("", "BT /F1 12 Tf 72 720 Td (Veiligheid) Tj ET"),
		stream("", "BT (x) Tj <4E6F"),
		"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
	)
	done := make(chan error, 1)
	go func() {
		r, err := Open(data, 10)
		if err == nil {
			_, err = r.Page(1)
		}
		done <- err
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("reading a page whose content ends inside a hex string hangs")
	}
}
