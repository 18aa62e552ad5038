package tag

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
)

// fold maps accented letters to their plain form.
var fold = strings.NewReplacer(
	"á", "a", "à", "a", "ä", "a", "â", "a",
	"é", "e", "è", "e", "ë", "e", "ê", "e",
	"í", "i", "ì", "i", "ï", "i", "î", "i",
	"ó", "o", "ò", "o", "ö", "o", "ô", "o",
	"ú", "u", "ù", "u", "ü", "u", "û", "u",
	"ç", "c", "ĳ", "ij",
)

// token is one word of a text: its folded form and its stem.
type token struct {
	form string
	stem string
}

// maxSharedStems bounds the stems a Tagger keeps across documents.
const maxSharedStems = 500_000

// sharedStems remembers stems across documents and goroutines: a plan
// vocabulary is small, so after a few documents almost every word is known.
type sharedStems struct {
	m sync.Map // folded word → stem
	n atomic.Int64
}

// stemCache remembers stems within one document (no locking), backed by
// the Tagger's shared cache. A nil cache stems every word.
type stemCache struct {
	local  map[string]string
	shared *sharedStems
}

func (c *stemCache) stem(w string) string {
	if c == nil {
		return stem(w)
	}
	if s, ok := c.local[w]; ok {
		return s
	}
	var s string
	if v, ok := c.shared.m.Load(w); ok {
		s = v.(string)
	} else {
		s = stem(w)
		if c.shared.n.Load() < maxSharedStems {
			c.shared.m.Store(w, s)
			c.shared.n.Add(1)
		}
	}
	c.local[w] = s
	return s
}

// tokenize splits text into lower-case, accent-folded words with their
// Dutch stems. Apostrophe plurals lose their "'s" ("camera's" → camera);
// hyphens and slashes separate words.
func tokenize(text string, buf []token) []token {
	return tokenizeCached(text, buf, nil)
}

// tokenizeCached is tokenize with a stem cache.
func tokenizeCached(text string, buf []token, cache *stemCache) []token {
	text = strings.ToLower(text)
	if !isASCII(text) {
		text = fold.Replace(text)
	}
	start := -1
	for i := 0; i <= len(text); i++ {
		var c byte
		if i < len(text) {
			c = text[i]
		}
		if isWordByte(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := text[start:i]
			buf = append(buf, token{form: w, stem: cache.stem(w)})
			start = -1
		}
		if c == '\'' || c == 0xe2 {
			i = skipApostropheS(text, i)
		}
	}
	return buf
}

// skipApostropheS skips "'s" after a word (also with a typographic
// apostrophe), returning the index of the last byte skipped.
func skipApostropheS(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != '\'' && r != '’' {
		return i + n - 1
	}
	if i+n < len(text) && text[i+n] == 's' && (i+n+1 == len(text) || !isWordByte(text[i+n+1])) {
		return i + n
	}
	return i + n - 1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 && c != 0xe2
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stem returns the Snowball Dutch stem of a folded word; short words and
// numbers are their own stem.
func stem(w string) string {
	if len(w) <= 3 || unicode.IsDigit(rune(w[0])) {
		return w
	}
	env := snowball.NewEnv(w)
	dutch.Stem(env)
	return env.Current()
}
