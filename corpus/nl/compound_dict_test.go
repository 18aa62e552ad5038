package nl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

var (
	wordList = flag.String("wordlist", "", "OpenTaal's word list (Debian wdutch: /usr/share/dict/dutch); with it, TestOpenTaalParts checks data/opentaal_parts.txt.gz against it")
	update   = flag.Bool("update", false, "with -wordlist, rewrite data/opentaal_parts.txt.gz")
)

const openTaalPartsFile = "data/opentaal_parts.txt.gz"

// minShortUses is how many words of the list a short head must be part of
// to be kept: "lid" (36 words), "wet" (68), not "oen" (2).
const minShortUses = 5

// openTaalHeader heads data/opentaal_parts.txt.gz.
const openTaalHeader = `# Parts of Dutch compounds (corpus/nl), derived from OpenTaal's Dutch word list as Debian's wdutch
# 1:2.20.19-2 installs it (/usr/share/dict/dutch); licence and source: opentaal_LICENSE.txt and
# opentaal_README.md. Written by: go test ./corpus/nl -run TestOpenTaalParts -wordlist /usr/share/dict/dutch -update
# A line is a word of the list that is a part of other words of the list (see openTaalParts), folded; the
# number of such words; its Snowball stem and its stem at the end of a compound, each only when it differs
# from the one before.
`

// TestOpenTaalParts checks the embedded parts list: it loads, and it has
// the common parts of policy compounds. With -wordlist it first derives
// the list again from OpenTaal's word list and compares (or, with
// -update, writes it).
func TestOpenTaalParts(t *testing.T) {
	if *wordList != "" {
		checkOpenTaalParts(t, *wordList)
	}
	d, err := loadDict(opentaalPartsGz, compoundPartsTxt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"aanwijzing", "besluit", "straf", "gevangenis", "kamer", "veiligheid", "omgeving", "vergunning"} {
		if d.keys[w].flags&asModifier == 0 || d.keys[Stem(w)].flags&asHead == 0 {
			t.Errorf("%q is no part", w)
		}
	}
}

// checkOpenTaalParts derives the parts list again from the word list at
// path and compares it with the embedded one, or with -update writes it.
func checkOpenTaalParts(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := openTaalParts(readWordList(t, f))
	if *update {
		writeOpenTaalParts(t, got)
		t.Skip("written; run again to load it")
	}
	if want := embeddedLines(t); !slices.Equal(got, want) {
		t.Errorf("%s is stale: %d lines derived, %d embedded; run with -update", openTaalPartsFile, len(got), len(want))
	}
}

// readWordList returns the folded lower-case words of a word list, one a
// line, that have minPart or more letters a-z: names (with capitals),
// abbreviations and words with other characters are left out.
func readWordList(t *testing.T, r io.Reader) map[string]bool {
	out := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		w := sc.Text()
		if w != strings.ToLower(w) {
			continue
		}
		if w = Fold(w); isPartWord(w, minShortHead, maxCompound) {
			out[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// openTaalParts returns the lines of the parts list: the words of list
// that occur in another word of it as a modifier followed by a linking
// morpheme and a head, each a word of the list, under the splitter's
// rules (linkFits, notModifier, suffixWords), with the number of such
// splits they are in. Words that are never parts (most inflected and
// derived forms, and most compounds) are left out.
func openTaalParts(list map[string]bool) []string {
	uses := map[string]int{}
	for x := range list {
		for i := minPart; i <= len(x)-minShortHead; i++ {
			v := x[i:]
			if !list[v] || suffixWords[v] {
				continue
			}
			for _, l := range linkMorphemes {
				u, ok := strings.CutSuffix(x[:i], l)
				if len(u) < minPart || len(v) < minPart && (l != "s" || list["s"+v]) {
					continue // a short head only after -s-, and not one that s+ makes a word of: "kap-s-ter" is kapster
				}
				if ok && list[u] && linkFits(u, l) && !notModifier(u) && !suffixWords[u] {
					uses[u]++
					uses[v]++
				}
			}
		}
	}
	var out []string
	for w, n := range uses {
		if len(w) < minPart && n < minShortUses {
			continue
		}
		stem, head := Stem(w), headStem(w)
		line := fmt.Sprintf("%s\t%d", w, min(n, math.MaxUint16))
		if stem != w || head != stem {
			line += "\t" + stem
		}
		if head != stem {
			line += "\t" + head
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

func embeddedLines(t *testing.T) []string {
	zr, err := gzip.NewReader(bytes.NewReader(opentaalPartsGz))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func writeOpenTaalParts(t *testing.T, lines []string) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(zw, openTaalHeader+strings.Join(lines, "\n")+"\n")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(openTaalPartsFile, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d words, %d bytes", openTaalPartsFile, len(lines), buf.Len())
}
