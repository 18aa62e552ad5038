package ui_test

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestGemeentePagesGenerated opens the page of every gemeente with a plan
// and some without, on a generated corpus, and checks them against the
// truth.
func TestGemeentePagesGenerated(t *testing.T) {
	g := newGenCorpus(t)
	truth := g.truthBeeld(t, thisYear())
	regs := registers(t)
	plansOf := map[string][]int{}
	for i, p := range g.truth {
		for _, c := range p.Gemeenten {
			plansOf[c] = append(plansOf[c], i)
		}
	}
	codes := make([]string, 0, len(truth))
	for c := range truth {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	checked := 0
	for i, code := range codes {
		if len(plansOf[code]) == 0 && i%10 != 0 {
			continue
		}
		checked++
		r := g.get(t, "/gemeenten/"+code)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d", code, r.status)
		}
		doc := r.html(t)
		g.checkGemeentePlans(t, doc, code, plansOf[code])
		g.checkGemeentePrios(t, doc, code, truth, regs)
	}
	t.Logf("checked %d gemeente pages", checked)
}

// checkGemeentePlans: the page lists the gemeente's plans, newest first,
// and its status.
func (g *genCorpus) checkGemeentePlans(t *testing.T, doc *goquery.Document, code string, want []int) {
	t.Helper()
	var got, wantIDs []string
	doc.Find("table.plannen tbody tr").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("data-id", "")) })
	for _, i := range want {
		wantIDs = append(wantIDs, strconv.FormatInt(g.ids[i], 10))
	}
	slices.Sort(got)
	slices.Sort(wantIDs)
	if !slices.Equal(got, wantIDs) {
		t.Errorf("%s: plans %v, truth %v", code, got, wantIDs)
	}
	if n := doc.Find("svg.tijdlijn rect").Length(); n != len(want) {
		t.Errorf("%s: %d bars on the timeline, want %d", code, n, len(want))
	}
	if len(want) == 0 && !strings.Contains(doc.Find("#plannen-kop").Parent().Text(), "nog geen gepubliceerd plan") {
		t.Errorf("%s: no explanation that it has no plan", code)
	}
}

// checkGemeentePrios: its own priorities are those of the truth, each
// linked to a passage, and the comparable gemeenten follow the stated
// rule and are counted right.
func (g *genCorpus) checkGemeentePrios(t *testing.T, doc *goquery.Document, code string, truth map[string]*truthFacts, regs regs) {
	t.Helper()
	tf := truth[code]
	if cls := doc.Find(".gemeentegegevens .vlakje").AttrOr("class", ""); cls != "vlakje st-"+tf.status {
		t.Errorf("%s: status %q, truth %s", code, cls, tf.status)
	}
	peers := map[string]bool{}
	doc.Find("details.meer a").Each(func(_ int, s *goquery.Selection) {
		peers[strings.TrimPrefix(s.AttrOr("href", ""), "/gemeenten/")] = true
	})
	if want := comparablePeers(code, truth, regs); !maps2Equal(peers, want) {
		t.Errorf("%s: compared with %v, rule gives %v", code, keys(peers), keys(want))
	}
	own := map[string]bool{}
	doc.Find("#balken-prio tbody tr").Each(func(_ int, s *goquery.Selection) {
		th := s.AttrOr("data-key", "")
		if a := s.Find("a.eigen"); a.Length() > 0 {
			own[th] = true
			if !strings.Contains(a.AttrOr("href", ""), "#passage-") {
				t.Errorf("%s %s: priority links to %q", code, th, a.AttrOr("href", ""))
			}
		}
		n := 0
		for p := range peers {
			if truth[p].prios[th] {
				n++
			}
		}
		if got := strings.TrimSpace(s.Find("td.getal").Text()); got != strconv.Itoa(n)+" van "+strconv.Itoa(len(peers)) {
			t.Errorf("%s %s: comparable %q, truth %d of %d", code, th, got, n, len(peers))
		}
	})
	if !maps2Equal(own, tf.prios) {
		t.Errorf("%s: own priorities %v, truth %v", code, keys(own), keys(tf.prios))
	}
}

// comparablePeers applies the rule the page states, from the truth.
func comparablePeers(code string, truth map[string]*truthFacts, regs regs) map[string]bool {
	kl, klOK := regs.inw.InwonersKlasse(code)
	vr, _ := regs.vr.Of(code)
	steps := []func(o string) bool{
		func(o string) bool {
			ok, v := sameKlasse(regs, o, kl, klOK)
			w, _ := regs.vr.Of(o)
			return ok && v && w == vr
		},
		func(o string) bool {
			ok, v := sameKlasse(regs, o, kl, klOK)
			return ok && v && regs.gm[o].Provincie == regs.gm[code].Provincie
		},
		func(o string) bool { ok, v := sameKlasse(regs, o, kl, klOK); return ok && v },
	}
	var out map[string]bool
	for _, keep := range steps {
		out = map[string]bool{}
		for o, tf := range truth {
			if o != code && tf.status == "geldend" && keep(o) {
				out[o] = true
			}
		}
		if len(out) >= 3 {
			break
		}
	}
	return out
}

func sameKlasse(regs regs, o string, kl interface{ Key() string }, klOK bool) (bool, bool) {
	k, ok := regs.inw.InwonersKlasse(o)
	return klOK && ok, k.Key() == kl.Key()
}

func maps2Equal(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestGemeenteUnknown: unknown codes are a Dutch 404 page and a JSON 404;
// a lower-case code finds the gemeente.
func TestGemeenteUnknown(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/gemeenten/GM9999", "/gemeenten/Atlantis", "/api/v1/gemeenten/GM0000"} {
		r := f.get(t, path)
		if r.status != http.StatusNotFound || !strings.Contains(r.body, "Er is geen gemeente met de code") {
			t.Errorf("%s: status %d, %.200s", path, r.status, r.body)
		}
	}
	r := f.get(t, "/gemeenten/gm0363")
	if r.status != http.StatusOK || r.html(t).Find("h1").Text() != "Gemeente Amsterdam" {
		t.Errorf("gm0363: status %d", r.status)
	}
}

// TestGemeenteEmptyDatabase: without plans the page explains itself.
func TestGemeenteEmptyDatabase(t *testing.T) {
	f := emptyHandler(t)
	r := f.get(t, "/gemeenten/GM0344")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	text := r.html(t).Find("main").Text()
	for _, want := range []string{"nog geen gepubliceerd plan van Utrecht", "Er zijn nog geen speerpunten te vergelijken", "geen kwaliteitstoets"} {
		if !strings.Contains(text, want) {
			t.Errorf("page does not say %q", want)
		}
	}
}
