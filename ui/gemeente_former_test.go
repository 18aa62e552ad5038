package ui_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/ccv/ivp/corpus"
)

// formerPlans are plans of former gemeenten: Winsum (GM0053, now Het
// Hogeland and Westerkwartier) and Bedum (no sourced CBS code, now Het
// Hogeland), both ended, and Uden (now Maashorst), in force this year.
func formerPlans() []plan {
	y := thisYear()
	intro := []page{{1, 1, hInl, "Dit plan beschrijft de aanpak van de veiligheid in de gemeente."}}
	return []plan{
		{"winsum", "Integraal veiligheidsplan gemeente Winsum 2015-2018", corpus.TypeIVP, 2015, 2018, "2015-02-01", []string{"GM0053"}, corpus.StatusPublished, intro},
		{"bedum", "Veiligheidsplan Bedum 2016-2019", corpus.TypeIVP, 2016, 2019, "", []string{"voormalig-bedum"}, corpus.StatusPublished, intro},
		{"uden", "Integraal veiligheidsplan Uden", corpus.TypeIVP, y - 3, y + 1, "", []string{"voormalig-uden"}, corpus.StatusPublished, intro},
	}
}

// TestFormerGemeentePages: the page of a gemeente formed by a herindeling
// lists its predecessors with their plans, and their plans count for its
// status by the stated rule; the page of a former gemeente points to the
// gemeenten of today; its name redirects to its code; gemeente:Winsum
// finds its plan.
func TestFormerGemeentePages(t *testing.T) {
	f := newFixtureOf(t, formerPlans())
	t.Run("successor lists its predecessors and their plans", func(t *testing.T) {
		doc := f.okHTML(t, "/gemeenten/GM1966")
		var codes []string
		doc.Find("#voorgangers li[data-code]").Each(func(_ int, s *goquery.Selection) { codes = append(codes, s.AttrOr("data-code", "")) })
		if want := []string{"voormalig-bedum", "voormalig-de-marne", "voormalig-eemsmond", "GM0053"}; !slices.Equal(codes, want) {
			t.Errorf("voorgangers %q, want %q", codes, want)
		}
		winsum := doc.Find(`#voorgangers li[data-code="GM0053"]`)
		if id := winsum.Find("li[data-id]").AttrOr("data-id", ""); id != strconv.FormatInt(f.ids["winsum"], 10) {
			t.Errorf("Winsum lists plan %q, want %d", id, f.ids["winsum"])
		}
		if txt := winsum.Text(); !strings.Contains(txt, "tot de herindeling van 1 januari 2019") {
			t.Errorf("Winsum's period not shown: %q", txt)
		}
		if cls := doc.Find(".gemeentegegevens .vlakje").AttrOr("class", ""); cls != "vlakje st-verlopen" {
			t.Errorf("Het Hogeland status %q, want verlopen (plans of predecessors that ended)", cls)
		}
		if s := doc.Find(".status-verlopen").Text(); !strings.Contains(s, "tot en met 2019 (van voorganger Bedum)") {
			t.Errorf("status text %q does not name 2019, the end of Bedum's plan", s)
		}
	})
	t.Run("a plan of a predecessor in force counts as in force", func(t *testing.T) {
		doc := f.okHTML(t, "/gemeenten/GM1991")
		if cls := doc.Find(".gemeentegegevens .vlakje").AttrOr("class", ""); cls != "vlakje st-geldend" {
			t.Errorf("Maashorst status %q, want geldend through Uden's plan", cls)
		}
		if s := doc.Find(".status-geldend").Text(); !strings.HasSuffix(s, "(van voorganger Uden)") {
			t.Errorf("status text %q does not say the plan is Uden's", s)
		}
	})
	t.Run("JSON twin has the predecessors", func(t *testing.T) {
		var g struct {
			Voorgangers []voorganger `json:"voorgangers"`
		}
		decode(t, f.get(t, "/api/v1/gemeenten/GM1969"), http.StatusOK, &g)
		i := slices.IndexFunc(g.Voorgangers, func(v voorganger) bool { return v.Code == "GM0053" })
		if i < 0 || g.Voorgangers[i].Opgeheven != "2019-01-01" || len(g.Voorgangers[i].Plans) != 1 || g.Voorgangers[i].Plans[0].ID != f.ids["winsum"] {
			t.Errorf("Westerkwartier's voorgangers %+v: want Winsum with its plan", g.Voorgangers)
		}
	})
	t.Run("the former gemeente's page points to today's", func(t *testing.T) {
		doc := f.okHTML(t, "/gemeenten/GM0053")
		if h := doc.Find("h1").Text(); h != "Voormalige gemeente Winsum" {
			t.Errorf("heading %q", h)
		}
		for _, href := range []string{"/gemeenten/GM1966", "/gemeenten/GM1969", "/documenten/" + strconv.FormatInt(f.ids["winsum"], 10)} {
			if doc.Find(`a[href="`+href+`"]`).Length() == 0 {
				t.Errorf("no link to %s", href)
			}
		}
		if doc.Find(".bronnen a").Length() == 0 {
			t.Error("no sources of the herindeling")
		}
		var g struct {
			Voormalig bool `json:"voormalig"`
			Opvolgers []struct {
				Code string `json:"code"`
			} `json:"opvolgers"`
		}
		decode(t, f.get(t, "/api/v1/gemeenten/voormalig-bedum"), http.StatusOK, &g)
		if !g.Voormalig || len(g.Opvolgers) != 1 || g.Opvolgers[0].Code != "GM1966" {
			t.Errorf("Bedum as JSON: %+v", g)
		}
	})
	t.Run("a name redirects to the code", func(t *testing.T) {
		r := f.get(t, "/gemeenten/winsum")
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/gemeenten/GM0053" {
			t.Errorf("status %d, Location %q", r.status, r.header.Get("Location"))
		}
		if r := f.get(t, "/gemeenten/Atlantis"); r.status != http.StatusNotFound || !strings.Contains(r.body, "voormalige gemeente") {
			t.Errorf("unknown name: status %d", r.status)
		}
	})
	t.Run("gemeente:Winsum finds its plan", func(t *testing.T) {
		if got := f.searchKeys(t, "/api/v1/search?q=gemeente:Winsum"); !slices.Equal(got, []string{"winsum"}) {
			t.Errorf("found %q, want winsum", got)
		}
	})
	t.Run("the plan's page marks the former gemeente", func(t *testing.T) {
		doc := f.okHTML(t, "/documenten/"+strconv.FormatInt(f.ids["winsum"], 10))
		if s := doc.Find(".documentsub").Text(); !strings.Contains(s, "Winsum (voormalige gemeente, sinds 2019 deel van Het Hogeland en Westerkwartier)") {
			t.Errorf("document page says %q", s)
		}
	})
}

// voorganger is a predecessor in the JSON of a gemeente.
type voorganger struct {
	Code      string `json:"code"`
	Opgeheven string `json:"opgeheven"`
	Plans     []struct {
		ID int64 `json:"id"`
	} `json:"plans"`
}

// okHTML gets target, wants 200 and returns the page.
func (f *fixture) okHTML(t *testing.T, target string) *goquery.Document {
	t.Helper()
	r := f.get(t, target)
	if r.status != http.StatusOK {
		t.Fatalf("%s: status %d: %.300s", target, r.status, r.body)
	}
	return r.html(t)
}
