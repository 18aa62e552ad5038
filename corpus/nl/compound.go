package nl

// Compounds is a dictionary of known words to find inside compound words,
// such as the tagger's terms. It finds them among the parts the index
// splits a word into (see split), so the tagger and the index agree on
// what a compound is made of. Each word is entered under its form, its
// stem and its stem in head position; words with the same stem are one
// part. It is read-only after the last Add and then safe for concurrent
// use.
type Compounds struct {
	keys map[string]int32 // key -> part
	ids  map[string]int32 // stem -> part
}

// NewCompounds returns an empty dictionary.
func NewCompounds() *Compounds {
	return &Compounds{keys: map[string]int32{}, ids: map[string]int32{}}
}

// Add enters word, a folded form of minPart to maxPart letters a-z, and
// returns its part number: the same for words with the same stem. Other
// words are not entered and give -1. The word is entered as written, as
// its stem and as its stem at the end of a compound ("veil" of
// "verkeersveiligheid"), the ways it stands among a word's parts; a key
// another part already has keeps that part.
func (c *Compounds) Add(word string) int32 {
	if !isPartWord(word, minPart, maxPart) {
		return -1
	}
	stem := Stem(word)
	id, ok := c.ids[stem]
	if !ok {
		id = int32(len(c.ids))
		c.ids[stem] = id
	}
	for _, k := range []string{word, stem, headStem(word)} {
		if _, seen := c.keys[k]; !seen {
			c.keys[k] = id
		}
	}
	return id
}

// Position is where a known part stands in a compound word.
type Position int8

// Positions of a known part in a compound.
const (
	NoPart     Position = iota // the word has no known head or modifier
	AsHead                     // the part is the word's head: "woninginbraak" is a kind of inbraak
	AsModifier                 // the part is the word's modifier: "ondermijningsbeeld" is about ondermijning
)

// Find returns the known word a compound is built on, given its stem:
// among the parts the index splits it into (Parts), the longest known one
// that ends the word (its head), else the longest known one before it (a
// modifier), the first of equals. "woninginbraakpreventie" has the head
// preventie and the modifiers woninginbraak, woning and inbraak.
func (c *Compounds) Find(stem string) (int32, Position) {
	head, mod := int32(-1), int32(-1)
	headLen, modLen := 0, 0
	for _, nd := range splitOf(stem) {
		id, ok := c.keys[stem[nd.start:nd.end]]
		n := int(nd.end - nd.start)
		switch {
		case !ok:
		case int(nd.end) == len(stem) && n > headLen:
			head, headLen = id, n
		case int(nd.end) < len(stem) && n > modLen:
			mod, modLen = id, n
		}
	}
	if head >= 0 {
		return head, AsHead
	}
	if mod >= 0 {
		return mod, AsModifier
	}
	return -1, NoPart
}
