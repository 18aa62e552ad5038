package nl

import (
	"strings"
	"unicode/utf8"
)

// Compound rules, shared by the index's splitter (Parts) and every other
// Compounds dictionary (the tagger's terms). Lengths are in bytes of the
// stem, which are letters for Dutch text.
const (
	minCompound   = 7  // shorter words are never split
	maxCompound   = 48 // longer tokens (codes, URLs) are not split either
	minPart       = 4  // a known part: "raad" may be one, "wet" not
	maxPart       = 16 // longest known part
	minLeft       = 3  // an unknown modifier before a known head
	minModifier   = 6  // a known modifier before an unknown head ...
	minUnknownEnd = 4  // ... needs at least this many letters after it
	minDerived    = 5  // shortest stem of a part under 8 letters that is a key of its own
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

// prefixEndings end unknown modifiers that are really a prefixed verb:
// "groepsbe-handeling", "stollingsaf-wijking", "aange-meld".
var prefixEndings = []string{"be", "ge", "ver", "ont", "her", "af", "aan", "uit", "toe", "mee"}

// derivational are suffixes that make a new word of a part rather than a
// compound with it: "gebruikers" is no kind of gebruik.
var derivational = []string{"er", "ing", "ig", "ijk", "lijk", "isch", "heid", "baar"}

// headPrefix is a long modifier that puts a word in head position, where
// Snowball may stem it further than alone ("verkeersveiligheid" is
// verkeersveil).
const headPrefix = "verkeers"

// Compounds is a dictionary of known words to find inside compound words.
// Each word is entered under its form, its stem and its stem in head
// position; words with the same stem are one part. It is read-only after
// the last Add and then safe for concurrent use.
type Compounds struct {
	keys  map[string]int32 // key -> part
	stems []string         // part -> its stem
	ids   map[string]int32 // stem -> part
	// starts marks the first three letters of every key, so that most
	// positions of a word are rejected without hashing.
	starts [26 * 26 * 26]bool
}

// NewCompounds returns an empty dictionary.
func NewCompounds() *Compounds {
	return &Compounds{keys: map[string]int32{}, ids: map[string]int32{}}
}

// Add enters word, a folded form of minPart to maxPart letters a-z, and
// returns its part number: the same for words with the same stem. Other
// words are not entered and give -1. A key another part already has keeps
// that part. A derived key (the stem) shorter than minDerived letters
// counts only for words of 8 letters or more: "veil" stands for
// "veiligheid" (in "verkeersveiligheid"), but "meld" for "melding" would
// split "verzameld".
func (c *Compounds) Add(word string) int32 {
	if len(word) < minPart || len(word) > maxPart || strings.ContainsFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return -1
	}
	stem := Stem(word)
	id, ok := c.ids[stem]
	if !ok {
		id = int32(len(c.stems))
		c.ids[stem] = id
		c.stems = append(c.stems, stem)
	}
	for i, k := range []string{word, stem, strings.TrimPrefix(Stem(headPrefix+word), headPrefix)} {
		short := len(k) < minPart || i > 0 && len(k) < minDerived && len(word) < 8
		if _, seen := c.keys[k]; !seen && !short {
			c.keys[k] = id
			c.starts[int(k[0]-'a')*676+int(k[1]-'a')*26+int(k[2]-'a')] = true
		}
	}
	return id
}

// startsAt reports whether some key may begin at w[i].
func (c *Compounds) startsAt(w string, i int) bool {
	if i+3 > len(w) {
		return false
	}
	a, b, d := int(w[i])-'a', int(w[i+1])-'a', int(w[i+2])-'a'
	if a < 0 || a >= 26 || b < 0 || b >= 26 || d < 0 || d >= 26 {
		return false
	}
	return c.starts[a*676+b*26+d]
}

// Head returns the part at the end of stem after an unknown modifier of at
// least minLeft letters that is no prefix ("woninginbrak": inbraak;
// "voorrad" has none): the longest such part.
func (c *Compounds) Head(stem string) (int32, bool) {
	if len(stem) < minCompound || len(stem) > maxCompound {
		return -1, false
	}
	for s := minLeft; s <= len(stem)-minPart; s++ {
		if !c.startsAt(stem, s) || !unknownModifier(stem[:s]) {
			continue
		}
		if id, ok := c.keys[stem[s:]]; ok {
			return id, true
		}
	}
	return -1, false
}

// Modifier returns the longest part of at least minModifier letters at the
// start of stem that leaves, after a linking morpheme, at least
// minUnknownEnd letters that do not start a derivation
// ("ondermijningsbeeld": ondermijning; "gebruikersinterfac" has none).
func (c *Compounds) Modifier(stem string) (int32, bool) {
	if len(stem) < minCompound || len(stem) > maxCompound || !c.startsAt(stem, 0) {
		return -1, false
	}
	for j := len(stem) - minUnknownEnd; j >= minModifier; j-- {
		id, ok := c.keys[stem[:j]]
		if !ok || !utf8.RuneStart(stem[j]) || hasAnyPrefix(stem[j:], derivational) {
			continue
		}
		for _, l := range linkMorphemes {
			rest, ok := strings.CutPrefix(stem[j:], l)
			if ok && len(rest) >= minUnknownEnd {
				return id, true
			}
		}
	}
	return -1, false
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

func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Position is where a known part stands in a compound word.
type Position int8

// Positions of a known part in a compound.
const (
	NoPart     Position = iota // the word has no known head or modifier
	AsHead                     // the part is the word's head: "woninginbraak" is a kind of inbraak
	AsModifier                 // the part is the word's modifier: "ondermijningsbeeld" is about ondermijning
)

// Find returns the part a compound is built on, given its stem: its head
// (Head) when it has a known one, else its known modifier (Modifier).
func (c *Compounds) Find(stem string) (int32, Position) {
	if id, ok := c.Head(stem); ok {
		return id, AsHead
	}
	if id, ok := c.Modifier(stem); ok {
		return id, AsModifier
	}
	return -1, NoPart
}
