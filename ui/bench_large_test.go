package ui_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/ui"
)

// TestLargeHTTP is the HTTP part of `make bench-large`: /api/v1/search on
// the real Gin handler, served on loopback, over the generated store and
// index that the search package's TestLargeSearch left in IVP_BENCH_DIR
// (default /tmp/ivp-bench) for the largest of IVP_BENCH_SIZES. The mix is
// three- to six-word queries, half of them with one or two filters, all
// distinct (a fresh handler per pass, so no answer comes from the result
// cache); a warm-up pass, then one client, then 8. It only reports.
// IVP_BENCH_CPUPROFILE=FILE writes a CPU profile of the one-client pass. It runs only with
// IVP_BENCH_LARGE=1.
func TestLargeHTTP(t *testing.T) {
	if os.Getenv("IVP_BENCH_LARGE") != "1" {
		t.Skip("set IVP_BENCH_LARGE=1 to run the large-corpus HTTP benchmark")
	}
	ctx := context.Background()
	n, seed := benchLargest(), envOr("IVP_BENCH_SEED", "1")
	dir := envOr("IVP_BENCH_DIR", "/tmp/ivp-bench")
	sdir := filepath.Join(dir, fmt.Sprintf("store-%s-seed%s", n, seed))
	idir := filepath.Join(dir, fmt.Sprintf("index-%s-seed%s", n, seed))
	if _, err := os.Stat(filepath.Join(idir, "CURRENT")); err != nil {
		t.Skipf("no index in %s: run TestLargeSearch (make bench-large) first", idir)
	}
	store, err := corpus.Open(ctx, sdir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ix, err := indexer.Open(ctx, idir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const per = 200
	mix := httpMix(store.Gemeenten(), 3*per)
	httpPass(t, store, ix, mix[:per], 2) // warm the page cache with other requests
	t.Logf("HTTP /api/v1/search at %s passages, %d distinct requests of 3-6 words per pass, half filtered", n, per)
	for i, clients := range []int{1, 8} {
		stop := func() {}
		if path := os.Getenv("IVP_BENCH_CPUPROFILE"); path != "" && clients == 1 {
			stop = cpuProfile(t, path)
		}
		lat, wall := httpPass(t, store, ix, mix[(i+1)*per:(i+2)*per], clients)
		stop()
		t.Logf("%d client(s): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, %.1f queries/s", clients,
			ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), float64(len(lat))/wall.Seconds())
	}
}

// cpuProfile starts a CPU profile into path and returns its stop.
func cpuProfile(t *testing.T, path string) func() {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// benchLargest is the largest size of IVP_BENCH_SIZES.
func benchLargest() string {
	best, bestN := "1000000", 0
	for _, s := range strings.Split(envOr("IVP_BENCH_SIZES", "300000,1000000"), ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(s), &n); err == nil && n > bestN {
			best, bestN = strings.TrimSpace(s), n
		}
	}
	return best
}

// httpPass serves a fresh handler on loopback and sends it the mix from
// clients goroutines; it returns each request's latency and the wall time.
func httpPass(t *testing.T, store *corpus.Store, ix *indexer.Indexer, mix []string, clients int) ([]time.Duration, time.Duration) {
	h, err := ui.New(ui.Options{Version: "bench"}, search.New(ix), store, ix)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h) // 127.0.0.1
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	lat := make([]time.Duration, len(mix))
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for i := range next {
				t0 := time.Now()
				if err := get(client, srv.URL+"/api/v1/search?"+mix[i]); err != nil {
					t.Error(err)
				}
				lat[i] = time.Since(t0)
			}
		})
	}
	for i := range mix {
		next <- i
	}
	close(next)
	wg.Wait()
	return lat, time.Since(start)
}

func get(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

// httpWords are words policy advisers combine in longer queries.
var httpWords = strings.Fields(`veiligheid jeugd ondermijning woninginbraak cameratoezicht drugs overlast
	politie horeca uitgaansgebied radicalisering polarisatie huiselijk geweld zorg wijk buurt preventie
	handhaving boa toezicht evenementen vuurwerk jaarwisseling criminaliteit aanpak samenwerking inwoners
	ondernemers winkeldiefstal fietsendiefstal verkeersveiligheid cybercrime fraude ouderen school
	bedrijventerrein vakantiepark bibob coffeeshop mensenhandel uitbuiting zorgmijders crisis`)

// httpMix makes n distinct query strings of 3-6 words, every second one
// with a provincie and veld or a jaar and type filter (fixed seed).
func httpMix(gm *corpus.Gemeenten, n int) []string {
	var provs []string
	for _, g := range gm.All() {
		if !slices.Contains(provs, g.Provincie) {
			provs = append(provs, g.Provincie)
		}
	}
	rng := rand.New(rand.NewPCG(13, 7))
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		words := make([]string, 3+rng.IntN(4))
		for i := range words {
			words[i] = httpWords[rng.IntN(len(httpWords))]
		}
		v := url.Values{"q": {strings.Join(words, " ")}}
		switch len(out) % 4 {
		case 1:
			v.Set("provincie", provs[rng.IntN(len(provs))])
			v.Set("veld", fmt.Sprint(1+rng.IntN(5)))
		case 3:
			v.Set("jaar", fmt.Sprint(2020+rng.IntN(7)))
			v.Set("type", string(corpus.DocTypes[rng.IntN(4)]))
		}
		if q := v.Encode(); !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

func pct(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[max(0, min(int(float64(len(s))*p/100+0.999999)-1, len(s)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
