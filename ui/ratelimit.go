package ui

import (
	"container/list"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a limit of Max events per Window; a zero Max means no limit.
// Events are counted in a token bucket that holds Max and refills one
// every Window/Max, so after a burst of Max the next one is allowed after
// Window/Max, not after a whole Window.
type Rate struct {
	Max    int
	Window time.Duration
}

// ParseRate reads a rate as "10/1h" (Max/Window); "off" is no limit
// (Max -1, which Options reads as off).
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	if s == "off" {
		return Rate{Max: -1}, nil
	}
	n, w, ok := strings.Cut(s, "/")
	max, err := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err != nil || max <= 0 {
		return Rate{}, fmt.Errorf("rate %q: want a count and a duration, as 10/1h, or off", s)
	}
	window, err := time.ParseDuration(strings.TrimSpace(w))
	if err != nil || window <= 0 {
		return Rate{}, fmt.Errorf("rate %q: want a count and a duration, as 10/1h, or off", s)
	}
	return Rate{Max: max, Window: window}, nil
}

// String writes r as ParseRate reads it.
func (r Rate) String() string {
	if r.Max <= 0 {
		return "off"
	}
	return strconv.Itoa(r.Max) + "/" + r.Window.String()
}

// limiter counts events per key in token buckets (golang.org/x/time/rate).
// It keeps the buckets of at most capacity keys, dropping the least
// recently counted when full, in constant time. Only counted events create
// a bucket: checking a key without one finds it full.
type limiter struct {
	rate     Rate
	every    rate.Limit
	capacity int

	mu   sync.Mutex
	keys map[string]*list.Element // of *bucket
	lru  list.List                // front: most recently counted
}

// bucket is the token bucket of one key.
type bucket struct {
	key string
	lim *rate.Limiter
}

// limiterKeys is how many keys one limiter keeps: about 200 bytes each.
const limiterKeys = 50_000

func newLimiter(r Rate) *limiter {
	l := &limiter{rate: r, capacity: limiterKeys, keys: map[string]*list.Element{}}
	if r.Max > 0 {
		l.every = rate.Every(r.Window / time.Duration(r.Max))
	}
	return l
}

// check reports whether key may have one more event now; when not, it
// returns how long until it may.
func (l *limiter) check(key string) (bool, time.Duration) {
	if l == nil || l.rate.Max <= 0 {
		return true, 0
	}
	l.mu.Lock()
	e := l.keys[key]
	l.mu.Unlock()
	if e == nil {
		return true, 0
	}
	tokens := e.Value.(*bucket).lim.Tokens()
	if tokens >= 1 {
		return true, 0
	}
	return false, time.Duration((1 - tokens) / float64(l.every) * float64(time.Second))
}

// count records one event for key, even beyond the limit: concurrent
// events that all passed check leave a debt that later checks wait for.
func (l *limiter) count(key string) {
	if l == nil || l.rate.Max <= 0 {
		return
	}
	l.mu.Lock()
	e := l.keys[key]
	if e == nil {
		e = l.lru.PushFront(&bucket{key: key, lim: rate.NewLimiter(l.every, l.rate.Max)})
		l.keys[key] = e
		if l.lru.Len() > l.capacity {
			delete(l.keys, l.lru.Remove(l.lru.Back()).(*bucket).key)
		}
	} else {
		l.lru.MoveToFront(e)
	}
	l.mu.Unlock()
	e.Value.(*bucket).lim.ReserveN(time.Now(), 1)
}

// clientKey is the address a request is limited by: the client address
// as Gin sees it (the peer, or with trusted proxies the address they
// forwarded), IPv4 as is and IPv6 by its /64, the block one subscriber
// usually has.
func clientKey(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is6() {
		p, _ := a.WithZone("").Prefix(64)
		return p.String()
	}
	return a.String()
}

// orDefault returns def for the zero Rate, no limit for a negative Max,
// else r.
func (r Rate) orDefault(def Rate) Rate {
	switch {
	case r.Max == 0:
		return def
	case r.Max < 0:
		return Rate{}
	}
	return r
}

// retryAfter is the Retry-After header for a wait: whole seconds, at least 1.
func retryAfter(wait time.Duration) string {
	return strconv.Itoa(max(1, int((wait+time.Second-1)/time.Second)))
}

// wachttijd says a wait in Dutch: "1 minuut", "12 minuten", "30 seconden".
func wachttijd(wait time.Duration) string {
	if wait < time.Minute {
		return aantal(max(1, int((wait+time.Second-1)/time.Second)), "seconde", "seconden")
	}
	return aantal(int((wait+time.Minute-1)/time.Minute), "minuut", "minuten")
}
