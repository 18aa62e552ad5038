package harvest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus/gen"
)

// hit is one request a test site received.
type hit struct {
	at        time.Time
	path      string
	userAgent string
	ifNone    string
}

// site is a web site faked for a test: it records every request.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hit
}

func newSite(t testing.TB, h http.Handler) *site {
	s := &site{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{at: time.Now(), path: r.URL.RequestURI(), userAgent: r.UserAgent(),
			ifNone: r.Header.Get("If-None-Match")})
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// addr is the site's address as dialled (ip:port).
func (s *site) addr() string { return strings.TrimPrefix(s.URL, "http://") }

func (s *site) requests() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.hits...)
}

func (s *site) reset() {
	s.mu.Lock()
	s.hits = nil
	s.mu.Unlock()
}

// plans are generated IVP-like plans: PDFs and HTML regulation pages.
type plans struct {
	pdf, html [][]byte
}

var (
	plansOnce sync.Once
	plansVal  plans
	plansErr  error
)

// testPlans generates four plans as PDF and HTML once per test binary.
func testPlans(t testing.TB) plans {
	t.Helper()
	plansOnce.Do(func() {
		dir, err := os.MkdirTemp("", "harvest-plans")
		if err != nil {
			plansErr = err
			return
		}
		defer os.RemoveAll(dir)
		if _, plansErr = gen.Generate(context.Background(), gen.Options{Out: dir, Plans: 4, Seed: 5,
			Format: gen.FormatBoth}, nil); plansErr != nil {
			return
		}
		plansVal.pdf, plansErr = readAll(dir, "*.pdf")
		if plansErr == nil {
			plansVal.html, plansErr = readAll(dir, "*.html")
		}
	})
	if plansErr != nil {
		t.Fatal(plansErr)
	}
	return plansVal
}

func readAll(dir, pattern string) ([][]byte, error) {
	names, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// municipality is a gemeente's web site: a menu, a cookie banner and a
// paged listing of safety-policy documents, with the traps a real one
// has (a forbidden path, a redirect inward, huge and missing files).
type municipality struct {
	*site
	version   atomic.Int32 // which file jaarplan.pdf serves: 0 or 1
	bigBytes  atomic.Int64 // bytes the 200 MB files wrote before the reader gave up
	loopback  string       // where /oud/analyse.pdf redirects to
	plans     plans
	listCalls atomic.Int32
}

func newMunicipality(t testing.TB, p plans, loopback string) *municipality {
	m := &municipality{plans: p, loopback: loopback}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "# Gemeente Waterdam\nUser-agent: *\nCrawl-delay: 0.15\nDisallow: /intern/\nDisallow: /zoeken\n\nUser-agent: BadBot\nDisallow: /\n")
	})
	mux.HandleFunc("/veiligheid", m.listing)
	mux.HandleFunc("/documenten/ivp-2024-2027.pdf", servePDF(p.pdf[0], `"ivp-1"`))
	mux.HandleFunc("/documenten/uitvoeringsplan-2024.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(p.pdf[1]) // no validators: recognised by its content the second time
	})
	mux.HandleFunc("/documenten/jaarplan-veiligheid.pdf", func(w http.ResponseWriter, r *http.Request) {
		v := m.version.Load()
		servePDF(p.pdf[2+v], fmt.Sprintf(`"jaarplan-%d"`, v))(w, r)
	})
	mux.HandleFunc("/beleid/integraal-veiligheidsplan", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(p.html[0])
	})
	mux.HandleFunc("/intern/concept-ivp.pdf", servePDF(p.pdf[3], ""))
	mux.HandleFunc("/oud/analyse.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, m.loopback+"/analyse.pdf", http.StatusFound)
	})
	mux.HandleFunc("/documenten/bijlagen.zip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		w.Write([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00 not a document"))
	})
	mux.HandleFunc("/documenten/evaluatie-2022.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, softNotFound) // a 200 that is an error page
	})
	mux.HandleFunc("/documenten/kaart.pdf", big(&m.bigBytes, true))
	mux.HandleFunc("/documenten/bijlage-cijfers.pdf", big(&m.bigBytes, false))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	m.site = newSite(t, mux)
	return m
}

// servePDF serves data with an ETag and Last-Modified, answering
// conditional requests with 304.
func servePDF(data []byte, etag string) http.HandlerFunc {
	mod := time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		http.ServeContent(w, r, "", mod, strings.NewReader(string(data)))
	}
}

// big streams a 200 MB "PDF" and counts what it could write before the
// reader hung up.
func big(written *atomic.Int64, declare bool) http.HandlerFunc {
	const size = 200 << 20
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		if declare {
			w.Header().Set("Content-Length", fmt.Sprint(size))
		}
		chunk := make([]byte, 64<<10)
		copy(chunk, "%PDF-1.7\n")
		for n := 0; n < size; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			written.Add(int64(len(chunk)))
		}
	}
}

func (m *municipality) listing(w http.ResponseWriter, r *http.Request) {
	m.listCalls.Add(1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	items, pager := listingPage1, pagerPage1
	if r.URL.Query().Get("pagina") == "2" {
		items, pager = listingPage2, pagerPage2
	}
	fmt.Fprintf(w, municipalPage, items, pager)
}

const municipalPage = `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Veiligheid | Gemeente Waterdam</title></head>
<body>
<div id="cookiebanner" class="cookie-melding">
  <p>Wij gebruiken cookies om de website te verbeteren. <a href="/privacy">Lees meer over cookies</a></p>
  <a href="#" class="knop">Accepteren</a> <a href="/cookies/weigeren" class="knop">Weigeren</a>
</div>
<header><a href="/" class="logo">Gemeente Waterdam</a>
<nav class="hoofdmenu"><ul>
  <li><a href="/wonen">Wonen en leven</a></li><li><a href="/ondernemen">Ondernemen</a></li>
  <li><a href="/bestuur">Bestuur en organisatie</a></li><li><a href="/contact">Contact</a></li>
  <li><a href="/documenten/jaarverslag-2023.pdf">Jaarverslag</a></li>
</ul></nav></header>
<main>
<h1>Integrale veiligheid</h1>
<p>De gemeente werkt met politie, brandweer en partners aan een veilige gemeente.</p>
<ul class="documenten">%s</ul>
<nav class="paginering" aria-label="Paginering">%s</nav>
</main>
<footer><a href="/privacy">Privacy</a> <a href="mailto:info@waterdam.example">Mail ons</a></footer>
</body></html>`

const listingPage1 = `
<li><h3>Integraal Veiligheidsplan 2024-2027</h3><p>Vastgesteld door de raad op 12 maart 2024.</p>
  <a href="/documenten/ivp-2024-2027.pdf">Download (PDF, 1,2 MB)</a></li>
<li><a href="/beleid/integraal-veiligheidsplan">Veiligheidsplan op de website</a> <time datetime="2023-11-02">2 november 2023</time></li>
<li><a href="/intern/concept-ivp.pdf">Concept IVP (intern)</a></li>
<li><a href="/documenten/jaarplan-veiligheid.pdf">Jaarplan veiligheid</a> <span>gepubliceerd 5-1-2024</span></li>`

const pagerPage1 = `<a href="/veiligheid" aria-current="page">1</a> <a href="/veiligheid?pagina=2">2</a> <a href="/veiligheid?pagina=2">Volgende</a>`

const listingPage2 = `
<li><a href="/documenten/uitvoeringsplan-2024.pdf">Uitvoeringsplan 2024</a></li>
<li><a href="/oud/analyse.pdf">Veiligheidsanalyse (oud adres)</a></li>
<li><a href="/documenten/bijlagen.zip">Bijlagen (zip)</a></li>
<li><a href="/documenten/evaluatie-2022.pdf">Evaluatie 2022</a></li>
<li><a href="/documenten/ontbreekt.pdf">Besluit raad</a></li>
<li><a href="/documenten/kaart.pdf">Kaart (PDF, 200 MB)</a></li>
<li><a href="/documenten/bijlage-cijfers.pdf">Cijferbijlage</a></li>`

const pagerPage2 = `<a href="/veiligheid">1</a> <a href="/veiligheid?pagina=2" aria-current="page">2</a> <a href="/veiligheid">Vorige</a>`

const softNotFound = `<!DOCTYPE html><html><head><title>Pagina niet gevonden | Gemeente Waterdam</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><h1>Deze pagina bestaat niet (meer)</h1>
<p>Gebruik de zoekfunctie.</p></main></body></html>`

// register is a regulations register's search results, one result of
// which lives on a slow server.
func newRegister(t testing.TB, p plans, slow string) *site {
	mux := http.NewServeMux()
	mux.HandleFunc("/zoeken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, registerPage, slow)
	})
	mux.HandleFunc("/regelingen/CVDR7001", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(p.html[1])
	})
	mux.HandleFunc("/regelingen/CVDR7002.pdf", servePDF(p.pdf[0], "")) // the gemeente's IVP again
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	return newSite(t, mux)
}

const registerPage = `<!DOCTYPE html>
<html lang="nl"><head><title>Zoekresultaten - Lokale regelgeving</title></head><body>
<header><nav><a href="/">Home</a> <a href="/uitgebreid-zoeken">Uitgebreid zoeken</a> <a href="/help">Help</a></nav></header>
<main><h1>Zoekresultaten voor "integrale veiligheid"</h1><p>3 resultaten</p>
<div class="resultaten">
 <div class="resultaat"><h2><a href="/regelingen/CVDR7001">Verordening integrale veiligheid Waterdam 2024</a></h2>
   <dl><dt>Organisatie</dt><dd>Gemeente Waterdam</dd><dt>Datum inwerkingtreding</dt><dd>01-01-2024</dd></dl></div>
 <div class="resultaat"><h2><a href="%s/regeling/traag">Veiligheidsplan Traagdorp</a></h2>
   <dl><dt>Datum inwerkingtreding</dt><dd>15-06-2023</dd></dl></div>
 <div class="resultaat"><h2><a href="/regelingen/CVDR7002.pdf">Integraal Veiligheidsplan (bijlage)</a></h2>
   <dl><dt>Datum inwerkingtreding</dt><dd>12 maart 2024</dd></dl></div>
</div>
<nav class="pager"><a href="/zoeken?pagina=2">Volgende pagina</a></nav>
</main></body></html>`

// bad is a site whose pages fail in the ways real sources do.
func newBadSite(t testing.TB) *site {
	mux := http.NewServeMux()
	mux.HandleFunc("/foutpagina", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, softNotFound)
	})
	mux.HandleFunc("/mijn/documenten", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Inloggen | Mijn Waterdam</title></head><body>
<form method="post" action="/login"><label>Gebruikersnaam <input name="user"></label>
<label>Wachtwoord <input type="password" name="pw"></label><button>Inloggen</button></form>
<a href="/documenten/plan.pdf">plan</a></body></html>`)
	})
	mux.HandleFunc("/storing", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Service tijdelijk niet beschikbaar", http.StatusServiceUnavailable)
	})
	return newSite(t, mux)
}

// slowSite answers only after the harvester has given up.
func newSlowSite(t testing.TB) *site {
	return newSite(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("%PDF-1.7\n"))
		w.(http.Flusher).Flush()
		select { // the body stalls
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	}))
}
