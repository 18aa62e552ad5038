package nl

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// maxMemoWords bounds the words Analyze remembers (about 200 bytes each),
// and the stems whose compound parts splitOf remembers; words beyond it
// are analysed every time. A plan vocabulary is small: after a few
// documents almost every word is known.
const maxMemoWords = 1 << 20

// memoShards spreads a memo over locks so that goroutines analysing
// different words seldom wait for each other.
const memoShards = 64

// words and splits are the package's memos. With the splitter's
// dictionary, read once from embedded data (dict), they are its only
// state, and none of them changes an answer.
var (
	words  = newMemo(maxMemoWords, func(word string) *Word { return analyzeForm(formOf(word)) })
	splits = newMemo(maxMemoWords, split)
)

// memo remembers the answer of compute per key, bounded. It is safe for
// concurrent use.
type memo[V any] struct {
	seed     maphash.Seed
	perShard int64
	compute  func(string) V
	shards   [memoShards]memoShard[V]
}

type memoShard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	n  atomic.Int64
	_  [24]byte // keep shards on separate cache lines
}

func newMemo[V any](max int, compute func(string) V) *memo[V] {
	m := &memo[V]{seed: maphash.MakeSeed(), perShard: int64(max / memoShards), compute: compute}
	for i := range m.shards {
		m.shards[i].m = map[string]V{}
	}
	return m
}

func (m *memo[V]) getString(key string) V {
	sh := &m.shards[maphash.String(m.seed, key)%memoShards]
	sh.mu.RLock()
	v, ok := sh.m[key]
	sh.mu.RUnlock()
	if ok {
		return v
	}
	// The key is a copy: key is often a slice of a long text, which the
	// memo must not keep alive.
	key = strings.Clone(key)
	return m.store(sh, key, m.compute(key))
}

func (m *memo[V]) getBytes(key []byte) V {
	sh := &m.shards[maphash.Bytes(m.seed, key)%memoShards]
	sh.mu.RLock()
	v, ok := sh.m[string(key)]
	sh.mu.RUnlock()
	if ok {
		return v
	}
	k := string(key)
	return m.store(sh, k, m.compute(k))
}

// store remembers v under key while the shard has room, and returns what
// the memo holds for key (another goroutine may have been first).
func (m *memo[V]) store(sh *memoShard[V], key string, v V) V {
	if sh.n.Load() >= m.perShard {
		return v
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if old, ok := sh.m[key]; ok {
		return old
	}
	if int64(len(sh.m)) < m.perShard {
		sh.m[key] = v
		sh.n.Add(1)
	}
	return v
}
