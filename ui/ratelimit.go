package ui

import (
	"strconv"
	"sync"
	"time"
)

// Rate is a limit of Max events per Window; a zero Max means no limit.
type Rate struct {
	Max    int
	Window time.Duration
}

// limiter counts events per key in fixed windows. It keeps at most
// maxKeys keys; when full, expired windows are dropped first and, if that
// is not enough, the oldest window goes.
type limiter struct {
	rate Rate

	mu   sync.Mutex
	hits map[string]*window
}

// window is the count of one key since start.
type window struct {
	start time.Time
	n     int
}

const maxLimiterKeys = 100_000

func newLimiter(r Rate) *limiter {
	return &limiter{rate: r, hits: map[string]*window{}}
}

// allow records one event for key and reports whether it is within the
// limit. It returns the time until the window of key ends.
func (l *limiter) allow(key string) (bool, time.Duration) {
	if l == nil || l.rate.Max <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	w := l.hits[key]
	if w == nil || now.Sub(w.start) >= l.rate.Window {
		if w == nil && len(l.hits) >= maxLimiterKeys {
			l.prune(now)
		}
		w = &window{start: now}
		l.hits[key] = w
	}
	w.n++
	return w.n <= l.rate.Max, w.start.Add(l.rate.Window).Sub(now)
}

// prune drops expired windows, or the oldest one when none has expired.
func (l *limiter) prune(now time.Time) {
	var oldest string
	for k, w := range l.hits {
		if now.Sub(w.start) >= l.rate.Window {
			delete(l.hits, k)
			continue
		}
		if oldest == "" || w.start.Before(l.hits[oldest].start) {
			oldest = k
		}
	}
	if len(l.hits) >= maxLimiterKeys && oldest != "" {
		delete(l.hits, oldest)
	}
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
		return aantal(max(1, int(wait/time.Second)), "seconde", "seconden")
	}
	return aantal(int((wait+time.Minute-1)/time.Minute), "minuut", "minuten")
}
