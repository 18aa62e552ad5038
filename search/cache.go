package search

import (
	"container/list"
	"sync"
)

// resultCache keeps the results of recent requests for one index
// generation. A new generation (a rebuild, an approval) empties it, so a
// cached result is never older than the index it came from.
type resultCache struct {
	mu         sync.Mutex
	max        int
	generation string
	order      *list.List // of *cacheEntry, most recent first
	entries    map[string]*list.Element
}

type cacheEntry struct {
	key string
	res *Result
}

// newResultCache returns a cache of max entries; max < 0 disables it.
func newResultCache(max int) *resultCache {
	return &resultCache{max: max, order: list.New(), entries: map[string]*list.Element{}}
}

func (c *resultCache) get(generation, key string) *Result {
	if c.max < 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return nil
	}
	e, ok := c.entries[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).res
}

func (c *resultCache) put(generation, key string, res *Result) {
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
		e.Value.(*cacheEntry).res = res
		c.order.MoveToFront(e)
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, res: res})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).key)
	}
}

// parallel runs fns at once and returns the first error.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
