package harvest

import (
	"context"
	"strings"
	"sync"
	"time"
)

// pacer spaces the requests to each host at least interval apart. A
// request reserves the next free slot of its host before it waits, so
// concurrent callers never share a slot, and when its answer has come
// (release) the next slot moves to interval after that: so the host sees
// the requests interval apart however long each took to arrive.
type pacer struct {
	interval time.Duration
	mu       sync.Mutex
	next     map[string]time.Time
	slower   map[string]time.Duration // hosts that asked for more (Crawl-delay)
}

func newPacer(interval time.Duration) *pacer {
	return &pacer{interval: interval, next: map[string]time.Time{}, slower: map[string]time.Duration{}}
}

// slowDown spaces the requests to host d apart when that is more than
// the interval.
func (p *pacer) slowDown(host string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	host = strings.ToLower(host)
	if d > p.gap(host) {
		if next, ok := p.next[host]; ok { // the slot already taken moves out too
			p.next[host] = next.Add(d - p.gap(host))
		}
		p.slower[host] = d
	}
}

// gap is the least time between two requests to host; p.mu is held.
func (p *pacer) gap(host string) time.Duration {
	return max(p.interval, p.slower[host])
}

// wait returns when a request to host may be sent, or when ctx ends.
func (p *pacer) wait(ctx context.Context, host string) error {
	host = strings.ToLower(host)
	p.mu.Lock()
	now := time.Now()
	slot := p.next[host]
	if slot.Before(now) {
		slot = now
	}
	p.next[host] = slot.Add(p.gap(host))
	p.mu.Unlock()
	d := time.Until(slot)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release marks that the answer to a request to host has come.
func (p *pacer) release(host string) {
	host = strings.ToLower(host)
	p.mu.Lock()
	defer p.mu.Unlock()
	if next := time.Now().Add(p.gap(host)); next.After(p.next[host]) {
		p.next[host] = next
	}
}
