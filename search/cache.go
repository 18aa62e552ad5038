package search

import (
	"container/list"
	"sync"
)

// resultCache keeps the results of recent requests for one index
// generation. A new generation (a rebuild, an approval) empties it, so a
// cached result is never older than the index it came from.
type resultCache = genCache[*Result]

// genCache keeps recent values for one index generation, least recently
// used out first.
type genCache[T any] struct {
	mu         sync.Mutex
	max        int
	generation string
	order      *list.List // of *cacheEntry, most recent first
	entries    map[string]*list.Element
}

type cacheEntry[T any] struct {
	key string
	res T
}

// newResultCache returns a cache of max entries; max < 0 disables it.
func newResultCache(max int) *resultCache { return newGenCache[*Result](max) }

func newGenCache[T any](max int) *genCache[T] {
	return &genCache[T]{max: max, order: list.New(), entries: map[string]*list.Element{}}
}

func (c *genCache[T]) get(generation, key string) T {
	var zero T
	if c.max < 0 {
		return zero
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return zero
	}
	e, ok := c.entries[key]
	if !ok {
		return zero
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry[T]).res
}

func (c *genCache[T]) put(generation, key string, res T) {
	if c.max < 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		c.generation = generation
		c.order.Init()
		clear(c.entries)
	}
	if e, ok := c.entries[key]; ok {
		e.Value.(*cacheEntry[T]).res = res
		c.order.MoveToFront(e)
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry[T]{key: key, res: res})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry[T]).key)
	}
}
