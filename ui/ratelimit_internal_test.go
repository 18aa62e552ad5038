package ui

import (
	"strconv"
	"testing"
	"time"
)

func TestLimiterCountsAndWaits(t *testing.T) {
	l := newLimiter(Rate{Max: 3, Window: time.Hour})
	for i := range 3 {
		if ok, _ := l.check("a"); !ok {
			t.Fatalf("event %d refused within the limit", i+1)
		}
		l.count("a")
	}
	ok, wait := l.check("a")
	if ok || wait <= 0 || wait > 20*time.Minute {
		t.Errorf("after 3 of 3/h: ok %v, wait %s; want a refusal until the next of 3 per hour (≤ 20m)", ok, wait)
	}
	if ok, _ := l.check("b"); !ok {
		t.Error("another key is refused")
	}
	l.count("a") // counted beyond the limit: a debt
	if _, more := l.check("a"); more <= wait {
		t.Errorf("a fourth event did not lengthen the wait (%s, was %s)", more, wait)
	}
}

func TestLimiterKeepsBoundedKeys(t *testing.T) {
	l := newLimiter(Rate{Max: 1, Window: time.Hour})
	l.capacity = 3
	for _, k := range []string{"a", "b", "c", "a", "d", "e"} {
		l.count(k)
	}
	if len(l.keys) != 3 || l.lru.Len() != 3 {
		t.Fatalf("%d keys (%d in the list), want at most 3", len(l.keys), l.lru.Len())
	}
	for k, limited := range map[string]bool{"a": true, "d": true, "e": true, "b": false, "c": false} {
		if ok, _ := l.check(k); ok == limited {
			t.Errorf("key %s: allowed %v; the least recently counted (b, c) go first", k, ok)
		}
	}
}

func TestLimiterOff(t *testing.T) {
	for _, l := range []*limiter{nil, newLimiter(Rate{})} {
		for range 10 {
			l.count("a")
		}
		if ok, _ := l.check("a"); !ok {
			t.Error("a limiter without a limit refused")
		}
	}
}

func TestClientKey(t *testing.T) {
	tests := []struct{ ip, want string }{
		{"192.0.2.10", "192.0.2.10"},
		{"::ffff:192.0.2.10", "192.0.2.10"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2::", "2001:db8:1:2::/64"},
		{"fe80::1%eth0", "fe80::/64"},
		{"::1", "::/64"},
		{"geen adres", "geen adres"},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := clientKey(tt.ip); got != tt.want {
				t.Errorf("clientKey(%q) = %q, want %q", tt.ip, got, tt.want)
			}
		})
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in   string
		want Rate
		bad  bool
	}{
		{"10/1h", Rate{Max: 10, Window: time.Hour}, false},
		{" 5 / 15m ", Rate{Max: 5, Window: 15 * time.Minute}, false},
		{"off", Rate{Max: -1}, false},
		{"10", Rate{}, true},
		{"0/1h", Rate{}, true},
		{"-3/1h", Rate{}, true},
		{"10/uur", Rate{}, true},
		{"10/0s", Rate{}, true},
		{"", Rate{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRate(tt.in)
			if (err != nil) != tt.bad || got != tt.want {
				t.Errorf("ParseRate(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.bad)
			}
			if err == nil && got.Max > 0 {
				if back, _ := ParseRate(got.String()); back != got {
					t.Errorf("String %q does not parse back", got.String())
				}
			}
		})
	}
}

// BenchmarkLimiterFull counts events of ever new keys in a full limiter,
// as a flood from many addresses does: each one drops the least recently
// counted key.
func BenchmarkLimiterFull(b *testing.B) {
	l := newLimiter(Rate{Max: 10, Window: time.Hour})
	for i := range limiterKeys {
		l.count("k" + strconv.Itoa(i))
	}
	keys := make([]string, 1<<16)
	for i := range keys {
		keys[i] = "n" + strconv.Itoa(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := keys[i%len(keys)]
		if ok, _ := l.check(k); ok {
			l.count(k)
		}
		i++
	}
}
