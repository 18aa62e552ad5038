package nl

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// Word is the analysis of one written word. Words returned by Analyze are
// shared: callers must not change them.
type Word struct {
	// Form is the word as the exact field holds it: lower case, the
	// apostrophe rule applied, folded ("BOA’s" is boa, "Geïntegreerde" is
	// geintegreerde).
	Form string
	// Stem is the Snowball stem of Form, also for a stop word.
	Stem string
	// Stop is true for a Dutch stop word.
	Stop bool
	// Terms is what the stemmed index fields hold for the word: Stem and
	// then the stems of its dictionary parts (Parts(Stem)); nil for a stop
	// word.
	Terms []string
}

// Analyze returns the analysis of word, one word as written (a token of
// AppendTokens). Answers are remembered (see MaxMemoWords), so a caller
// that analyses a corpus word by word needs no cache of its own.
func Analyze(word string) *Word { return words.getString(word) }

// AnalyzeBytes is Analyze for bytes; it does not keep word.
func AnalyzeBytes(word []byte) *Word { return words.getBytes(word) }

// AnalyzeForm is the analysis of a form that is already lower case,
// folded and without apostrophes (a term of the exact field). It equals
// Analyze(form) except for the rare form that folding would change again
// (a letter-like symbol such as ℌ folds to a capital H, which folds to h),
// and is not remembered when it differs.
func AnalyzeForm(form []byte) *Word {
	if w := words.getBytes(form); w.Form == string(form) {
		return w
	}
	return analyzeForm(string(form))
}

func analyzeForm(form string) *Word {
	w := &Word{Form: form, Stem: Stem(form), Stop: IsStop(form)}
	if !w.Stop {
		w.Terms = append([]string{w.Stem}, Parts(w.Stem)...)
	}
	return w
}

// MaxMemoWords bounds the words Analyze remembers (about 200 bytes each);
// words beyond it are analysed every time. A plan vocabulary is small:
// after a few documents almost every word is known.
const MaxMemoWords = 1 << 20

// memoShards spreads the memo over locks so that goroutines analysing
// different words seldom wait for each other.
const memoShards = 64

// words is the package's memo. It is the only state of the package and
// never changes an answer.
var words = newMemo(MaxMemoWords)

// memo remembers the analysis per written word, bounded. It is safe for
// concurrent use.
type memo struct {
	seed     maphash.Seed
	perShard int64
	shards   [memoShards]memoShard
}

type memoShard struct {
	mu sync.RWMutex
	m  map[string]*Word
	n  atomic.Int64
	_  [24]byte // keep shards on separate cache lines
}

func newMemo(max int) *memo {
	m := &memo{seed: maphash.MakeSeed(), perShard: int64(max / memoShards)}
	for i := range m.shards {
		m.shards[i].m = map[string]*Word{}
	}
	return m
}

func (m *memo) getString(word string) *Word {
	sh := &m.shards[maphash.String(m.seed, word)%memoShards]
	sh.mu.RLock()
	w, ok := sh.m[word]
	sh.mu.RUnlock()
	if ok {
		return w
	}
	// The key is a copy: word is often a slice of a long text, which the
	// memo must not keep alive.
	return m.store(sh, strings.Clone(word), analyzeForm(FormOf(word)))
}

func (m *memo) getBytes(word []byte) *Word {
	sh := &m.shards[maphash.Bytes(m.seed, word)%memoShards]
	sh.mu.RLock()
	w, ok := sh.m[string(word)]
	sh.mu.RUnlock()
	if ok {
		return w
	}
	return m.store(sh, string(word), analyzeForm(string(formBytes(append([]byte(nil), word...)))))
}

// store remembers w under key while the shard has room, and returns what
// the memo holds for key (another goroutine may have been first).
func (m *memo) store(sh *memoShard, key string, w *Word) *Word {
	if sh.n.Load() >= m.perShard {
		return w
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if old, ok := sh.m[key]; ok {
		return old
	}
	if int64(len(sh.m)) < m.perShard {
		sh.m[key] = w
		sh.n.Add(1)
	}
	return w
}
