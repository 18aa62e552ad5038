package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func encryptedPDF(t *testing.T, path string) string {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetProtection(fpdf.CnProtectPrint, "geheim", "eigenaar")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(0, 10, "Integraal veiligheidsplan Utrecht 2023-2026")
	if err := pdf.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestBadInput(t *testing.T) {
	sample := generate(t, 2, 11)
	bad := t.TempDir()
	good, _ := os.ReadFile(filepath.Join(sample, readTruth(t, sample)[0].File))
	files := map[string]string{
		"not a PDF":   writeFile(t, filepath.Join(bad, "notulen.pdf"), []byte("Dit is gewone tekst, geen PDF.\n")),
		"empty":       writeFile(t, filepath.Join(bad, "leeg.pdf"), nil),
		"truncated":   writeFile(t, filepath.Join(bad, "afgebroken.pdf"), good[:len(good)/3]),
		"encrypted":   encryptedPDF(t, filepath.Join(bad, "versleuteld.pdf")),
		"binary junk": writeFile(t, filepath.Join(bad, "ruis.pdf"), []byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3}),
	}
	data := t.TempDir()
	if code, out, errs := ivp(t, "ingest", "--data", data, sample); code != 0 {
		t.Fatalf("good files: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ := ivp(t, "ingest", "--data", data, bad, sample)
	if code == 0 {
		t.Errorf("exit 0 with bad files:\n%s", out)
	}
	for name, path := range files {
		line := lineFor(out, path)
		if !strings.HasPrefix(line, "FAIL ") || len(line) < len("FAIL "+path+": ")+5 {
			t.Errorf("%s: line %q, want FAIL with a reason", name, line)
		}
	}
	if n := strings.Count(out, "\nsame ") + boolInt(strings.HasPrefix(out, "same ")); n != 2 {
		t.Errorf("good files re-ingested: %d 'same' lines, want 2:\n%s", n, out)
	}
	base := serve(t, data, "--reindex-schedule", "off")
	var r apiResult
	if getJSON(t, base+"/api/v1/search", &r); r.Total != 2 {
		t.Errorf("index holds %d plans after bad input, want the 2 good ones", r.Total)
	}
}

func lineFor(out, path string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " "+path+":") {
			return l
		}
	}
	return ""
}

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, 2, "Usage"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"ingest without files", []string{"ingest", "--data", t.TempDir()}, 2, "FILE|DIR"},
		{"ingest of a missing file", []string{"ingest", "--data", t.TempDir(), "/nonexistent/plan.pdf"}, 1, "no such file"},
		{"inspect without file", []string{"inspect"}, 2, "FILE"},
		{"gen without out", []string{"gen"}, 2, ""},
		{"serve with a bad schedule", []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--reindex-schedule", "elke nacht"}, 2, "reindex-schedule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := ivp(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestConfigPrecedence(t *testing.T) {
	t.Setenv("IVP_ADDR", "0.0.0.0:9999")
	t.Setenv("IVP_MAX_PAGES", "veel")
	code, out, _ := ivp(t, "config", "--data", "/srv/ivp")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"/srv/ivp", "flag --data", "0.0.0.0:9999", "env IVP_ADDR", "invalid IVP_MAX_PAGES", "0 3 * * *"} {
		if !strings.Contains(out, want) {
			t.Errorf("config output lacks %q:\n%s", want, out)
		}
	}
}

func TestInspect(t *testing.T) {
	sample := generate(t, 1, 5)
	p := readTruth(t, sample)[0]
	path := filepath.Join(sample, p.File)
	code, out, errs := ivp(t, "inspect", path, "--text")
	if code != 0 || !strings.Contains(out, "=== page 2 ===") {
		t.Fatalf("inspect --text: exit %d %s\n%.300s", code, errs, out)
	}
	code, out, _ = ivp(t, "inspect", "--json", path)
	if code != 0 || !strings.Contains(out, `"passages"`) || !strings.Contains(out, `"page_from"`) {
		t.Errorf("inspect --json: exit %d\n%.300s", code, out)
	}
	bad := writeFile(t, filepath.Join(t.TempDir(), "x.pdf"), []byte("geen pdf"))
	if code, _, errs := ivp(t, "inspect", bad); code != 1 || !strings.Contains(errs, "x.pdf") {
		t.Errorf("inspect of a bad file: exit %d, %q", code, errs)
	}
}
