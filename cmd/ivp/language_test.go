package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dutchWord finds common Dutch words in the CLI's own text.
var dutchWord = regexp.MustCompile(`(?i)\b(pagina|pagina's|bestand|niet|geen|het|een|wordt|is leeg|gebruik|wachtwoord)\b`)

// TestCLISpeaksEnglish runs commands the way an operator meets them and
// checks that their own words are English (README "Language"). The reason
// a file was refused is the Dutch text the web pages show; it is cut out
// before the check, and must still be there.
func TestCLISpeaksEnglish(t *testing.T) {
	sample := generate(t, 1, 3)
	plan := filepath.Join(sample, readTruth(t, sample)[0].File)
	scan := scanPDF(t, filepath.Join(t.TempDir(), "scan.pdf"), 3)
	data := t.TempDir()
	const reason = "geen tekstlaag (gescand?)"
	cases := []struct {
		name, stdin string
		args        []string
		code        int
		want        string // in stdout and stderr together
	}{
		{"short password", "kort\n", []string{"user", "add", "x@ccv.nl", "--data", data}, 2,
			"ivp user: add user x@ccv.nl: invalid input: password shorter than 12 characters\n"},
		{"inspect text", "", []string{"inspect", "--text", plan}, 0, "=== page 1 ==="},
		{"inspect scan", "", []string{"inspect", scan}, 1, reason + " (3 pages)"},
		{"ingest scan", "", []string{"ingest", "--data", data, scan}, 1, "FAIL " + scan + ": " + reason + " (3 pages)\n1 file: 0 stored"},
		{"no command", "", nil, 2, "Usage: ivp COMMAND"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var code int
			var out, errs string
			withStdin(t, tc.stdin, func() { code, out, errs = ivp(t, tc.args...) })
			all := out + errs
			if code != tc.code || !strings.Contains(all, tc.want) {
				t.Fatalf("exit %d, output %.300q; want %d and %q", code, all, tc.code, tc.want)
			}
			if tc.name == "inspect text" {
				all = errs // stdout is the plan's own (Dutch) text
			}
			own := strings.ReplaceAll(all, reason, "")
			if w := dutchWord.FindString(own); w != "" {
				t.Errorf("Dutch %q in the command's own text: %q", w, own)
			}
			if strings.Contains(all, "usage:") && tc.name == "short password" {
				t.Errorf("a short password is reported as a usage error: %q", all)
			}
		})
	}
}
