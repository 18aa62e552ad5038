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
}

func newPacer(interval time.Duration) *pacer {
	return &pacer{interval: interval, next: map[string]time.Time{}}
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
	p.next[host] = slot.Add(p.interval)
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
	if next := time.Now().Add(p.interval); next.After(p.next[host]) {
		p.next[host] = next
	}
}
