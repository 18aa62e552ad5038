package indexer

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// Compound splitting for DutchIndexAnalyzer: a stemmed word is split into
// the parts of data/compound_parts.txt, with the Dutch linking morphemes
// between them, so that "inbraak" finds "woninginbraak".

// Compound splitting limits, in bytes of the lower-cased, folded stem
// (letters, for Dutch text).
const (
	minCompound   = 7  // shorter words are never split
	maxCompound   = 48 // longer tokens (codes, URLs) are not split either
	minPart       = 4  // dictionary parts: "raad" may be a part, "wet" not
	maxPart       = 16 // longest dictionary part
	minLeft       = 3  // an unknown modifier before a known head
	minModifier   = 6  // a known modifier before an unknown head ...
	minUnknownEnd = 4  // ... needs at least this many letters after it
)

// linkMorphemes are the Dutch linking sounds between compound parts
// ("veiligheid-s-plan", "ramp-en-bestrijding", "fiets-en-diefstal").
var linkMorphemes = []string{"", "s", "en", "e"}

// notModifiers are verb and noun prefixes that form derivations, not
// compounds: "voorraad" is no kind of raad, "verzorging" no kind of zorg.
var notModifiers = map[string]bool{
	"aan": true, "achter": true, "door": true, "her": true, "mee": true,
	"mis": true, "onder": true, "ont": true, "over": true, "tegen": true,
	"toe": true, "uit": true, "ver": true, "voor": true, "wan": true,
	"weg": true, "bij": true, "terug": true, "samen": true, "verder": true,
}

//go:embed data/compound_parts.txt
var compoundPartsTxt []byte

// compoundDict maps a part as it can appear inside a stemmed compound
// (folded surface form, its stem, its stem in head position) to the stem
// the query analyzer gives the part on its own. Parts are ASCII letters.
type compoundDict struct {
	parts map[string]string
	// starts marks the first three letters of every part, so that most
	// positions of a word are rejected without hashing.
	starts [26 * 26 * 26]bool
}

// startsAt reports whether some part may begin at w[i].
func (d *compoundDict) startsAt(w string, i int) bool {
	if i+3 > len(w) {
		return false
	}
	a, b, c := int(w[i])-'a', int(w[i+1])-'a', int(w[i+2])-'a'
	if a < 0 || a >= 26 || b < 0 || b >= 26 || c < 0 || c >= 26 {
		return false
	}
	return d.starts[a*676+b*26+c]
}

// compoundTokenFilter adds the dictionary parts of a stemmed compound as
// extra tokens at the position of the whole word.
type compoundTokenFilter struct{ dict *compoundDict }

func (f compoundTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream
	for i, t := range in {
		var parts []string
		if len(t.Term) >= minCompound && len(t.Term) <= maxCompound {
			parts = f.dict.split(string(t.Term))
		}
		if len(parts) == 0 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make(analysis.TokenStream, 0, len(in)+4), in[:i]...)
		}
		out = append(out, t)
		for _, p := range parts {
			c := *t
			c.Term = []byte(p)
			out = append(out, &c)
		}
	}
	if out == nil {
		return in
	}
	return out
}

// split returns the stems of the dictionary parts of w, a lower-cased,
// folded, stemmed word, without w itself. It tries, in order: w covered by
// parts (with linking morphemes between them); an unknown modifier of at
// least minLeft letters before covered parts; a long known modifier before
// an unknown head.
func (d *compoundDict) split(w string) []string {
	if len(w) < minCompound || len(w) > maxCompound {
		return nil
	}
	var m coverMemo
	for s := 0; s <= len(w)-minPart; s++ {
		if s > 0 && (!d.startsAt(w, s) || !unknownModifier(w[:s])) {
			continue
		}
		if d.covers(w, s, &m) {
			return dedupe(d.partsFrom(w, s, &m), w)
		}
	}
	if p := d.modifier(w); p != "" {
		return []string{p}
	}
	return nil
}

// unknownModifier reports whether left may be an unknown first part before
// known parts: long enough, not a prefix ("voorraad") and not ending in one
// ("groepsbehandeling" is no kind of handel, "aangemeld" no kind of melding).
func unknownModifier(left string) bool {
	if len(left) < minLeft || notModifiers[left] {
		return false
	}
	return !hasAnySuffix(left, prefixEndings)
}

// prefixEndings end unknown modifiers that are really a prefixed verb:
// "groepsbe-handeling", "stollingsaf-wijking", "aange-meld".
var prefixEndings = []string{"be", "ge", "ver", "ont", "her", "af", "aan", "uit", "toe", "mee"}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// derivational are suffixes that make a new word of a part rather than a
// compound with it: "gebruikers" is no kind of gebruik.
var derivational = []string{"er", "ing", "ig", "ijk", "lijk", "isch", "heid", "baar"}

// coverMemo remembers, per start offset of a compound, whether the rest
// can be covered by parts and, if so, where its first part ends and the
// next one starts (after a linking morpheme).
type coverMemo struct {
	state     [maxCompound + 1]int8 // 0 unknown, 1 covered, -1 not
	end, next [maxCompound + 1]uint8
}

// covers reports whether w[i:] is a sequence of dictionary parts joined by
// linking morphemes, preferring longer parts; i == 0 needs two parts.
func (d *compoundDict) covers(w string, i int, m *coverMemo) bool {
	if m.state[i] != 0 {
		return m.state[i] == 1
	}
	m.state[i] = -1
	if !d.startsAt(w, i) {
		return false
	}
	for j := min(len(w), i+maxPart); j >= i+minPart; j-- {
		if _, ok := d.parts[w[i:j]]; !ok || j < len(w) && !utf8.RuneStart(w[j]) {
			continue
		}
		if j == len(w) && i > 0 {
			m.state[i], m.end[i], m.next[i] = 1, uint8(j), uint8(j)
			return true
		}
		for _, l := range linkMorphemes {
			k := j + len(l)
			if k < len(w) && strings.HasPrefix(w[j:], l) && d.covers(w, k, m) {
				m.state[i], m.end[i], m.next[i] = 1, uint8(j), uint8(k)
				return true
			}
		}
	}
	return false
}

// parts returns the stems of the parts covers found from i on.
func (d *compoundDict) partsFrom(w string, i int, m *coverMemo) []string {
	var out []string
	for i < len(w) {
		out = append(out, d.parts[w[i:m.end[i]]])
		i = int(m.next[i])
	}
	return out
}

// modifier returns the stem of the longest known part of at least
// minModifier letters at the start of w that leaves, after a linking
// morpheme, at least minUnknownEnd letters ("ondermijningsbeeld").
func (d *compoundDict) modifier(w string) string {
	if !d.startsAt(w, 0) {
		return ""
	}
	for j := len(w) - minUnknownEnd; j >= minModifier; j-- {
		stem, ok := d.parts[w[:j]]
		if !ok || !utf8.RuneStart(w[j]) || hasAnyPrefix(w[j:], derivational) {
			continue
		}
		for _, l := range linkMorphemes {
			rest, ok := strings.CutPrefix(w[j:], l)
			if ok && len(rest) >= minUnknownEnd {
				return stem
			}
		}
	}
	return ""
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func dedupe(parts []string, whole string) []string {
	out := parts[:0]
	for _, p := range parts {
		dup := p == whole
		for _, q := range out {
			dup = dup || q == p
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// mustCompoundDict parses the embedded dictionary; it is part of the
// binary, so a bad line is a build defect (and a test catches it first).
func mustCompoundDict(data []byte) *compoundDict {
	d, err := parseCompoundDict(data)
	if err != nil {
		panic(err)
	}
	return d
}

// parseCompoundDict reads one part per line (# starts a comment): a
// lower-case word of at least minPart letters. Each part is entered under
// its folded form, its stem and its stem at the end of a compound
// ("veiligheid" -> veilig, and veil as in "verkeersveil[igheid]").
func parseCompoundDict(data []byte) (*compoundDict, error) {
	d := &compoundDict{parts: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		w := strings.TrimSpace(line)
		if w == "" {
			continue
		}
		if len(w) < minPart || len(w) > maxPart || strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) {
			return nil, fmt.Errorf("compound_parts.txt line %d: want one word of %d-%d letters a-z, got %q", n, minPart, maxPart, w)
		}
		d.add(w)
	}
	return d, sc.Err()
}

// add enters part w under its keys. A stem shorter than minDerived letters
// is a key only for long words: "veil" stands for "veiligheid" (in
// "verkeersveiligheid"), but "meld" for "melding" would split "verzameld".
func (d *compoundDict) add(w string) {
	stem := dutchStem(w)
	for i, k := range []string{w, stem, strings.TrimPrefix(dutchStem(headPrefix+w), headPrefix)} {
		short := len(k) < minPart || i > 0 && len(k) < minDerived && len(w) < 8
		if _, seen := d.parts[k]; !seen && !short {
			d.parts[k] = stem
			d.starts[int(k[0]-'a')*676+int(k[1]-'a')*26+int(k[2]-'a')] = true
		}
	}
}

// minDerived is the shortest stem of a part of under 8 letters that is a
// key of its own.
const minDerived = 5

// headPrefix is a long modifier that puts a word in head position, where
// snowball may stem it further than alone ("verkeersveiligheid" -> verkeersveil).
const headPrefix = "verkeers"

func dutchStem(w string) string {
	env := snowballstem.NewEnv(w)
	dutch.Stem(env)
	return env.Current()
}
