package harvest

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

func TestRobots(t *testing.T) {
	const txt = `# comment
User-agent: *
Disallow: /intern/
Disallow: /*.docx$
Allow: /intern/openbaar/

User-agent: ivp-oogst
User-agent: andere-bot
Crawl-delay: 2.5
Disallow: /zoeken
Disallow: /intern/
Allow: /intern/openbaar/

User-agent: BadBot
Disallow: /
`
	ours := parseRobots([]byte(txt))
	all := parseRobots([]byte(strings.Replace(txt, "ivp-oogst", "iemand", 1)))
	cases := []struct {
		name      string
		rb        *robots
		path      string
		wantAllow bool
	}{
		{"own group forbids", ours, "/zoeken?q=ivp", false},
		{"own group allows the rest", ours, "/documenten/ivp.pdf", true},
		{"longest rule wins", ours, "/intern/openbaar/plan.pdf", true},
		{"prefix forbids", ours, "/intern/concept.pdf", false},
		{"star group when not named", all, "/zoeken", true},
		{"star group wildcard and anchor", all, "/stukken/plan.docx", false},
		{"anchor needs the end", all, "/stukken/plan.docx.pdf", true},
		{"empty robots allows", parseRobots(nil), "/intern/", true},
		{"server error forbids all", &robots{disallow: true}, "/", false},
	}
	if ours.delay != 2500*time.Millisecond || all.delay != 0 {
		t.Errorf("Crawl-delay: ours %s, the others' %s; want 2.5s and none", ours.delay, all.delay)
	}
	if rb := parseRobots([]byte("User-agent: *\nCrawl-delay: 86400\n")); rb.delay != maxCrawlDelay {
		t.Errorf("a day's Crawl-delay became %s, want the cap %s", rb.delay, maxCrawlDelay)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _ := url.Parse("https://gemeente.example" + c.path)
			if got := c.rb.allowed(u); got != c.wantAllow {
				t.Errorf("allowed(%s) = %v, want %v", c.path, got, c.wantAllow)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	cases := map[string]string{
		"Vastgesteld op 12 maart 2024.":     "2024-03-12",
		"gepubliceerd 5-1-2024":             "2024-01-05",
		"Datum 2023-11-02 en 2024-01-01":    "2023-11-02",
		"1 okt. 2022":                       "2022-10-01",
		"31-02-2024 bestaat niet":           "",
		"Versie 3.1.2 van 12 mei 2021":      "2021-05-12",
		"Plan 2024-2027 zonder datum":       "",
		"Inwerkingtreding 01/07/2023":       "2023-07-01",
		"zowel 3 juni 2020 als 2019-01-01 ": "2020-06-03",
	}
	for in, want := range cases {
		if got := findDate(in); got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindLinksAndPageProblems(t *testing.T) {
	const page = `<html><head><title>Beleid | Gemeente</title><base href="https://www.gemeente.example/beleid/"></head><body>
<nav><a href="/contact">Contact</a></nav>
<ul class="docs">
 <li><h3>Integraal veiligheidsplan</h3><a href="ivp.pdf#pagina=2">Download (PDF, 2 MB)</a></li>
 <li><a href="mailto:a@b.example">Mail</a><a href="https://andere.example/plan">Plan elders</a></li>
 <li><a href="ivp.pdf">Nogmaals</a></li>
</ul></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	doc.Url, _ = url.Parse("https://www.gemeente.example/veiligheid")
	links := findLinks(doc, "ul.docs li")
	var got []string
	for _, l := range links {
		got = append(got, l.URL.String()+" "+l.Title)
	}
	want := []string{"https://www.gemeente.example/beleid/ivp.pdf Integraal veiligheidsplan",
		"https://andere.example/plan Plan elders"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := pageProblem(doc); p != "" {
		t.Errorf("a good page has problem %q", p)
	}
	for name, html := range map[string]string{
		"login":     `<title>Mijn omgeving</title><form><input type="password" name="pw"></form>`,
		"not found": `<title>Pagina niet gevonden</title>`,
		"500 title": `<title>500 | Gemeente</title>`,
		"h1 error":  `<title>Gemeente</title><h1>Er is iets misgegaan</h1>`,
	} {
		d, _ := goquery.NewDocumentFromReader(strings.NewReader(html))
		if pageProblem(d) == "" {
			t.Errorf("%s: no problem found", name)
		}
	}
}
