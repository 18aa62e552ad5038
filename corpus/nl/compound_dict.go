package nl

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// opentaalPartsGz is data/opentaal_parts.txt.gz: the words of OpenTaal's
// Dutch word list that are parts of other words in it, with their stems
// (see data/opentaal_README.md and TestOpenTaalParts, which writes it).
//
//go:embed data/opentaal_parts.txt.gz
var opentaalPartsGz []byte

//go:embed data/compound_parts.txt
var compoundPartsTxt []byte

// What a key of the parts dictionary may be, as bits.
const (
	asModifier uint8 = 1 << iota // a word as written: it may stand before another part
	asHead                       // a stem of a word: it may end the stem of a compound
	fromDomain                   // a reviewed domain part (data/compound_parts.txt)
)

// partDict is what the splitter knows: the parts of compounds, each under
// its form (to stand before another part) and its stems (to end a word).
// It is read-only once built.
type partDict struct {
	keys map[string]partKey
}

// partKey is what a key of the parts dictionary may be (asModifier,
// asHead, fromDomain) and in how many words of the word list the word it
// stands for is a part (the most of such words).
type partKey struct {
	flags uint8
	uses  uint16
}

// dict returns the splitter's dictionary, built from the embedded data on
// first use. The data is part of the binary, so a bad line is a build
// defect (and a test catches it first).
var dict = sync.OnceValue(func() *partDict {
	d, err := loadDict(opentaalPartsGz, compoundPartsTxt)
	if err != nil {
		panic(err)
	}
	return d
})

func loadDict(opentaalGz, domain []byte) (*partDict, error) {
	d := &partDict{keys: make(map[string]partKey, 60_000)}
	if err := d.addOpenTaal(opentaalGz); err != nil {
		return nil, err
	}
	words, err := parseDomainParts(domain)
	if err != nil {
		return nil, err
	}
	for _, w := range words {
		d.add(w, Stem(w), headStem(w), fromDomain, 0)
	}
	return d, nil
}

// add enters a part that is a part of uses words of the list: its form as
// a modifier, its stems as a head.
func (d *partDict) add(form, stem, head string, extra uint8, uses uint16) {
	d.set(form, asModifier|extra, uses)
	for _, k := range []string{stem, head} {
		// A stem shorter than minDerived counts only for words of 8
		// letters or more: "veil" stands for "veiligheid", but "meld"
		// for "melding" would split "verzameld".
		if len(k) >= minShortHead && (k == form || len(k) >= minDerived || len(form) >= 8) {
			d.set(k, asHead|extra, uses)
		}
	}
}

func (d *partDict) set(key string, flags uint8, uses uint16) {
	k := d.keys[key]
	d.keys[key] = partKey{flags: k.flags | flags, uses: max(k.uses, uses)}
}

// addOpenTaal reads data/opentaal_parts.txt.gz: "#" starts a comment;
// a line is a form, a tab and its uses, optionally followed by a tab and
// its stem and by a tab and its stem as a head, each left out when it
// equals the one before. The keys are slices of one string.
func (d *partDict) addOpenTaal(gz []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("opentaal parts: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("opentaal parts: %w", err)
	}
	text := string(raw)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		form, rest, _ := strings.Cut(line, "\t")
		count, stems, _ := strings.Cut(rest, "\t")
		stem, head, _ := strings.Cut(stems, "\t")
		stem = cmp.Or(stem, form)
		head = cmp.Or(head, stem)
		uses, err := strconv.ParseUint(count, 10, 16)
		if err != nil || !isPartWord(form, minShortHead, maxCompound) || !isPartWord(stem, 1, maxCompound) || !isPartWord(head, 1, maxCompound) {
			return fmt.Errorf("opentaal parts line %d: want a word of %d+ letters a-z, its uses and its stems, got %q", n, minShortHead, line)
		}
		d.add(form, stem, head, 0, uint16(uses))
	}
	return nil
}

// isPartWord reports whether w has min to max letters a-z and nothing
// else.
func isPartWord(w string, min, max int) bool {
	if len(w) < min || len(w) > max {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// parseDomainParts reads the reviewed domain parts: one part per line
// ("#" starts a comment), a lower-case word of minPart to maxPart letters
// a-z.
func parseDomainParts(data []byte) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		w := strings.TrimSpace(line)
		if w == "" {
			continue
		}
		if !isPartWord(w, minPart, maxPart) {
			return nil, fmt.Errorf("compound parts line %d: want one word of %d-%d letters a-z, got %q", n, minPart, maxPart, w)
		}
		out = append(out, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("compound parts: %w", err)
	}
	return out, nil
}
