package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/ccv/ivp/ingest/internal/pdftest"
)

// robustDir holds hostile and unusual PDFs beside the project.
const robustDir = "../../../shared/pdfs/robust"

// TestDecrypt opens files whose encryption the library cannot read (RC4
// with 40-bit keys, AES-256) through our own decryption, and checks that
// the words match pdftotext's; files that need a real password stay
// ErrEncrypted.
func TestDecrypt(t *testing.T) {
	if _, err := os.Stat(robustDir); err != nil {
		t.Skipf("test PDFs not found at %s (../shared is absent)", robustDir)
	}
	tool, _ := exec.LookPath("pdftotext")
	tests := []struct {
		file      string
		encrypted bool // needs a password: must stay ErrEncrypted
		annots    bool // its only text is in annotations, which we do not read
	}{
		{file: "qpdf_enc-R2_V1.pdf"},
		{file: "qpdf_enc-R2_V1_O-master.pdf"},
		{file: "qpdf_enc-R3_V2.pdf"},
		{file: "qpdf_enc-XI-R6_V5_O-master.pdf"},
		{file: "qpdf_copied-positive-P.pdf"},
		{file: "pdfjs_issue7665.pdf"},
		{file: "pdfjs_pr6531_2.pdf", annots: true},   // R6 opened by the empty owner password
		{file: "pdfjs_secHandler.pdf", annots: true}, // AES-256 with object streams
		{file: "pdfjs_empty_protected.pdf"},
		{file: "pdfplumber_pr-138-example.pdf"}, // V4 RC4-128, object streams
		{file: "qpdf_encrypted-40-bit-R3.pdf", encrypted: true},
		{file: "pdfplumber_password-example.pdf", encrypted: true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			file := filepath.Join(robustDir, tt.file)
			got, err := words(file)
			if tt.encrypted {
				if !errors.Is(err, ErrEncrypted) {
					t.Fatalf("got %v, want ErrEncrypted", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tool == "" || tt.annots {
				return
			}
			out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			ref := strings.Fields(string(out))
			f1 := pdftest.WordF1(ref, got)
			t.Logf("F1 %.3f (%d words, pdftotext %d)", f1, len(got), len(ref))
			if len(ref) >= 20 && f1 < 0.9 {
				t.Errorf("word F1 %.3f against pdftotext", f1)
			}
			if len(ref) > 0 && len(got) == 0 {
				t.Errorf("no text, pdftotext gives %d words", len(ref))
			}
		})
	}
}

// TestDecryptRC440 reads a 40-bit RC4 file (fpdf's only encryption) with
// an empty user password, and refuses one with a real user password.
func TestDecryptRC440(t *testing.T) {
	protected := func(userPass string) []byte {
		return build(t, func(f *fpdf.Fpdf) {
			f.SetProtection(fpdf.CnProtectPrint, userPass, "eigenaar")
			f.AddPage()
			f.SetFont("Helvetica", "", 11)
			f.Text(20, 30, "Veilig (wonen) in Urk")
		})
	}
	tests := []struct {
		name, userPass, want string
	}{
		{name: "empty user password", want: "Veilig (wonen) in Urk"},
		{name: "real user password", userPass: "geheim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(protected(tt.userPass), 10)
			if tt.want == "" {
				if !errors.Is(err, ErrEncrypted) {
					t.Fatalf("got %v, want ErrEncrypted", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Page(1)
			if err != nil {
				t.Fatal(err)
			}
			if got := lineTexts(p); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
		})
	}
}

// encryptedSeeds returns small encrypted files of the robust set, one per
// algorithm, or nothing when ../shared is absent.
func encryptedSeeds() [][]byte {
	var seeds [][]byte
	for _, f := range []string{"qpdf_copied-positive-P.pdf", "pdfjs_issue7665.pdf", "pdfjs_secHandler.pdf", "qpdf_enc-R2_V1.pdf"} {
		if data, err := os.ReadFile(filepath.Join(robustDir, f)); err == nil {
			seeds = append(seeds, data)
		}
	}
	return seeds
}

// TestDecryptTruncated opens cut-off encrypted files: each must return
// text or an error, and our decryption must not panic (the library's own
// panics are recovered as ErrPanic and allowed here).
func TestDecryptTruncated(t *testing.T) {
	seeds := encryptedSeeds()
	if len(seeds) == 0 {
		t.Skipf("test PDFs not found at %s (../shared is absent)", robustDir)
	}
	for i, data := range seeds {
		for cut := len(data) / 16; cut < len(data); cut += len(data) / 16 {
			t.Run(fmt.Sprintf("seed%d/cut%d", i, cut), func(t *testing.T) {
				_, err := Open(data[:cut], 100)
				if errors.Is(err, ErrPanic) && strings.Contains(err.Error(), "decrypt: "+ErrPanic.Error()) {
					t.Errorf("panic: %v", err)
				}
			})
		}
	}
}

// FuzzDecrypt feeds mutated encrypted files to the decryption, which must
// neither panic nor hang. (It stops short of the library, whose xref-stream
// reader can exhaust memory on its own; FuzzExtract covers Open.)
func FuzzDecrypt(f *testing.F) {
	for _, s := range encryptedSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dec, err := decryptFile(data)
		if errors.Is(err, ErrPanic) {
			t.Fatal(err)
		}
		if err == nil && !bytes.HasPrefix(dec, []byte(goodHeader)) {
			t.Fatalf("decrypted copy starts with %q", dec[:min(len(dec), 16)])
		}
	})
}
