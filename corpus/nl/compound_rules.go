package nl

import "strings"

// Compound rules, shared by the splitter (Parts, which the index uses) and
// every Compounds dictionary (Find, which the tagger uses). Lengths are in
// bytes of the stem, which are letters for Dutch text.
const (
	minCompound   = 7  // shorter words are never split
	maxCompound   = 48 // longer tokens (codes, URLs) are not split either
	minPart       = 4  // a part: "raad" may be one, "wet" and "bos" not ...
	minShortHead  = 3  // ... except a head after -s-: "bestuur-s-lid"
	maxPart       = 16 // longest word a Compounds takes
	minLeft       = 3  // an unknown modifier before a domain head
	minModifier   = 6  // a domain modifier before an unknown head ...
	minUnknownEnd = 4  // ... needs at least this many letters after it
	minDerived    = 5  // shortest stem of a part of under 8 letters that may end a word
)

// linkMorphemes are the Dutch linking sounds between compound parts
// ("veiligheid-s-plan", "ramp-en-bestrijding", "kind-er-opvang"); see
// linkFits for where they may stand. The linking e is not among them: the
// words that take it are words of the list with their e ("vrije-tijd",
// "ruimte-beheer"), and a bare e between parts split only names and
// simple words on the real texts ("wang-e-drag", "wink-e-liers",
// "nieuw-e-gein").
var linkMorphemes = []string{"", "s", "en", "er"}

// erPlurals are the nouns with the old plural -eren whose compounds link
// with -er- ("kindermishandeling", "bladerdak").
var erPlurals = map[string]bool{"kind": true, "lied": true, "volk": true, "rund": true, "blad": true}

// linkFits reports whether the linking morpheme l may follow the part p:
// no -s- after an s ("gevangenis-straf" is no gevangenis-s-traf), -er-
// only after the nouns of erPlurals.
func linkFits(p, l string) bool {
	switch l {
	case "s":
		return !strings.HasSuffix(p, "s")
	case "er":
		return erPlurals[p]
	}
	return true
}

// notModifiers are prefixes, particles and pronominal adverbs that form
// derivations, separable verbs or adverbs, not compounds: "voorraad" is
// no kind of raad, "verzorging" no kind of zorg, "daarnaast" no kind of
// naast, "medewerker" no kind of werker.
var notModifiers = map[string]bool{
	"aan": true, "achter": true, "door": true, "her": true, "mee": true,
	"mis": true, "onder": true, "ont": true, "over": true, "tegen": true,
	"toe": true, "uit": true, "ver": true, "voor": true, "wan": true,
	"weg": true, "bij": true, "terug": true, "samen": true, "verder": true,
	"mede": true, "tussen": true, "voort": true, "overeen": true, "vast": true,
	"weer": true, "waar": true, "daar": true, "hier": true, "dicht": true,
	"anti": true, "inter": true, "super": true, "trans": true, "boven": true,
	"bijeen": true, "ineen": true, "neer": true, "para": true,
}

// notModifier reports whether p, a part before another part, is one of
// notModifiers, also with a linking morpheme ("overs-", "voors-").
func notModifier(p string) bool {
	if notModifiers[p] {
		return true
	}
	for _, l := range linkMorphemes[1:] {
		if b, ok := strings.CutSuffix(p, l); ok && notModifiers[b] {
			return true
		}
	}
	return false
}

// suffixWords are derivational and inflectional endings that are also
// words of their own, and so never a part: "natuurlijk" is no kind of
// lijk, "waterschap" no kind of schap, "slagvaardig" no kind of vaardig,
// "jongeren" no jong-eren. Stems are listed as Snowball leaves them
// ("vaard" of "vaardig").
var suffixWords = map[string]bool{
	"heid": true, "heden": true, "lijk": true, "lijke": true, "lijks": true,
	"baar": true, "bare": true, "schap": true, "schappen": true,
	"loos": true, "achtig": true, "isch": true, "vaardig": true, "vaard": true,
	"ment": true, "eren": true,
}

// suffixHeads are adjective and noun endings that are words of their own,
// and so never the last part of a word: "belangrijk" is no kind of rijk,
// "minister" no kind of ster.
var suffixHeads = map[string]bool{
	"rijk": true, "rijke": true, "rijker": true, "rijkst": true, "rijkste": true,
	"ster": true, "sters": true,
}

// prefixEndings end unknown modifiers that are really a prefixed verb:
// "groepsbe-handeling", "stollingsaf-wijking", "aange-meld".
var prefixEndings = []string{"be", "ge", "ver", "ont", "her", "af", "aan", "uit", "toe", "mee"}

// derivational are the starts of an unknown head that make it a
// derivation of a domain modifier rather than a compound with it:
// "gebruikers" is no kind of gebruik.
var derivational = []string{"er", "ing", "ig", "ijk", "lijk", "isch", "heid", "baar"}

// headPrefix is a long modifier that puts a word in head position, where
// Snowball may stem it further than alone ("verkeersveiligheid" is
// verkeersveil).
const headPrefix = "verkeers"

// headStem returns the stem of the end of a compound that is word: its
// stem after a long modifier.
func headStem(word string) string {
	return strings.TrimPrefix(Stem(headPrefix+word), headPrefix)
}

// unknownModifier reports whether left may be an unknown first part before
// a domain head: long enough, not a prefix ("voorraad") and not ending in
// one ("groepsbehandeling" is no kind of handel, "aangemeld" no kind of
// melding).
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
