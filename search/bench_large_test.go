package search_test

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/gen"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/search"
	"github.com/ccv/ivp/search/internal/fts"
)

// TestLargeSearch is the large-corpus run of `make bench` / `make
// bench-large`: for each size in IVP_BENCH_SIZES (passages, default
// "300000,1000000") it builds or reuses a generated store under
// IVP_BENCH_DIR (default /tmp/ivp-bench), rebuilds our index, builds the
// SQLite FTS5 baseline, runs the query mix on both, single-threaded and
// with 8 clients, and prints one table. It only reports: speed has no
// pass or fail here. It runs only with IVP_BENCH_LARGE=1. IVP_BENCH_SEED
// (default 1) picks the generated corpus; IVP_BENCH_ENGINES ("ivp,fts5")
// can leave one engine out when only the other changed. For profiling,
// IVP_BENCH_REUSE=1 opens the index left by the previous run instead of
// rebuilding it (no rebuild figures then), and IVP_BENCH_CPUPROFILE=FILE
// writes a CPU profile of our engine's single-client pass.
func TestLargeSearch(t *testing.T) {
	if os.Getenv("IVP_BENCH_LARGE") != "1" {
		t.Skip("set IVP_BENCH_LARGE=1 to run the large-corpus search benchmark")
	}
	dir := envOr("IVP_BENCH_DIR", "/tmp/ivp-bench")
	seed, _ := strconv.ParseInt(envOr("IVP_BENCH_SEED", "1"), 10, 64)
	for _, s := range strings.Split(envOr("IVP_BENCH_SIZES", "300000,1000000"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			t.Fatalf("IVP_BENCH_SIZES: bad size %q", s)
		}
		t.Run(strconv.Itoa(n), func(t *testing.T) { runLarge(t, dir, n, seed) })
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// largeReport is what one size measured.
type largeReport struct {
	passages, plans         int
	storeNote               string
	rebuild                 time.Duration
	indexBytes              int64
	ftsBuild                time.Duration
	ftsBytes                int64
	rssRebuild, rssIVP, rss int64 // VmHWM in KB per phase
	runs                    []mixRun
	loadBefore, loadAfter   string // 1-minute load average
}

func runLarge(t *testing.T, dir string, n int, seed int64) {
	ctx := context.Background()
	rep := &largeReport{loadBefore: loadAvg()}
	store := largeStore(t, ctx, dir, n, seed, rep)
	defer store.Close()
	mix := queryMix(store.Gemeenten())
	engines := envOr("IVP_BENCH_ENGINES", "ivp,fts5")
	if strings.Contains(engines, "ivp") {
		runIVP(t, ctx, filepath.Join(dir, fmt.Sprintf("index-%d-seed%d", n, seed)), store, mix, rep)
	}
	if strings.Contains(engines, "fts5") {
		runFTS(t, ctx, filepath.Join(dir, fmt.Sprintf("fts-%d-seed%d.db", n, seed)), store, mix, rep)
	}
	rep.loadAfter = loadAvg()
	printLarge(rep)
}

// runIVP rebuilds our index and runs the mix on it. A fresh Searcher per
// pass, and every request distinct within a pass, so that no answer comes
// from the result cache.
func runIVP(t *testing.T, ctx context.Context, dir string, store *corpus.Store, mix []benchQuery, rep *largeReport) {
	ix := rebuildLarge(t, ctx, dir, store, rep)
	defer ix.Close()
	resetPeakRSS()
	rep.runs = append(rep.runs, runMix(t, "ivp", mix, func() engine {
		s := search.New(ix)
		return func(ctx context.Context, q benchQuery) (int, error) {
			res, err := s.Search(ctx, q.request())
			if err != nil {
				return 0, err
			}
			return int(res.Total), nil
		}
	})...)
	rep.rssIVP = peakRSS()
}

// runFTS builds the FTS5 baseline and runs the mix on it.
func runFTS(t *testing.T, ctx context.Context, path string, store *corpus.Store, mix []benchQuery, rep *largeReport) {
	resetPeakRSS()
	base := buildFTS(t, ctx, path, store, rep)
	defer base.Close()
	rep.runs = append(rep.runs, runMix(t, "fts5", mix, func() engine {
		return func(ctx context.Context, q benchQuery) (int, error) {
			res, err := base.Search(ctx, q.ftsRequest())
			if err != nil {
				return 0, err
			}
			return res.Total, nil
		}
	})...)
	rep.rss = peakRSS()
}

// loadAvg is the 1-minute load average, from /proc/loadavg.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// engine answers one query of the mix with the number of plans found.
type engine func(context.Context, benchQuery) (int, error)

// rebuildLarge makes a fresh index of store in dir with a full rebuild,
// timed, with its peak RSS and size on disk.
func rebuildLarge(t *testing.T, ctx context.Context, dir string, store *corpus.Store, rep *largeReport) *indexer.Indexer {
	if os.Getenv("IVP_BENCH_REUSE") == "1" {
		if _, err := os.Stat(filepath.Join(dir, "CURRENT")); err == nil {
			ix, err := indexer.Open(ctx, dir, indexer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return ix
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	ix, err := indexer.Open(ctx, dir, indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	resetPeakRSS()
	start := time.Now()
	if _, err := ix.Rebuild(ctx, store); err != nil {
		ix.Close()
		t.Fatal(err)
	}
	rep.rebuild = time.Since(start)
	rep.rssRebuild = peakRSS()
	rep.indexBytes = dirBytes(dir)
	return ix
}

// buildFTS builds the FTS5 baseline of store at path, timed.
func buildFTS(t *testing.T, ctx context.Context, path string, store *corpus.Store, rep *largeReport) *fts.Index {
	start := time.Now()
	base, err := fts.Build(ctx, store, path)
	if err != nil {
		t.Fatal(err)
	}
	rep.ftsBuild = time.Since(start)
	rep.ftsBytes = fileBytes(path) + fileBytes(path+"-wal")
	return base
}

// largeStore opens the cached store for n passages, generating it first
// when it is missing or incomplete.
func largeStore(t *testing.T, ctx context.Context, dir string, n int, seed int64, rep *largeReport) *corpus.Store {
	sdir := filepath.Join(dir, fmt.Sprintf("store-%d-seed%d", n, seed))
	done := filepath.Join(sdir, "COMPLETE")
	rep.storeNote = "reused"
	if _, err := os.Stat(done); err != nil {
		if err := os.RemoveAll(sdir); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := fillStore(ctx, sdir, n, seed); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(done, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		rep.storeNote = fmt.Sprintf("generated in %.0f s", time.Since(start).Seconds())
	}
	store, err := corpus.Open(ctx, sdir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := store.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep.passages, rep.plans = c.Passages, c.Published
	return store
}

// fillStore stores generated plans until it holds at least n passages.
func fillStore(ctx context.Context, dir string, n int, seed int64) error {
	store, err := corpus.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer store.Close()
	plans := min(gen.MaxPlans, n/40+20) // about 53 passages a plan; stop at n
	seq, err := gen.Texts(ctx, plans, seed, store.Gemeenten())
	if err != nil {
		return err
	}
	total := 0
	for pt, err := range seq {
		if err != nil {
			return err
		}
		if _, _, err := store.Add(ctx, pt.Document, pt.Passages, pt.File); err != nil {
			return err
		}
		if total += len(pt.Passages); total >= n {
			return nil
		}
	}
	return fmt.Errorf("generated only %d passages of %d", total, n)
}

// mixRun is the latency of one engine over the mix with some clients.
type mixRun struct {
	engine      string
	clients     int
	lat         []time.Duration // per query, in mix order
	wall        time.Duration
	zero        int // queries that found no plan
	zeroQueries []string
	classes     []string
	queries     int
}

// runMix runs the mix on one engine: an untimed warm-up pass, a pass with
// one client and a pass with 8. newEngine gives a fresh engine per pass.
func runMix(t *testing.T, name string, mix []benchQuery, newEngine func() engine) []mixRun {
	ctx := context.Background()
	warm := newEngine()
	for _, q := range mix {
		if _, err := warm(ctx, q); err != nil {
			t.Fatalf("%s %s: %v", name, q, err)
		}
	}
	var out []mixRun
	for _, clients := range []int{1, 8} {
		stop := func() {}
		if path := os.Getenv("IVP_BENCH_CPUPROFILE"); path != "" && name == "ivp" && clients == 1 {
			stop = cpuProfile(t, path)
		}
		out = append(out, timedPass(t, name, clients, mix, newEngine()))
		stop()
	}
	return out
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

func timedPass(t *testing.T, name string, clients int, mix []benchQuery, run engine) mixRun {
	r := mixRun{engine: name, clients: clients, lat: make([]time.Duration, len(mix)), queries: len(mix)}
	totals := make([]int, len(mix))
	errs := make([]error, len(mix))
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for i := range next {
				t0 := time.Now()
				totals[i], errs[i] = run(context.Background(), mix[i])
				r.lat[i] = time.Since(t0)
			}
		})
	}
	for i := range mix {
		next <- i
	}
	close(next)
	wg.Wait()
	r.wall = time.Since(start)
	for i, n := range totals {
		if errs[i] != nil {
			t.Fatalf("%s with %d clients: %s: %v", name, clients, mix[i], errs[i])
		}
		if n == 0 {
			r.zero++
			r.zeroQueries = append(r.zeroQueries, mix[i].String())
		}
		r.classes = append(r.classes, mix[i].class)
	}
	return r
}

// percentile returns the p-th percentile (0-100) of ds, nearest rank.
func percentile(ds []time.Duration, p float64) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

func printLarge(rep *largeReport) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n=== large-corpus search, %d passages in %d plans (store %s), %s, GOMAXPROCS=%d\n",
		rep.passages, rep.plans, rep.storeNote, time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.GOMAXPROCS(0))
	fmt.Fprintf(&b, "    (a shared machine: load average %s at the start, %s at the end; other jobs make the numbers noisy)\n",
		rep.loadBefore, rep.loadAfter)
	if rep.rebuild > 0 {
		fmt.Fprintf(&b, "build   ivp  rebuild %6.1f s  %8.0f passages/s  index %s\n", rep.rebuild.Seconds(),
			float64(rep.passages)/rep.rebuild.Seconds(), mb(rep.indexBytes))
	}
	if rep.ftsBuild > 0 {
		fmt.Fprintf(&b, "build   fts5 build   %6.1f s  %8.0f passages/s  db    %s\n", rep.ftsBuild.Seconds(),
			float64(rep.passages)/rep.ftsBuild.Seconds(), mb(rep.ftsBytes))
	}
	fmt.Fprintf(&b, "%-6s %7s %8s %8s %8s %8s %9s %6s\n", "engine", "clients", "p50 ms", "p90 ms", "p99 ms", "max ms", "queries/s", "empty")
	for _, r := range rep.runs {
		fmt.Fprintf(&b, "%-6s %7d %8s %8s %8s %8s %9.1f %3d/%d\n", r.engine, r.clients, ms(percentile(r.lat, 50)),
			ms(percentile(r.lat, 90)), ms(percentile(r.lat, 99)), ms(percentile(r.lat, 100)),
			float64(r.queries)/r.wall.Seconds(), r.zero, r.queries)
	}
	fmt.Fprintf(&b, "p50 ms per query class, 1 client:\n")
	for _, r := range rep.runs {
		if r.clients == 1 {
			fmt.Fprintf(&b, "  %-5s %s\n", r.engine, classP50(r))
		}
	}
	for _, r := range rep.runs {
		if r.clients == 1 && r.zero > 0 {
			fmt.Fprintf(&b, "  %s found nothing for: %s\n", r.engine, strings.Join(r.zeroQueries, "; "))
		}
	}
	fmt.Fprintf(&b, "peak RSS of the test process (VmHWM, reset before each phase; it counts the index files Bleve and SQLite\n"+
		"map into memory): rebuild %s, ivp queries %s, fts5 build+queries %s\n", kb(rep.rssRebuild), kb(rep.rssIVP), kb(rep.rss))
	fmt.Print(b.String())
}

func classP50(r mixRun) string {
	by := map[string][]time.Duration{}
	for i, c := range r.classes {
		by[c] = append(by[c], r.lat[i])
	}
	var parts []string
	for _, c := range queryClasses {
		if len(by[c]) > 0 {
			parts = append(parts, fmt.Sprintf("%s %s (%d)", c, ms(percentile(by[c], 50)), len(by[c])))
		}
	}
	return strings.Join(parts, ", ")
}

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }
func kb(n int64) string {
	if n <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MB", float64(n)/1024)
}

func dirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

func fileBytes(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// resetPeakRSS makes VmHWM start again from the current RSS (Linux 4.0+).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's VmHWM in KB, 0 when unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// benchQuery is one request of the mix.
type benchQuery struct {
	class      string
	query      string
	provincies []string
	velden     []corpus.Veld
	jaren      []int
	types      []corpus.DocType
}

func (q benchQuery) String() string {
	s := fmt.Sprintf("%q", q.query)
	if len(q.provincies)+len(q.velden)+len(q.jaren)+len(q.types) > 0 {
		s += fmt.Sprintf(" prov=%v veld=%v jaar=%v type=%v", q.provincies, q.velden, q.jaren, q.types)
	}
	return s
}

// request is the mix query for our Searcher: page 1 of 10 plans, with
// every facet counted (Search always counts them all).
func (q benchQuery) request() search.Request {
	return search.Request{Query: q.query, Provincies: q.provincies, Velden: q.velden, Jaren: q.jaren,
		Types: q.types, Page: 1, Size: 10}
}

func (q benchQuery) ftsRequest() fts.Request {
	return fts.Request{Query: q.query, Provincies: q.provincies, Velden: q.velden, Jaren: q.jaren,
		Types: q.types, Page: 1, Size: 10}
}

var queryClasses = []string{"term", "two", "three", "phrase", "filtered", "browse"}

// queryMix is the realistic mix: every query of benchTerms as itself,
// and every fourth query again with two facet filters (provincie+veld or
// jaar+type, alternating), plus browsing without words. Requests are all
// distinct. The filter values are drawn from a fixed seed.
func queryMix(gm *corpus.Gemeenten) []benchQuery {
	var provs []string
	for _, g := range gm.All() {
		if !slices.Contains(provs, g.Provincie) {
			provs = append(provs, g.Provincie)
		}
	}
	slices.Sort(provs)
	rng := rand.New(rand.NewPCG(6, 3))
	var mix []benchQuery
	for i, line := range benchTerms {
		class, q, _ := strings.Cut(line, "\t")
		mix = append(mix, benchQuery{class: class, query: q})
		if i%4 == 1 {
			mix = append(mix, filtered(rng, q, i%8 == 1, provs))
		}
	}
	for i := range 6 {
		b := filtered(rng, "", i%2 == 0, provs)
		b.class = "browse"
		mix = append(mix, b)
	}
	return mix
}

func filtered(rng *rand.Rand, q string, provVeld bool, provs []string) benchQuery {
	b := benchQuery{class: "filtered", query: q}
	if provVeld {
		b.provincies = []string{provs[rng.IntN(len(provs))]}
		b.velden = []corpus.Veld{corpus.Veld(1 + rng.IntN(5))}
		return b
	}
	b.jaren = []int{2020 + rng.IntN(7)}
	b.types = []corpus.DocType{corpus.DocTypes[rng.IntN(4)]}
	return b
}

// benchTerms are what policy advisers type: class TAB query. Single terms
// run from very common ("veiligheid") to rare ("ramkraak"); a few queries
// find nothing in the generated text ("georganiseerde criminaliteit"), as
// some users' queries do.
var benchTerms = strings.Split(strings.TrimSpace(`
term	veiligheid
term	gemeente
term	politie
term	jeugd
term	ondermijning
term	woninginbraak
term	cameratoezicht
term	drugs
term	overlast
term	jeugdoverlast
term	radicalisering
term	polarisatie
term	cybercrime
term	fietsendiefstal
term	horeca
term	uitgaansgebied
term	evenementen
term	brandveiligheid
term	crisisbeheersing
term	zorgmijders
term	verward
term	huiselijk
term	mensenhandel
term	ramkraak
term	witwassen
term	vakantieparken
term	buitengebied
term	drugslabs
term	hennepteelt
term	Bibob
term	RIEC
term	boa
term	handhaving
term	buurtpreventie
term	WhatsApp
term	veiligheidsmonitor
term	slachtofferschap
term	straatroof
term	overvallen
term	geweld
term	explosies
term	vuurwerk
term	jongerenwerk
term	schoolveiligheid
term	winkeldiefstal
term	bedrijventerrein
term	keurmerk
term	heling
term	fraude
term	sexting
term	discriminatie
term	extremisme
term	zorg
term	nazorg
term	ex-gedetineerden
term	prostitutie
term	verkeersveiligheid
term	burgemeester
term	samenwerking
term	monitoring
term	evaluatie
term	wijkagent
term	woonoverlast
term	burenruzies
term	alcohol
term	lachgas
term	ondermijnende
term	integriteit
term	agressie
term	weerbaarheid
two	cameratoezicht uitgaansgebied
two	high impact
two	huiselijk geweld
two	zorg veiligheid
two	georganiseerde criminaliteit
two	jeugdige veelplegers
two	verwarde personen
two	veilige publieke
two	digitale criminaliteit
two	woninginbraak preventie
two	drugs jongeren
two	overlast jongeren
two	alcohol jongeren
two	horeca handhaving
two	bestuurlijke aanpak
two	persoonsgerichte aanpak
two	veiligheidshuis casus
two	buurtpreventie WhatsApp
two	brandveiligheid woningen
two	crisisbeheersing veiligheidsregio
two	radicalisering jongeren
two	polarisatie samenleving
two	ondermijning vakantieparken
two	ondermijning buitengebied
two	drugslabs dumpingen
two	cybercrime ouderen
two	oplichting ouderen
two	fietsendiefstal station
two	overvallen winkeliers
two	evenementen veiligheid
two	kwetsbare wijken
two	veiligheidsgevoel inwoners
two	meldingen overlast
two	preventie inbraak
two	mensenhandel prostitutie
two	bibob horeca
two	riec samenwerking
two	boa inzet
two	sociaal domein
two	zorgmijders aanpak
two	schoolveiligheid convenant
two	jeugdgroepen shortlist
two	wijkgericht werken
two	burgerparticipatie buurt
two	ondernemers bedrijventerrein
two	veiligheidsmonitor cijfers
two	geweld uitgaan
two	explosies portiek
two	vuurwerk jaarwisseling
two	lachgas verkeer
three	aanpak georganiseerde criminaliteit
three	high impact crimes
three	huiselijk geweld kindermishandeling
three	zorg en veiligheid
three	personen met verward gedrag
three	veilige publieke taak
three	cameratoezicht in uitgaansgebied
three	preventie van woninginbraak
three	jongeren en drugs
three	overlast door jeugdgroepen
three	keurmerk veilig ondernemen
three	integrale aanpak ondermijning
three	bestuurlijke aanpak drugs
three	inzet van boa's
three	digitale weerbaarheid ondernemers
three	sluiting drugspanden woningen
three	veiligheid op school
three	nazorg ex-gedetineerden gemeente
three	meldpunt zorg overlast
three	aanpak radicalisering extremisme
three	brandveiligheid in woningen
three	monitoring en evaluatie
three	rol van de burgemeester
three	wijkagent en handhavers
three	slachtoffers van oplichting
three	veiligheid rond evenementen
three	ondermijning in buitengebied
three	criminele uitbuiting jongeren
three	aanpak van woonoverlast
three	samenwerking met politie
phrase	"high impact crimes"
phrase	"huiselijk geweld"
phrase	"georganiseerde criminaliteit"
phrase	"zorg en veiligheid"
phrase	"veilige publieke taak"
phrase	"verward gedrag"
phrase	"persoonsgerichte aanpak"
phrase	"keurmerk veilig ondernemen"
phrase	"openbare orde"
phrase	"digitale criminaliteit"
phrase	"huiselijk geweld en kindermishandeling"
phrase	"polarisatie en radicalisering"
phrase	"jeugdige veelplegers"
phrase	"sociaal domein"
phrase	"criminele uitbuiting"
phrase	"openbare ruimte"
phrase	"zorg- en veiligheidshuis"
phrase	"woning inbraak"
phrase	"gemeente en politie"
phrase	"de wijkagent"
phrase	"ondermijnende criminaliteit"
phrase	"de veiligheidsregio"
phrase	"aanpak van ondermijning" horeca
phrase	"veiligheidshuis" nazorg
phrase	cameratoezicht "uitgaansgebied"
`), "\n")
